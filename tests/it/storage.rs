//! The emulator's storage accounts and embedded Blob service, driven by object_store's own
//! Azure client (what the backup engine uses) and by raw HTTP where a hostile or exact
//! request matters; SAS tokens from `mhsm-emulator sas` and from az; the engine API
//! (`open_container`) against Azurite for accounts that live in an external Blob service.

use object_store::azure::{MicrosoftAzure, MicrosoftAzureBuilder};
use object_store::path::Path;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload, RetryConfig};
use serde_json::Value;
use std::process::Command;
use std::time::Duration;

use crate::harness::{AZURITE_ACCOUNT, AZURITE_KEY, Azurite, EMULATOR, Emu, read_json};
use mhsm::emulator::storage::{StorageAuth, StorageError, classify, open_container};

const ACCOUNT: &str = "mhsmbackups";

fn storage(emu: &Emu) -> Value {
    read_json(&emu.state().join("storage.json"))
}

/// `https://127.0.0.1:P/mhsmbackups` from storage.json.
fn endpoint(emu: &Emu) -> String {
    storage(emu)["accounts"][0]["endpoint"]
        .as_str()
        .unwrap()
        .to_string()
}

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// `mhsm-emulator sas` for a container of the default account.
fn sas(emu: &Emu, container: &str, perms: &str, extra: &[&str]) -> String {
    let out = Command::new(EMULATOR)
        .arg("sas")
        .arg("--state-dir")
        .arg(emu.state())
        .args(["--account", ACCOUNT, "--container", container])
        .args(["--permissions", perms])
        .args(if extra.contains(&"--expiry") {
            vec![]
        } else {
            vec!["--expiry", "2h"]
        })
        .args(extra)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "sas: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

enum Cred {
    Sas(String),
    Bearer(String),
    Key(String),
}

/// object_store's Azure client for `container` of the default account, trusting the CA.
fn client(emu: &Emu, container: &str, cred: Cred) -> MicrosoftAzure {
    let pem = std::fs::read(emu.state().join("ca.pem")).unwrap();
    let b = MicrosoftAzureBuilder::new()
        .with_account(ACCOUNT)
        .with_container_name(container)
        .with_endpoint(endpoint(emu))
        .with_client_options(
            object_store::ClientOptions::new()
                .with_root_certificate(object_store::Certificate::from_pem(&pem).unwrap()),
        )
        .with_retry(RetryConfig {
            max_retries: 0,
            ..Default::default()
        });
    match cred {
        Cred::Sas(t) => b.with_config(object_store::azure::AzureConfigKey::SasKey, t),
        Cred::Bearer(t) => b.with_bearer_token_authorization(t),
        Cred::Key(k) => b.with_access_key(k),
    }
    .build()
    .unwrap()
}

fn code(e: &object_store::Error) -> String {
    classify(e).code().to_string()
}

#[test]
fn object_store_writes_lists_reads_and_deletes_with_an_emulator_sas() {
    let emu = Emu::start();
    let st = storage(&emu);
    assert_eq!(st["accounts"][0]["name"], ACCOUNT);
    assert_eq!(
        st["accounts"][0]["containers"][0]["uri"],
        "https://mhsmbackups.blob.storage.emulator/backups"
    );
    assert_eq!(
        emu.cloud["blob_resolver"].as_str().unwrap(),
        format!("{}/{{account}}", st["blob_endpoint"].as_str().unwrap())
    );
    let store = client(
        &emu,
        "backups",
        Cred::Sas(sas(&emu, "backups", "racwdl", &[])),
    );
    rt().block_on(async {
        let folder = "mhsm-hsm1-2026010112000000";
        for (name, body) in [
            ("keys/k1.json", "one"),
            ("keys/k2.json", "two"),
            ("roles.json", "[]"),
        ] {
            store
                .put(
                    &Path::from(format!("{folder}/{name}")),
                    PutPayload::from(body),
                )
                .await
                .unwrap();
        }
        store
            .put(&Path::from("top.txt"), PutPayload::from("top"))
            .await
            .unwrap();
        // Folders come back as common prefixes (List Blobs with delimiter).
        let top = store.list_with_delimiter(None).await.unwrap();
        assert_eq!(top.common_prefixes, vec![Path::from(folder)]);
        assert_eq!(top.objects.len(), 1);
        assert_eq!(top.objects[0].location, Path::from("top.txt"));
        let inner = store
            .list_with_delimiter(Some(&Path::from(folder)))
            .await
            .unwrap();
        assert_eq!(
            inner.common_prefixes,
            vec![Path::from(format!("{folder}/keys"))]
        );
        assert_eq!(inner.objects[0].size, 2);
        let all: Vec<_> = futures::TryStreamExt::try_collect::<Vec<_>>(store.list(None))
            .await
            .unwrap();
        assert_eq!(all.len(), 4);
        // Get, ranged get, head.
        let p = Path::from(format!("{folder}/keys/k2.json"));
        assert_eq!(
            &store.get(&p).await.unwrap().bytes().await.unwrap()[..],
            b"two"
        );
        assert_eq!(&store.get_range(&p, 1..3).await.unwrap()[..], b"wo");
        let head = store.head(&p).await.unwrap();
        assert_eq!(head.size, 3);
        assert!(head.e_tag.unwrap().starts_with("\"0x8D"));
        // Multipart (Put Block + Put Block List), several parts.
        let big = Path::from(format!("{folder}/big.bin"));
        let mut up = store.put_multipart(&big).await.unwrap();
        for i in 0..3u8 {
            up.put_part(PutPayload::from(vec![i; 1000])).await.unwrap();
        }
        up.complete().await.unwrap();
        let data = store.get(&big).await.unwrap().bytes().await.unwrap();
        assert_eq!(data.len(), 3000);
        assert_eq!((data[0], data[1500], data[2999]), (0, 1, 2));
        // Delete goes through Blob Batch in object_store.
        store.delete(&big).await.unwrap();
        assert_eq!(code(&store.head(&big).await.unwrap_err()), "BlobNotFound");
        assert_eq!(code(&store.get(&big).await.unwrap_err()), "BlobNotFound");
        // Create-only puts.
        let e = store
            .put_opts(
                &p,
                PutPayload::from("x"),
                object_store::PutMode::Create.into(),
            )
            .await
            .unwrap_err();
        assert!(
            matches!(e, object_store::Error::AlreadyExists { .. }),
            "{e}"
        );
    });
}

#[test]
fn sas_time_window_follows_the_emulator_clock() {
    let emu = Emu::start();
    let rt = rt();
    let later = sas(&emu, "backups", "rw", &["--start", "1h"]);
    let e = rt
        .block_on(
            client(&emu, "backups", Cred::Sas(later.clone()))
                .put(&Path::from("a"), PutPayload::from("a")),
        )
        .unwrap_err();
    let c = classify(&e);
    assert_eq!(c.code(), "AuthenticationFailed");
    assert!(c.to_string().contains("The SAS is not valid yet"), "{c}");
    let short = sas(&emu, "backups", "rw", &["--expiry", "30m"]);
    rt.block_on(
        client(&emu, "backups", Cred::Sas(short.clone()))
            .put(&Path::from("a"), PutPayload::from("a")),
    )
    .unwrap();
    emu.advance_clock(3600);
    // The later SAS is valid now; the short one has expired.
    rt.block_on(
        client(&emu, "backups", Cred::Sas(later)).put(&Path::from("b"), PutPayload::from("b")),
    )
    .unwrap();
    let e = rt
        .block_on(client(&emu, "backups", Cred::Sas(short)).get(&Path::from("a")))
        .unwrap_err();
    let c = classify(&e);
    assert_eq!(c.code(), "AuthenticationFailed");
    assert!(c.to_string().contains("The SAS has expired"), "{c}");
    assert!(
        c.to_string()
            .contains("Signature not valid in the specified time frame"),
        "{c}"
    );
    // `sas --expiry 30m` counts from the emulator's (moved) clock.
    let fresh = sas(&emu, "backups", "r", &["--expiry", "30m"]);
    rt.block_on(client(&emu, "backups", Cred::Sas(fresh)).get(&Path::from("a")))
        .unwrap();
}

/// An account SAS, signed as `az storage account generate-sas` does.
fn account_sas(emu: &Emu, perms: &str, resource_types: &str) -> String {
    use mhsm::crypto::sas::{SasKind, SasToken, format_time, quote, sign};
    let key = storage(emu)["accounts"][0]["key"]
        .as_str()
        .unwrap()
        .to_string();
    let key = base64::Engine::decode(&base64::engine::general_purpose::STANDARD, key).unwrap();
    let se = format_time(time::OffsetDateTime::now_utc().unix_timestamp() + 3600).unwrap();
    let tok = SasToken {
        kind: SasKind::Account {
            services: "b".into(),
            resource_types: resource_types.into(),
        },
        version: "2026-04-06".into(),
        permissions: perms.into(),
        start: None,
        expiry: se.clone(),
        ip: None,
        protocol: None,
        identifier: None,
        encryption_scope: None,
        snapshot_time: None,
        rscc: None,
        rscd: None,
        rsce: None,
        rscl: None,
        rsct: None,
        signature: String::new(),
    };
    let sig = sign(&key, &tok.string_to_sign(ACCOUNT, "", None));
    format!(
        "se={}&sp={perms}&sv=2026-04-06&ss=b&srt={resource_types}&sig={}",
        quote(&se),
        quote(&sig)
    )
}

#[test]
fn sas_permissions_and_scope_are_enforced() {
    let emu = Emu::start();
    let http = emu.http();
    let rt = rt();
    // An account SAS creates a second container (object_store cannot).
    let acct = account_sas(&emu, "rwdlac", "sco");
    let url = format!("{}/other?restype=container&{acct}", endpoint(&emu));
    let r = rt
        .block_on(http.put(&url).header("content-length", "0").send())
        .unwrap();
    assert_eq!(r.status(), 201);
    let r = rt
        .block_on(http.put(&url).header("content-length", "0").send())
        .unwrap();
    assert_eq!(r.status(), 409);
    assert_eq!(r.headers()["x-ms-error-code"], "ContainerAlreadyExists");
    // An account SAS without the container resource type cannot create one.
    let objects_only = account_sas(&emu, "rwdlac", "o");
    let url = format!("{}/third?restype=container&{objects_only}", endpoint(&emu));
    let r = rt
        .block_on(http.put(&url).header("content-length", "0").send())
        .unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(
        r.headers()["x-ms-error-code"],
        "AuthorizationResourceTypeMismatch"
    );

    rt.block_on(async {
        let p = Path::from("x.json");
        let read_list = client(&emu, "backups", Cred::Sas(sas(&emu, "backups", "rl", &[])));
        let e = read_list.put(&p, PutPayload::from("x")).await.unwrap_err();
        assert_eq!(code(&e), "AuthorizationPermissionMismatch");
        assert_eq!(
            classify(&e).to_string(),
            "This request is not authorized to perform this operation using this permission."
        );
        let write_only = client(&emu, "backups", Cred::Sas(sas(&emu, "backups", "cw", &[])));
        write_only.put(&p, PutPayload::from("x")).await.unwrap();
        let e = write_only.list_with_delimiter(None).await.unwrap_err();
        assert_eq!(code(&e), "AuthorizationPermissionMismatch");
        // `c` creates but does not overwrite.
        let create_only = client(&emu, "backups", Cred::Sas(sas(&emu, "backups", "c", &[])));
        create_only
            .put(&Path::from("new.json"), PutPayload::from("n"))
            .await
            .unwrap();
        let e = create_only
            .put(&p, PutPayload::from("y"))
            .await
            .unwrap_err();
        assert_eq!(code(&e), "AuthorizationPermissionMismatch");
        // The SAS of `backups` does not open `other`: its signature names the container.
        let wrong = client(
            &emu,
            "other",
            Cred::Sas(sas(&emu, "backups", "racwdl", &[])),
        );
        let e = wrong.put(&p, PutPayload::from("x")).await.unwrap_err();
        let c = classify(&e);
        assert_eq!(c.code(), "AuthenticationFailed");
        assert!(
            c.to_string()
                .contains("Signature did not match. String to sign used was"),
            "{c}"
        );
        assert!(c.to_string().contains("/blob/mhsmbackups/other"), "{c}");
        // A forged signature, and a widened permission list, fail the same way.
        let good = sas(&emu, "backups", "r", &[]);
        let forged = good.replace("sig=", "sig=AAAA");
        let e = client(&emu, "backups", Cred::Sas(forged))
            .get(&p)
            .await
            .unwrap_err();
        assert_eq!(code(&e), "AuthenticationFailed");
        let widened = good.replace("sp=r", "sp=rw");
        let e = client(&emu, "backups", Cred::Sas(widened))
            .put(&p, PutPayload::from("z"))
            .await
            .unwrap_err();
        assert_eq!(code(&e), "AuthenticationFailed");
        // The account key (Shared Key) may do everything.
        let key = storage(&emu)["accounts"][0]["key"]
            .as_str()
            .unwrap()
            .to_string();
        let admin = client(&emu, "other", Cred::Key(key));
        admin.put(&p, PutPayload::from("k")).await.unwrap();
        assert_eq!(
            &admin.get(&p).await.unwrap().bytes().await.unwrap()[..],
            b"k"
        );
    });
}

#[test]
fn bearer_tokens_need_a_storage_data_role() {
    let mut emu = Emu::start();
    // Security officers may read blobs through their group.
    emu.edit_directory(|d| {
        let scope = format!(
            "/subscriptions/{}/resourceGroups/rg-hsm/providers/Microsoft.Storage/storageAccounts/{ACCOUNT}",
            d["subscription_id"].as_str().unwrap()
        );
        d["arm_role_assignments"].as_array_mut().unwrap().push(serde_json::json!({
            "principal": "security-team", "role": "Storage Blob Data Reader", "scope": scope
        }));
    });
    let rt = rt();
    let p = Path::from("mhsm-x/keys.json");
    rt.block_on(async {
        // The backup identity (Storage Blob Data Contributor), with and without trailing slash.
        for aud in ["https://storage.azure.com", "https://storage.azure.com/"] {
            let mi = client(&emu, "backups", Cred::Bearer(emu.token("hsm-backup", aud)));
            mi.put(&p, PutPayload::from("k")).await.unwrap();
            assert_eq!(&mi.get(&p).await.unwrap().bytes().await.unwrap()[..], b"k");
        }
        // Owner of the subscription: management rights are not data rights.
        let owner = client(
            &emu,
            "backups",
            Cred::Bearer(emu.token("subscription-admin", "https://storage.azure.com")),
        );
        let e = owner.get(&p).await.unwrap_err();
        assert_eq!(code(&e), "AuthorizationPermissionMismatch");
        let e = owner.put(&p, PutPayload::from("o")).await.unwrap_err();
        assert_eq!(code(&e), "AuthorizationPermissionMismatch");
        // A group member reads but does not write.
        let reader = client(
            &emu,
            "backups",
            Cred::Bearer(emu.token("security-officer", "https://storage.azure.com")),
        );
        assert_eq!(
            &reader.get(&p).await.unwrap().bytes().await.unwrap()[..],
            b"k"
        );
        let e = reader.put(&p, PutPayload::from("r")).await.unwrap_err();
        assert_eq!(code(&e), "AuthorizationPermissionMismatch");
        // No role at all.
        let vm = client(
            &emu,
            "backups",
            Cred::Bearer(emu.token("app-vm", "https://storage.azure.com")),
        );
        assert_eq!(
            code(&vm.get(&p).await.unwrap_err()),
            "AuthorizationPermissionMismatch"
        );
        // A token for another audience is not a storage token.
        let hsm = client(
            &emu,
            "backups",
            Cred::Bearer(emu.token("hsm-backup", "https://managedhsm.azure.net")),
        );
        let e = hsm.get(&p).await.unwrap_err();
        let c = classify(&e);
        assert_eq!(c.code(), "InvalidAuthenticationInfo");
        assert!(c.to_string().contains("aud="), "{c}");
    });
}

#[test]
fn errors_are_azure_xml_and_hostile_requests_get_4xx() {
    let emu = Emu::start();
    let http = emu.http();
    let rt = rt();
    let tok = sas(&emu, "backups", "racwdl", &[]);
    let base = endpoint(&emu);
    rt.block_on(async {
        // Missing container.
        let other = sas(&emu, "nothere", "racwdl", &[]);
        let r = http
            .get(format!("{base}/nothere?restype=container&comp=list&{other}"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 404);
        assert_eq!(r.headers()["x-ms-error-code"], "ContainerNotFound");
        assert!(r.headers().contains_key("x-ms-request-id"));
        let body = r.text().await.unwrap();
        assert!(
            body.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>ContainerNotFound</Code><Message>The specified container does not exist.\nRequestId:"),
            "{body}"
        );
        let store = client(&emu, "nothere", Cred::Sas(other));
        let e = store.put(&Path::from("a"), PutPayload::from("a")).await.unwrap_err();
        assert_eq!(code(&e), "ContainerNotFound");
        // No credential at all.
        let r = http.get(format!("{base}/backups?restype=container&comp=list")).send().await.unwrap();
        assert_eq!(r.status(), 401);
        assert_eq!(r.headers()["x-ms-error-code"], "NoAuthenticationInformation");
        assert!(r.headers()["www-authenticate"].to_str().unwrap().contains("resource_id=https://storage.azure.com"));
        // Unknown account, unknown operation, bad block list, missing blob type.
        let r = http.get(format!("{base}x/backups?restype=container&{tok}")).send().await.unwrap();
        assert_eq!(r.status(), 400);
        let r = http.put(format!("{base}/backups/b?comp=metadata&{tok}")).body("").send().await.unwrap();
        assert_eq!(r.status(), 400);
        assert_eq!(r.headers()["x-ms-error-code"], "UnsupportedOperation");
        let r = http
            .put(format!("{base}/backups/b?comp=blocklist&{tok}"))
            .body("<BlockList><Latest>AAA=</Latest>")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400);
        assert_eq!(r.headers()["x-ms-error-code"], "InvalidXmlDocument");
        let r = http.put(format!("{base}/backups/b?{tok}")).body("x").send().await.unwrap();
        assert_eq!(r.headers()["x-ms-error-code"], "MissingRequiredHeader");
        // A range beyond the end.
        http.put(format!("{base}/backups/small?{tok}"))
            .header("x-ms-blob-type", "BlockBlob")
            .body("abc")
            .send()
            .await
            .unwrap()
            .error_for_status()
            .unwrap();
        let r = http.get(format!("{base}/backups/small?{tok}")).header("x-ms-range", "bytes=10-").send().await.unwrap();
        assert_eq!(r.status(), 416);
        assert_eq!(r.headers()["content-range"], "bytes */3");
        // A body over the cap: 413, without the service reading it all.
        let chunks = futures::stream::iter(
            (0..257).map(|_| Ok::<_, std::io::Error>(bytes::Bytes::from(vec![0u8; 1 << 20]))),
        );
        let r = http
            .put(format!("{base}/backups/huge?{tok}"))
            .header("x-ms-blob-type", "BlockBlob")
            .body(reqwest::Body::wrap_stream(chunks))
            .send()
            .await;
        // The service answers before reading the body; the client may see the reset first.
        if let Ok(r) = r {
            assert_eq!(r.status(), 413);
            assert_eq!(r.headers()["x-ms-error-code"], "RequestBodyTooLarge");
        }
        assert!(!emu.state().join("storage/mhsmbackups/backups/huge").exists());
    });
    // Dot segments, sent as-is (clients normally remove them) and percent-encoded.
    let curl = |path: &str| -> (String, String) {
        let out = Command::new("curl")
            .args([
                "-sS",
                "--path-as-is",
                "-o",
                "/dev/null",
                "-w",
                "%{http_code}",
                "-D",
                "-",
                "--cacert",
            ])
            .arg(emu.state().join("ca.pem"))
            .arg(format!(
                "{}{path}?{tok}",
                storage(&emu)["blob_endpoint"].as_str().unwrap()
            ))
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).to_string();
        let status = text.lines().last().unwrap_or_default().to_string();
        let code = text
            .lines()
            .find_map(|l| l.strip_prefix("x-ms-error-code: "))
            .unwrap_or_default()
            .trim()
            .to_string();
        (status, code)
    };
    for path in [
        "/mhsmbackups/backups/../../../etc/passwd",
        "/mhsmbackups/backups/a/%2E%2E/%2E%2E/%2E%2E/x",
        "/mhsmbackups/../mhsmbackups/backups/x",
        "/mhsmbackups/backups/a//b",
    ] {
        let (status, code) = curl(path);
        assert!(status.starts_with('4'), "{path}: {status}");
        assert!(
            matches!(code.as_str(), "InvalidResourceName" | "InvalidUri"),
            "{path}: {code}"
        );
    }
}

