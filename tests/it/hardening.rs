//! Hardening (issue 12): what a hostile or careless client — or an operator's typo — must not be
//! able to do to the emulator, and what the CLI must not leak. Each test names the defect it
//! pins; every refusal is the service's status with the Azure error envelope.

use serde_json::{Value, json};

use crate::harness::{Emu, read_json};
use crate::keys_emulator::Ctx;

/// `POST /.emulator/clock` with the admin header; returns (status, body).
fn clock_post(emu: &Emu, body: &str) -> (u16, Value) {
    let admin = read_json(&emu.state().join("admin.json"));
    let http = emu.http();
    let url = format!("{}/.emulator/clock", emu.control_url());
    let token = admin["admin_token"].as_str().unwrap().to_string();
    let body = body.to_string();
    rt().block_on(async move {
        let r = http
            .post(url)
            .header("x-emulator-admin", token)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        let s = r.status().as_u16();
        let t = r.text().await.unwrap();
        (s, serde_json::from_str(&t).unwrap_or(Value::String(t)))
    })
}

pub(crate) fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// Defect 1: one clock call bricked the state directory (overflow on every request, restart
/// included). Bad input is a 400 and changes nothing; a stored unusable offset is ignored.
#[test]
fn clock_refuses_overflowing_moves_and_survives_a_bad_stored_offset() {
    let mut emu = Emu::start();
    for body in [
        r#"{"seconds": 9223372036854775807}"#,
        r#"{"seconds": -5}"#,
        r#"{"seconds": "soon"}"#,
        r#"{"seconds": 1e300}"#,
        "not json",
    ] {
        let (s, v) = clock_post(&emu, body);
        assert_eq!(s, 400, "{body}: {v}");
        assert_eq!(v["error"]["code"], "BadRequest", "{body}: {v}");
    }
    // Nothing was stored: the clock still reads, requests still work.
    let (s, v) = clock_post(&emu, r#"{"seconds": 0}"#);
    assert_eq!((s, v["offsetSeconds"].as_i64()), (200, Some(0)), "{v}");
    emu.mhsm("subscription-admin", &["list"]).ok();
    // 100 years is the most: one more second is refused.
    let (s, v) = clock_post(&emu, &format!("{{\"seconds\": {}}}", 100i64 * 366 * 86_400));
    assert_eq!(s, 200, "{v}");
    let (s, v) = clock_post(&emu, r#"{"seconds": 1}"#);
    assert_eq!((s, v["error"]["code"].as_str()), (400, Some("BadRequest")), "{v}");
    emu.mhsm("subscription-admin", &["list"]).ok();

    // A state directory an older emulator bricked: the offset is ignored at start.
    emu.stop(false);
    {
        let store = mhsm::emulator::store::Store::open(&emu.state().join("state.redb")).unwrap();
        store
            .write(|tx| {
                tx.put(
                    mhsm::emulator::store::tables::META,
                    "clock_offset",
                    &i64::MAX,
                )
            })
            .unwrap();
    }
    emu.restart(false);
    emu.mhsm("subscription-admin", &["list"]).ok();
    let (s, v) = clock_post(&emu, r#"{"seconds": 60}"#);
    assert_eq!((s, v["offsetSeconds"].as_i64()), (200, Some(60)), "{v}");
}
