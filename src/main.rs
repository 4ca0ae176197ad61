//! `mhsm`: thin entry point.
fn main() {
    std::process::exit(mhsm::run());
}