#[test]
fn list_blobs_pages_with_markers_and_folder_prefixes() {
    let emu = Emu::start();
    let http = emu.http();
    let tok = sas(&emu, "backups", "racwdl", &[]);
    let base = endpoint(&emu);
    rt().block_on(async {
        for n in ["a.txt", "b/1", "b/2", "b/c/3", "c/1", "d.txt"] {
            http.put(format!("{base}/backups/{n}?{tok}"))
                .header("x-ms-blob-type", "BlockBlob")
                .body(n.to_string())
                .send()
                .await
                .unwrap()
                .error_for_status()
                .unwrap();
        }
        let list = |marker: String| {
            let http = http.clone();
            let url = format!(
                "{base}/backups?restype=container&comp=list&delimiter=/&maxresults=2{marker}&{tok}"
            );
            async move { http.get(url).send().await.unwrap().text().await.unwrap() }
        };
        let page1 = list(String::new()).await;
        assert!(
            page1.contains("<Blob><Name>a.txt</Name><Properties><Creation-Time>"),
            "{page1}"
        );
        assert!(
            page1.contains("<Content-Length>5</Content-Length>"),
            "{page1}"
        );
        assert!(
            page1.contains("<BlobPrefix><Name>b/</Name></BlobPrefix>"),
            "{page1}"
        );
        assert!(
            page1.contains("<Delimiter>/</Delimiter>")
                && page1.contains("<MaxResults>2</MaxResults>")
        );
        let marker = page1
            .split("<NextMarker>")
            .nth(1)
            .and_then(|s| s.split("</NextMarker>").next())
            .unwrap()
            .to_string();
        let page2 = list(format!("&marker={marker}")).await;
        assert!(
            page2.contains("<BlobPrefix><Name>c/</Name></BlobPrefix>"),
            "{page2}"
        );
        assert!(page2.contains("<Name>d.txt</Name>"), "{page2}");
        assert!(page2.contains("<NextMarker />"), "{page2}");
        let r = http
            .get(format!(
                "{base}/backups?restype=container&comp=list&maxresults=0&{tok}"
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400);
    });
}

#[test]
fn restart_keeps_blobs_and_the_port() {
    let mut emu = Emu::start();
    let before = storage(&emu)["blob_endpoint"].clone();
    let tok = sas(&emu, "backups", "racwdl", &[]);
    let rt = rt();
    rt.block_on(
        client(&emu, "backups", Cred::Sas(tok.clone()))
            .put(&Path::from("keep/me"), PutPayload::from("kept")),
    )
    .unwrap();
    emu.restart(true);
    assert_eq!(storage(&emu)["blob_endpoint"], before);
    let got = rt
        .block_on(async {
            client(&emu, "backups", Cred::Sas(tok))
                .get(&Path::from("keep/me"))
                .await?
                .bytes()
                .await
        })
        .unwrap();
    assert_eq!(&got[..], b"kept");
}

fn az() -> Option<std::path::PathBuf> {
    if let Some(p) = std::env::var_os("MHSM_AZ") {
        return Some(p.into());
    }
    let venv = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".venv-az/bin/az");
    if venv.exists() {
        return Some(venv);
    }
    assert!(
        std::env::var_os("MHSM_INTEROP_REQUIRED").is_none(),
        "MHSM_INTEROP_REQUIRED is set but the az CLI was not found (run ./test.sh)"
    );
    None
}

