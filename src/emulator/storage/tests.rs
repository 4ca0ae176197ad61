//! In-process tests of the engine-facing API against a started emulator.

use super::*;

#[test]
fn container_uris() {
    assert_eq!(
        parse_container_uri("https://mhsmbackups.blob.storage.emulator/backups").unwrap(),
        ("mhsmbackups".into(), "backups".into())
    );
    assert_eq!(
        parse_container_uri("https://acct.blob.core.windows.net/c-1/").unwrap(),
        ("acct".into(), "c-1".into())
    );
    assert_eq!(
        parse_container_uri("http://127.0.0.1:10000/devstoreaccount1/backups").unwrap(),
        ("devstoreaccount1".into(), "backups".into())
    );
    for bad in [
        "not a url",
        "ftp://acct.blob.x/c",
        "https://acct.blob.x/",
        "https://acct.blob.x/c/extra",
        "https://acct.blob.x/c?sv=1",
        "https://127.0.0.1:1/acct",
        "https://UP.blob.x/cont",
        "https://acct.blob.x/Bad_Container",
    ] {
        assert!(
            matches!(parse_container_uri(bad), Err(StorageError::InvalidUri(_))),
            "{bad}"
        );
    }
}
