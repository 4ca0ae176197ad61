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

/// A started in-process emulator in a temporary state directory.
struct Started {
    _dir: tempfile::TempDir,
    running: Option<crate::emulator::Running>,
}

impl Started {
    async fn new(edit: impl FnOnce(&mut crate::emulator::directory::Directory)) -> Started {
        let dir = tempfile::tempdir().unwrap();
        let mut d = crate::emulator::directory::Directory::default_new();
        edit(&mut d);
        d.save(&dir.path().join("directory.json")).unwrap();
        let running = crate::emulator::start(crate::emulator::EmulatorOptions {
            state_dir: dir.path().to_path_buf(),
            port: Some(0),
            provision_delay: Duration::ZERO,
            ..crate::emulator::EmulatorOptions::new(dir.path().to_path_buf())
        })
        .await
        .unwrap();
        Started {
            _dir: dir,
            running: Some(running),
        }
    }

    fn emu(&self) -> &Arc<Emulator> {
        &self.running.as_ref().unwrap().emu
    }

    fn sas(&self, account: &str, container: &str, perms: &str, expiry: &str) -> String {
        let emu = self.emu();
        sas_command(
            &emu.opts.state_dir,
            account,
            container,
            perms,
            expiry,
            None,
            emu.clock.unix(),
        )
        .unwrap()
    }

    fn oid(&self, name: &str) -> String {
        self.emu()
            .directory
            .read()
            .unwrap()
            .find(name)
            .unwrap()
            .object_id
    }
}

impl Drop for Started {
    fn drop(&mut self) {
        if let Some(r) = self.running.take() {
            r.stop();
        }
    }
}

const URI: &str = "https://mhsmbackups.blob.storage.emulator/backups";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn open_container_with_sas_and_managed_identity() {
    let s = Started::new(|_| {}).await;
    let emu = s.emu();
    let token = s.sas("mhsmbackups", "backups", "crdwl", "1h");
    let c = open_container(
        emu,
        &format!("{URI}/"),
        &StorageAuth::Sas(format!("?{token}")),
    )
    .await
    .unwrap();
    assert_eq!(c.uri, URI);
    assert_eq!(
        (c.account.as_str(), c.container.as_str()),
        ("mhsmbackups", "backups")
    );
    let p = Path::from("mhsm-hsm1-2026010100000000/keys.json");
    c.store
        .put(&p, PutPayload::from_static(b"{}"))
        .await
        .unwrap();
    // The managed identity with Storage Blob Data Contributor reads what the SAS wrote.
    let mi = StorageAuth::ManagedIdentity {
        object_id: s.oid("hsm-backup"),
    };
    let c2 = open_container(emu, URI, &mi).await.unwrap();
    let got = c2.store.get(&p).await.unwrap().bytes().await.unwrap();
    assert_eq!(&got[..], b"{}");
    let listed = c2.store.list_with_delimiter(None).await.unwrap();
    assert_eq!(
        listed.common_prefixes,
        vec![Path::from("mhsm-hsm1-2026010100000000")]
    );
    // The blob is a file in the state directory.
    let file = emu
        .opts
        .state_dir
        .join("storage/mhsmbackups/backups/mhsm-hsm1-2026010100000000/keys.json");
    assert_eq!(std::fs::read(file).unwrap(), b"{}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn open_container_fails_clearly() {
    let s = Started::new(|_| {}).await;
    let emu = s.emu();
    let token = s.sas("mhsmbackups", "backups", "crdw", "1h");
    let err = |r: Result<Container, StorageError>| r.unwrap_err();

    let no_se = token
        .split('&')
        .filter(|p| !p.starts_with("se="))
        .collect::<Vec<_>>()
        .join("&");
    let e = err(open_container(emu, URI, &StorageAuth::Sas(no_se)).await);
    assert_eq!(e.code(), "BadRequest");
    assert_eq!(
        e.to_string(),
        "The customer provided SAS token is malformed. The SAS token does not contain the expiry field"
    );

    let e = err(open_container(
        emu,
        "https://nosuchaccount.blob.storage.emulator/backups",
        &StorageAuth::Sas(token.clone()),
    )
    .await);
    assert_eq!(e.code(), "StorageAccountNotFound");

    let e = err(open_container(
        emu,
        "https://mhsmbackups.blob.storage.emulator",
        &StorageAuth::Sas(token.clone()),
    )
    .await);
    assert_eq!(e.code(), "InvalidUri");

    // A SAS for a container that does not exist: signature fine, container missing.
    let other = s.sas("mhsmbackups", "missing", "crdw", "1h");
    let e = err(open_container(
        emu,
        "https://mhsmbackups.blob.storage.emulator/missing",
        &StorageAuth::Sas(other),
    )
    .await);
    assert_eq!(e.code(), "ContainerNotFound");
    assert_eq!(e.to_string(), "The specified container does not exist.");

    // The SAS of `backups` presented for another container.
    let e = err(open_container(
        emu,
        "https://mhsmbackups.blob.storage.emulator/missing",
        &StorageAuth::Sas(token.clone()),
    )
    .await);
    assert_eq!(e.code(), "AuthenticationFailed");
    assert!(e.to_string().contains("Signature did not match"), "{e}");

    // An identity without a storage data role.
    let e = err(open_container(
        emu,
        URI,
        &StorageAuth::ManagedIdentity {
            object_id: s.oid("app-vm"),
        },
    )
    .await);
    assert_eq!(e.code(), "AuthorizationPermissionMismatch");

    // Expired on the emulator clock.
    emu.clock.advance(2 * 3600).unwrap();
    let e = err(open_container(emu, URI, &StorageAuth::Sas(token)).await);
    assert_eq!(e.code(), "AuthenticationFailed");
    assert!(e.to_string().contains("The SAS has expired."), "{e}");
    // Bearer tokens are minted on the moved clock: still fine.
    open_container(
        emu,
        URI,
        &StorageAuth::ManagedIdentity {
            object_id: s.oid("hsm-backup"),
        },
    )
    .await
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn write_without_permission_is_classified() {
    let s = Started::new(|_| {}).await;
    let emu = s.emu();
    let read_only = s.sas("mhsmbackups", "backups", "rl", "1h");
    let c = open_container(emu, URI, &StorageAuth::Sas(read_only))
        .await
        .unwrap();
    let e = c
        .store
        .put(&Path::from("x"), PutPayload::from_static(b"x"))
        .await
        .unwrap_err();
    let e = classify(&e);
    assert_eq!(e.code(), "AuthorizationPermissionMismatch");
    assert_eq!(
        e.to_string(),
        "This request is not authorized to perform this operation using this permission."
    );
    let e = classify(&c.store.get(&Path::from("nope")).await.unwrap_err());
    assert_eq!(e.code(), "BlobNotFound");
    // A write-only SAS cannot probe but opens; its writes work.
    let w = s.sas("mhsmbackups", "backups", "cw", "1h");
    let c = open_container(emu, URI, &StorageAuth::Sas(w))
        .await
        .unwrap();
    c.store
        .put(&Path::from("w"), PutPayload::from_static(b"w"))
        .await
        .unwrap();
}
