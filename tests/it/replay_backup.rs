//! Wire tests of full backup and restore without the emulator: the replay server answers with
//! the recorded traffic of rest-api.md §14 (c) (a full backup: 202 with a lower-case
//! `azure-asyncoperation`, InProgress, then Succeeded) and (d) (a restore), the synchronous 400
//! of a malformed SAS (R5), a failed job and a 409, and checks that the real `mhsm` sends
//! exactly az 2.91's requests (method, path, query, body bytes) and prints exactly what it
//! should (stdout, stderr, exit code).
//!
//! The recordings carry `Retry-After: 10`; the replay serves `0` so no test waits. The client
//! honours whatever the service sends (az does too), bounded to 60 s: see
//! `client::backup::poll_delay` and its unit test.

use serde_json::{Value, json};

use crate::replay::{Exchange, Replay};

const BACKUP_JOB: &str = "029616fdc0e24bdda8ddb5e188b92b59";
const RESTORE_JOB: &str = "77e1763e96354707ba19ecbc4aa96caa";
const SAS: &str = "sv=2024-08-04&se=2030-01-01T00%3A00%3A00Z&sr=c&sp=crdw&sig=FAKE%2Bsig";
const CONTAINER: &str = "https://mhsmbackups.blob.core.windows.net/backups";
const FOLDER: &str = "mhsm-timovkeyvaulthsm-2022102422582377";

/// The query of every start request (az 2.91's `KeyVaultBackupClient`).
fn api(path: &str) -> String {
    format!("{path}?api-version=7.5-preview.1")
}

/// A 202 as the service sends it (R4, R10): the job body, the status URL in a lower-case
/// `azure-asyncoperation` header, `Retry-After` (recorded 10, served 0).
fn accepted(method: &str, path: &str, body: String, status_path: &str, job: Value) -> Exchange {
    Exchange {
        method: method.into(),
        path: api(path),
        body: Some(body),
        status: 202,
        headers: vec![
            (
                "azure-asyncoperation".into(),
                format!("{{base}}{status_path}"),
            ),
            ("retry-after".into(), "0".into()),
            (
                "content-type".into(),
                "application/json; charset=utf-8".into(),
            ),
        ],
        response: job.to_string(),
    }
}

/// A poll of the `azure-asyncoperation` URL: fetched exactly as given (no api-version added).
fn poll(status_path: &str, job: Value) -> Exchange {
    Exchange {
        method: "GET".into(),
        path: status_path.into(),
        body: Some(String::new()),
        status: 200,
        headers: vec![
            ("retry-after".into(), "0".into()),
            (
                "content-type".into(),
                "application/json; charset=utf-8".into(),
            ),
        ],
        response: job.to_string(),
    }
}

/// `backup status` / `restore status`: the documented status URL, with api-version.
fn status_read(status_path: &str, job: Value) -> Exchange {
    Exchange {
        path: api(status_path),
        ..poll(status_path, job)
    }
}

fn error(method: &str, path: &str, body: String, status: u16, code: &str, msg: &str) -> Exchange {
    Exchange {
        method: method.into(),
        path: api(path),
        body: Some(body),
        status,
        headers: vec![(
            "content-type".into(),
            "application/json; charset=utf-8".into(),
        )],
        response: json!({"error": {"code": code, "message": msg}}).to_string(),
    }
}

/// §14 (c): the 202 body, then the polls' bodies.
fn backup_job(status: &str) -> Value {
    match status {
        "Succeeded" => json!({
            "azureStorageBlobContainerUri": format!("{CONTAINER}/{FOLDER}"),
            "endTime": 1666652310, "error": null, "jobId": BACKUP_JOB,
            "startTime": 1666652303, "status": "Succeeded", "statusDetails": null
        }),
        s => json!({
            "status": s, "statusDetails": null, "error": null, "startTime": 1666652303,
            "endTime": null, "jobId": BACKUP_JOB, "azureStorageBlobContainerUri": null
        }),
    }
}

/// §14 (d).
fn restore_job(status: &str, details: Option<&str>) -> Value {
    let end = (status != "InProgress").then_some(1668625838);
    json!({
        "endTime": end, "error": null, "jobId": RESTORE_JOB, "startTime": 1668625827,
        "status": status, "statusDetails": details
    })
}