#[test]
fn az_generated_container_sas_is_accepted() {
    let Some(az) = az() else {
        eprintln!("SKIPPED: no az CLI (run ./test.sh to create .venv-az)");
        return;
    };
    let emu = Emu::start();
    let key = storage(&emu)["accounts"][0]["key"]
        .as_str()
        .unwrap()
        .to_string();
    let expiry =
        mhsm::crypto::sas::format_time(time::OffsetDateTime::now_utc().unix_timestamp() + 3600)
            .unwrap();
    let expiry = &expiry[..16]; // az's documented form: 2026-01-02T00:00Z
    let home = tempfile::tempdir().unwrap();
    let out = Command::new(az)
        .args([
            "storage",
            "container",
            "generate-sas",
            "--account-name",
            ACCOUNT,
            "--account-key",
            &key,
        ])
        .args([
            "-n",
            "backups",
            "--permissions",
            "crdwl",
            "--expiry",
            &format!("{expiry}Z"),
            "-o",
            "tsv",
        ])
        .env("AZURE_CONFIG_DIR", home.path())
        .env("AZURE_CORE_COLLECT_TELEMETRY", "false")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "az: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let token = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let store = client(&emu, "backups", Cred::Sas(token));
    rt().block_on(async {
        store
            .put(&Path::from("az.json"), PutPayload::from("az"))
            .await
            .unwrap();
        assert_eq!(
            store.list_with_delimiter(None).await.unwrap().objects.len(),
            1
        );
    });
}

