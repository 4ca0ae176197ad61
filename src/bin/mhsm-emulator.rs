//! `mhsm-emulator`: parses flags and runs the emulator in the foreground.
fn main() {
    std::process::exit(mhsm::emulator_main());
}
