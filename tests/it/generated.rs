//! Generated completions and man pages are committed and must match the command tree.

#[test]
fn completions_and_man_pages_are_fresh() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let stale = mhsm::commands::generate::stale_files(dir);
    assert!(
        stale.is_empty(),
        "stale generated files (run `cargo run -- generate`): {stale:?}"
    );
}