/// The engine API against Azurite: an account whose `endpoint` is an external Blob service,
/// reached with a SAS (signed with its key) and with managed identities (RBAC decided by the
/// emulator, requests signed with the account key).
#[test]
fn open_container_against_azurite() {
    let Some(azurite) = Azurite::start() else {
        return;
    };
    let rt = rt();
    rt.block_on(async {
        let dir = tempfile::tempdir().unwrap();
        let mut d = mhsm::emulator::directory::Directory::default_new();
        let scope = format!(
            "/subscriptions/{}/resourceGroups/rg-hsm/providers/Microsoft.Storage/storageAccounts/{AZURITE_ACCOUNT}",
            d.subscription_id
        );
        d.storage_accounts.push(mhsm::emulator::directory::StorageAccount {
            name: AZURITE_ACCOUNT.into(),
            resource_group: "rg-hsm".into(),
            key: AZURITE_KEY.into(),
            containers: vec!["backups".into()],
            endpoint: Some(azurite.endpoint()),
        });
        for (who, role) in [
            ("hsm-backup", "Storage Blob Data Contributor"),
            ("storage-account", "Storage Blob Data Reader"),
        ] {
            d.arm_role_assignments.push(mhsm::emulator::directory::ArmRoleAssignment {
                principal: who.into(),
                role: role.into(),
                scope: scope.clone(),
            });
        }
        d.save(&dir.path().join("directory.json")).unwrap();
        let running = mhsm::emulator::start(mhsm::emulator::EmulatorOptions {
            state_dir: dir.path().to_path_buf(),
            port: Some(0),
            provision_delay: Duration::ZERO,
            ..mhsm::emulator::EmulatorOptions::new(dir.path().to_path_buf())
        })
        .await
        .unwrap();
        let emu = running.emu.clone();
        let account = emu.directory.read().unwrap().storage_account(AZURITE_ACCOUNT).cloned().unwrap();
        mhsm::emulator::storage::create_external_container(&account, "backups").await.unwrap();
        let published: Value =
            serde_json::from_slice(&std::fs::read(dir.path().join("storage.json")).unwrap()).unwrap();
        let acct = published["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["name"] == AZURITE_ACCOUNT)
            .unwrap();
        assert_eq!(acct["endpoint"], azurite.endpoint());
        assert_eq!(acct["embedded"], false);

        let oid = |n: &str| emu.directory.read().unwrap().find(n).unwrap().object_id;
        let uri = format!("https://{AZURITE_ACCOUNT}.blob.storage.emulator/backups");
        let token = mhsm::emulator::storage::sas_command(
            dir.path(), AZURITE_ACCOUNT, "backups", "racwdl", "1h", None, emu.clock.unix(),
        )
        .unwrap();
        // SAS: put, list with folders, get — through Azurite's Blob protocol.
        let c = open_container(&emu, &uri, &StorageAuth::Sas(token.clone())).await.unwrap();
        let folder = "mhsm-hsm1-2026010112000000";
        c.store
            .put(&Path::from(format!("{folder}/keys/k.json")), PutPayload::from("key"))
            .await
            .unwrap();
        let listed = c.store.list_with_delimiter(None).await.unwrap();
        assert_eq!(listed.common_prefixes, vec![Path::from(folder)]);
        // The same container, path-style.
        let path_style = format!("{}/backups", azurite.endpoint());
        let c2 = open_container(&emu, &path_style, &StorageAuth::Sas(token.clone())).await.unwrap();
        let got = c2.store.get(&Path::from(format!("{folder}/keys/k.json"))).await.unwrap();
        assert_eq!(&got.bytes().await.unwrap()[..], b"key");
        // Managed identity with Storage Blob Data Contributor: read and write.
        let mi = open_container(&emu, &uri, &StorageAuth::ManagedIdentity { object_id: oid("hsm-backup") })
            .await
            .unwrap();
        mi.store.put(&Path::from(format!("{folder}/mi.json")), PutPayload::from("mi")).await.unwrap();
        // A reader reads but cannot write.
        let reader = open_container(&emu, &uri, &StorageAuth::ManagedIdentity { object_id: oid("storage-account") })
            .await
            .unwrap();
        let got = reader.store.get(&Path::from(format!("{folder}/mi.json"))).await.unwrap();
        assert_eq!(&got.bytes().await.unwrap()[..], b"mi");
        let e = reader.store.put(&Path::from("nope"), PutPayload::from("x")).await.unwrap_err();
        assert_eq!(classify(&e).code(), "AuthorizationPermissionMismatch");
        // No role: refused up front.
        let e = open_container(&emu, &uri, &StorageAuth::ManagedIdentity { object_id: oid("app-vm") })
            .await
            .unwrap_err();
        assert_eq!(e.code(), "AuthorizationPermissionMismatch");
        // Azurite's own errors come back classified: a missing container, a bad signature.
        let missing = format!("https://{AZURITE_ACCOUNT}.blob.storage.emulator/missing");
        let t2 = mhsm::emulator::storage::sas_command(
            dir.path(), AZURITE_ACCOUNT, "missing", "racwdl", "1h", None, emu.clock.unix(),
        )
        .unwrap();
        let e = open_container(&emu, &missing, &StorageAuth::Sas(t2)).await.unwrap_err();
        assert!(matches!(e, StorageError::ContainerNotFound { .. }), "{e:?}");
        let forged = token.replace("sig=", "sig=AAAA");
        let e = open_container(&emu, &uri, &StorageAuth::Sas(forged)).await.unwrap_err();
        // Azurite says AuthorizationFailure where Azure says AuthenticationFailed.
        assert!(matches!(e, StorageError::AuthenticationFailed { .. }), "{e:?}");
        running.stop();
    });
}
