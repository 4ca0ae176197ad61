//! Wire test of `mhsm setting` against recorded traffic (rest-api.md §14 (i), R8): the exact
//! requests az's `KeyVaultSettingsClient` makes (api-version 7.4; `update` GETs, then PATCHes
//! `{"value": "true"}` in Python's `json.dumps` bytes and never sends the type), and the
//! recorded answers printed in az's shape.

use serde_json::json;

use crate::replay::{Exchange, Replay};

const NAME: &str = "AllowKeyManagementOperationsThroughARM";

fn ok(method: &str, path: &str, body: Option<&str>, response: &str) -> Exchange {
    Exchange {
        method: method.into(),
        path: path.into(),
        body: body.map(String::from),
        status: 200,
        headers: vec![(
            "content-type".into(),
            "application/json; charset=utf-8".into(),
        )],
        response: response.into(),
    }
}

#[test]
fn setting_update_and_show_match_r8() {
    // R8's recorded answer.
    let recorded = format!(r#"{{"name":"{NAME}","type":"boolean","value":"true"}}"#);
    let path = format!("/settings/{NAME}?api-version=7.4");
    let r = Replay::start(vec![
        ok("GET", &path, None, &recorded),
        ok("PATCH", &path, Some(r#"{"value": "true"}"#), &recorded),
        ok("GET", &path, None, &recorded),
        ok(
            "GET",
            "/settings?api-version=7.4",
            None,
            &format!(r#"{{"settings":[{recorded}]}}"#),
        ),
    ]);
    let up = r
        .mhsm(&[
            "setting",
            "update",
            "--id",
            &r.base,
            "-n",
            NAME,
            "--value",
            "true",
            "--setting-type",
            "boolean",
        ])
        .ok();
    let shown = r
        .mhsm(&["setting", "show", "--id", &r.base, "-n", NAME])
        .ok();
    let listed = r.mhsm(&["setting", "list", "--id", &r.base]).ok();
    assert_eq!(r.problems(), Vec::<String>::new());
    let want = json!({"name": NAME, "settingType": "boolean", "value": "true"});
    assert_eq!(up.json(), want);
    assert_eq!(shown.json(), want);
    assert_eq!(listed.json(), json!([want]));
    // az's JSON: sorted keys, 2-space indent.
    assert_eq!(
        shown.stdout,
        format!(
            "{{\n  \"name\": \"{NAME}\",\n  \"settingType\": \"boolean\",\n  \"value\": \"true\"\n}}\n"
        )
    );
}