fn backup_body() -> String {
    format!(r#"{{"storageResourceUri": "{CONTAINER}", "token": "{SAS}"}}"#)
}

fn backup_pending() -> String {
    format!("/backup/{BACKUP_JOB}/pending")
}

fn restore_pending() -> String {
    format!("/restore/{RESTORE_JOB}/pending")
}

/// `--id <replay>` plus the storage arguments of a SAS backup.
fn backup_args(r: &Replay) -> Vec<String> {
    [
        "backup",
        "start",
        "--id",
        &r.base,
        "--storage-account-name",
        "mhsmbackups",
        "--blob-container-name",
        "backups",
        "-t",
        SAS,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn run(r: &Replay, args: &[String]) -> crate::harness::Out {
    r.mhsm(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

/// The journal of the replay's HSM (never holding the SAS).
fn journal(r: &Replay) -> String {
    let port = r.base.rsplit(':').next().unwrap();
    let text = std::fs::read_to_string(
        r.dir
            .path()
            .join(".cache/mhsm/jobs")
            .join(format!("127.0.0.1_{port}.json")),
    )
    .unwrap();
    assert!(!text.contains("sig="), "the journal holds a SAS: {text}");
    text
}

#[test]
fn backup_start_sends_azs_body_polls_the_async_operation_and_prints_azs_output() {
    let r = Replay::start(vec![
        accepted(
            "POST",
            "/backup",
            backup_body(),
            &backup_pending(),
            backup_job("InProgress"),
        ),
        poll(&backup_pending(), backup_job("InProgress")),
        poll(&backup_pending(), backup_job("InProgress")),
        poll(&backup_pending(), backup_job("Succeeded")),
    ]);
    let out = run(&r, &backup_args(&r));
    assert_eq!(r.problems(), Vec::<String>::new());
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (
            0,
            format!(
                "{{\n  \"folderUrl\": \"{CONTAINER}/{FOLDER}\",\n  \"status\": \"Succeeded\"\n}}\n"
            )
            .as_str(),
            ""
        ),
        "az's output, and no progress when stderr is not a terminal"
    );
    let j: Value = serde_json::from_str(&journal(&r)).unwrap();
    let e = &j["jobs"][0];
    assert_eq!(
        (
            e["jobId"].as_str(),
            e["operation"].as_str(),
            e["status"].as_str()
        ),
        (Some(BACKUP_JOB), Some("backup"), Some("Succeeded"))
    );
    assert_eq!(e["storageResourceUri"], CONTAINER);
    assert_eq!(e["folderUrl"], format!("{CONTAINER}/{FOLDER}"));
}

#[test]
fn backup_start_output_formats_go_through_the_printer() {
    let r = Replay::start(vec![
        accepted(
            "POST",
            "/backup",
            backup_body(),
            &backup_pending(),
            backup_job("InProgress"),
        ),
        poll(&backup_pending(), backup_job("Succeeded")),
    ]);
    let mut args = backup_args(&r);
    args.extend(["-o", "tsv"].map(String::from));
    let out = run(&r, &args).ok();
    assert_eq!(r.problems(), Vec::<String>::new());
    assert_eq!(out.stdout, format!("{CONTAINER}/{FOLDER}\tSucceeded\n"));
}

#[test]
fn a_failed_backup_job_shows_its_error_and_a_hint_and_status_reports_it() {
    let failed = json!({
        "status": "Failed", "statusDetails": null,
        "error": {"code": "ContainerNotFound", "message": "The specified container does not exist.", "innererror": null},
        "startTime": 1666652303, "endTime": 1666652305, "jobId": BACKUP_JOB,
        "azureStorageBlobContainerUri": null
    });
    let r = Replay::start(vec![
        accepted(
            "POST",
            "/backup",
            backup_body(),
            &backup_pending(),
            backup_job("InProgress"),
        ),
        poll(&backup_pending(), failed.clone()),
        status_read(&backup_pending(), failed.clone()),
    ]);
    let out = run(&r, &backup_args(&r));
    let status_cmd = format!("mhsm backup status --id {} --job-id {BACKUP_JOB}", r.base);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (
            1,
            "",
            format!(
                "ERROR: (ContainerNotFound) The specified container does not exist.\nHint: The HSM does not create the container: create it first (e.g. 'az storage container create --account-name <account> --name <container>') and check the account and container names. The job's record: '{status_cmd}'.\n"
            )
            .as_str()
        )
    );
    assert!(journal(&r).contains("\"status\": \"Failed\""));
    // `backup status` without --job-id finds the job in the journal; a failed job still prints
    // (stdout) and exits 1 with its error.
    let out = r.mhsm(&["backup", "status", "--id", &r.base]);
    assert_eq!(r.problems(), Vec::<String>::new());
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(out.json(), failed);
    assert!(
        out.stderr
            .starts_with("ERROR: (ContainerNotFound) The specified container does not exist.\nHint: The HSM does not create the container"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_malformed_sas_is_refused_synchronously_with_the_services_error() {
    // R5: 400 on the start itself, not a failed job.
    let msg = "The customer provided SAS token is malformed. The SAS token does not contain the expiry field";
    let refused = || {
        error(
            "POST",
            "/backup",
            r#"{"storageResourceUri": "https://mhsmbackups.blob.core.windows.net/backups", "token": "sv=2024-08-04&sig=x"}"#.into(),
            400,
            "BadRequest",
            msg,
        )
    };
    let r = Replay::start(vec![refused(), refused()]);
    let args = [
        "backup",
        "start",
        "--id",
        &r.base,
        "--storage-resource-uri",
        CONTAINER,
        "-t",
        "sv=2024-08-04&sig=x",
    ];
    // `--debug` traces the request, never the SAS.
    let traced = r.mhsm(&[&args[..], &["--debug"]].concat());
    assert!(
        traced.stderr.contains("Request body: "),
        "{}",
        traced.stderr
    );
    assert!(!traced.stderr.contains("sig=x"), "{}", traced.stderr);
    let out = r.mhsm(&args);
    assert_eq!(r.problems(), Vec::<String>::new());
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        format!(
            "ERROR: (BadRequest) {msg}\nHint: The HSM could not use the SAS token: it must be a container SAS, not expired (se=…), with permissions crdw (create, read, delete, write), e.g. 'az storage container generate-sas --account-name <account> --name <container> --permissions crdw --expiry <UTC time> -o tsv'; SAS access also needs the account to allow public network access.\n"
        )
    );
    assert!(
        !r.dir.path().join(".cache/mhsm/jobs").exists(),
        "a refused start is not a job"
    );
}

#[test]
fn a_409_names_the_running_job_and_how_to_watch_it() {
    let conflict = "Another backup operation is in progress";
    let r = Replay::start(vec![
        // 1. `backup start --no-wait`: prints the accepted job and returns.
        accepted(
            "POST",
            "/backup",
            backup_body(),
            &backup_pending(),
            backup_job("InProgress"),
        ),
        // 2. a second start is refused; mhsm confirms that its journaled job is the one running.
        error("POST", "/backup", backup_body(), 409, "Conflict", conflict),
        status_read(&backup_pending(), backup_job("InProgress")),
        // 3. the job can be watched as the hint says.
        status_read(&backup_pending(), backup_job("InProgress")),
    ]);
    let mut args = backup_args(&r);
    args.push("--no-wait".into());
    let out = run(&r, &args).ok();
    assert_eq!(
        out.json(),
        backup_job("InProgress"),
        "--no-wait prints the 202 body"
    );
    assert_eq!(out.stderr, "");

    let out = run(&r, &backup_args(&r)).code(1);
    let watch = format!("mhsm backup status --id {} --job-id {BACKUP_JOB}", r.base);
    let started = regex_lite::Regex::new(r"at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00 is")
        .unwrap()
        .replace(&out.stderr, "at <time> is")
        .into_owned();
    assert_eq!(
        started,
        format!(
            "ERROR: (Conflict) {conflict}\nHint: The HSM runs one backup or restore at a time. The backup job {BACKUP_JOB} that mhsm started here at <time> is InProgress: watch it with '{watch}', then try again.\n"
        )
    );
    assert_eq!(out.stdout, "");

    let out = r
        .mhsm(&[
            "backup", "status", "--id", &r.base, "--job-id", BACKUP_JOB, "--query", "status", "-o",
            "tsv",
        ])
        .ok();
    assert_eq!(out.stdout, "InProgress\n");
    assert_eq!(r.problems(), Vec::<String>::new());
}

#[test]
fn restore_start_sends_azs_body_and_prints_nothing() {
    let folder = "mhsm-timovkeyvaulthsm-2022111619101572";
    let body = format!(
        r#"{{"sasTokenParameters": {{"storageResourceUri": "{CONTAINER}", "token": "{SAS}"}}, "folderToRestore": "{folder}"}}"#
    );
    let r = Replay::start(vec![
        accepted(
            "PUT",
            "/restore",
            body,
            &restore_pending(),
            restore_job("InProgress", None),
        ),
        poll(&restore_pending(), restore_job("InProgress", None)),
        poll(&restore_pending(), restore_job("Succeeded", None)),
    ]);
    let out = r.mhsm(&[
        "restore",
        "start",
        "--id",
        &r.base,
        "--storage-resource-uri",
        &format!("{CONTAINER}/"),
        "-t",
        SAS,
        "--backup-folder",
        folder,
    ]);
    assert_eq!(r.problems(), Vec::<String>::new());
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (0, "", "")
    );
}

#[test]
fn selective_restore_by_restore_start_and_by_key_restore() {
    // R9: a selective restore reports the versions it restored.
    let details = "Number of successful key versions restored: 2, Number of key versions could not overwrite: 0";
    let mi_body = format!(
        r#"{{"sasTokenParameters": {{"storageResourceUri": "{CONTAINER}", "useManagedIdentity": true}}, "folder": "{FOLDER}"}}"#
    );
    let sas_body = format!(
        r#"{{"sasTokenParameters": {{"storageResourceUri": "{CONTAINER}", "token": "{SAS}"}}, "folder": "{FOLDER}"}}"#
    );
    let r = Replay::start(vec![
        // `restore start --key-name` (az 2.91 crashes here), with the managed identity.
        accepted(
            "PUT",
            "/keys/rsa1/restore",
            mi_body,
            &restore_pending(),
            restore_job("InProgress", None),
        ),
        poll(&restore_pending(), restore_job("Succeeded", Some(details))),
        // `key restore` storage mode with --no-wait, then `restore status` finds the job.
        accepted(
            "PUT",
            "/keys/rsa1/restore",
            sas_body,
            &restore_pending(),
            restore_job("InProgress", None),
        ),
        status_read(&restore_pending(), restore_job("Succeeded", Some(details))),
    ]);
    let out = r.mhsm(&[
        "restore",
        "start",
        "--id",
        &r.base,
        "-u",
        CONTAINER,
        "--use-managed-identity",
        "--backup-folder",
        FOLDER,
        "--key",
        "rsa1",
    ]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (0, "", "")
    );
    let out = r
        .mhsm(&[
            "key",
            "restore",
            "--id",
            &r.base,
            "--storage-account-name",
            "mhsmbackups",
            "--blob-container-name",
            "backups",
            "-t",
            SAS,
            "--backup-folder",
            &format!("{CONTAINER}/{FOLDER}"),
            "-n",
            "rsa1",
            "--no-wait",
        ])
        .ok();
    assert_eq!(out.json(), restore_job("InProgress", None));
    let out = r.mhsm(&["restore", "status", "--id", &r.base]).ok();
    assert_eq!(out.json(), restore_job("Succeeded", Some(details)));
    assert_eq!(r.problems(), Vec::<String>::new());
    assert!(journal(&r).contains("\"keyName\": \"rsa1\""));
}

#[test]
fn storage_arguments_are_checked_before_any_request_with_azs_messages() {
    let r = Replay::start(vec![]);
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "backup",
                "start",
                "-t",
                SAS,
                "--storage-resource-uri",
                CONTAINER,
            ],
            "Please specify --vault-name or --hsm-name.",
        ),
        (
            &[
                "backup",
                "start",
                "--id",
                "https://x.managedhsm.azure.net",
                "--storage-resource-uri",
                CONTAINER,
                "--storage-account-name",
                "mhsmbackups",
            ],
            "Please do not specify --storage-account-name or --blob-container-name if --storage-resource-uri is specified.",
        ),
        (
            &[
                "restore",
                "start",
                "--id",
                "https://x.managedhsm.azure.net",
                "--blob-container-name",
                "backups",
                "--backup-folder",
                FOLDER,
            ],
            "Please specify --storage-account-name",
        ),
        (
            &[
                "backup",
                "start",
                "--id",
                "https://x.managedhsm.azure.net",
                "--storage-account-name",
                "mhsmbackups",
            ],
            "Please specify --blob-container-name",
        ),
        (
            &[
                "key",
                "restore",
                "--id",
                "https://x.managedhsm.azure.net",
                "-f",
                "k.bin",
                "-t",
                SAS,
            ],
            "Do not use --file/-f with any of --storage-account-name/--blob-container-name/--storage-container-SAS-token/--backup-folder",
        ),
        (
            &["key", "restore", "--id", "https://x.managedhsm.azure.net"],
            "Please specify --file/-f or --storage-account-name & --blob-container-name & --storage-container-SAS-token & --backup-folder",
        ),
        (
            &[
                "key",
                "restore",
                "--id",
                "https://x.managedhsm.azure.net",
                "-u",
                CONTAINER,
                "--backup-folder",
                FOLDER,
            ],
            "Please specify --storage-container-SAS-token/-t",
        ),
    ];
    for (args, message) in cases {
        let out = r.mhsm(args);
        assert_eq!(
            (out.code, out.stdout.as_str(), out.stderr.as_str()),
            (1, "", format!("ERROR: {message}\n").as_str()),
            "{args:?}"
        );
    }
    let out = r.mhsm(&[
        "restore", "start", "--id", &r.base, "-u", CONTAINER, "-t", SAS,
    ]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("ERROR: the following arguments are required: --backup-folder\n"),
        "{}",
        out.stderr
    );
    assert_eq!(r.problems(), Vec::<String>::new());
}

/// A List Blobs answer (`delimiter=/`) with the folders of two HSMs and a foreign folder.
fn listing(path: &str) -> Exchange {
    let prefixes: String = [
        "mhsm-contoso-2024060112000000/",
        "mhsm-contoso-2024060212000050/",
        "mhsm-fabrikam-2024060300000000/",
        "notes/",
    ]
    .iter()
    .map(|p| format!("<BlobPrefix><Name>{p}</Name></BlobPrefix>"))
    .collect();
    Exchange {
        method: "GET".into(),
        path: path.into(),
        body: Some(String::new()),
        status: 200,
        headers: vec![("content-type".into(), "application/xml".into())],
        response: format!(
            r#"<?xml version="1.0" encoding="utf-8"?><EnumerationResults ServiceEndpoint="https://x/" ContainerName="backups"><Delimiter>/</Delimiter><Blobs>{prefixes}</Blobs><NextMarker /></EnumerationResults>"#
        ),
    }
}

const LIST: &str = "/acct/backups?restype=container&comp=list&delimiter=%2F";

#[test]
fn backup_list_reads_the_container_newest_first_and_latest_picks_from_it() {
    let r = Replay::start(vec![
        listing(LIST),
        listing(LIST),
        listing(LIST),
        listing(LIST),
        accepted(
            "PUT",
            "/restore",
            r#"{"sasTokenParameters": {"storageResourceUri": "{base}/acct/backups", "useManagedIdentity": true}, "folderToRestore": "mhsm-contoso-2024060212000050"}"#.to_string(),
            &restore_pending(),
            restore_job("InProgress", None),
        ),
    ]);
    // A path-style container URL (the emulator's Blob endpoint form), listed with the caller's
    // own token (no -t).
    let uri = format!("{}/acct/backups", r.base);
    let out = r.mhsm(&["backup", "list", "-u", &uri]).ok();
    assert_eq!(
        out.json(),
        json!([
            {"folderName": "mhsm-fabrikam-2024060300000000", "folderUrl": format!("{uri}/mhsm-fabrikam-2024060300000000"), "hsmName": "fabrikam", "time": "2024-06-03T00:00:00+00:00"},
            {"folderName": "mhsm-contoso-2024060212000050", "folderUrl": format!("{uri}/mhsm-contoso-2024060212000050"), "hsmName": "contoso", "time": "2024-06-02T12:00:00.500000+00:00"},
            {"folderName": "mhsm-contoso-2024060112000000", "folderUrl": format!("{uri}/mhsm-contoso-2024060112000000"), "hsmName": "contoso", "time": "2024-06-01T12:00:00+00:00"}
        ])
    );
    let out = r
        .mhsm(&[
            "backup",
            "list",
            "-u",
            &uri,
            "--source-hsm-name",
            "CONTOSO",
            "-o",
            "table",
        ])
        .ok();
    assert_eq!(
        out.stdout,
        "FolderName                     HsmName    Time\n-----------------------------  ---------  --------------------------------\nmhsm-contoso-2024060212000050  contoso    2024-06-02T12:00:00.500000+00:00\nmhsm-contoso-2024060112000000  contoso    2024-06-01T12:00:00+00:00\n"
    );
    // `latest` with backups of two HSMs needs --source-hsm-name; with it, the newest of that HSM.
    let out = r.mhsm(&[
        "restore",
        "start",
        "--id",
        &r.base,
        "-u",
        &uri,
        "--use-managed-identity",
        "true",
        "--backup-folder",
        "latest",
    ]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (
            1,
            format!("ERROR: The container {uri} holds backups of several HSMs (contoso, fabrikam): choose one with --source-hsm-name.\n").as_str()
        )
    );
    let out = r
        .mhsm(&[
            "restore",
            "start",
            "--id",
            &r.base,
            "-u",
            &uri,
            "--use-managed-identity",
            "true",
            "--backup-folder",
            "latest",
            "--source-hsm-name",
            "contoso",
            "--no-wait",
        ])
        .ok();
    assert_eq!(
        out.stderr,
        format!(
            "WARNING: --backup-folder latest: mhsm-contoso-2024060212000050 (taken 2024-06-02T12:00:00.500000+00:00), the newest of 2 backup(s) of 'contoso' in {uri}.\n"
        )
    );
    assert_eq!(out.json(), restore_job("InProgress", None));
    assert_eq!(r.problems(), Vec::<String>::new());
}
