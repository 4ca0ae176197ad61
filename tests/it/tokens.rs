//! Authentication refusals: expired, wrong-audience, wrong-issuer, badly signed and `alg: none`
//! tokens get 401 from the management plane (through `mhsm` with `MHSM_ACCESS_TOKEN`) and from
//! an HSM's data plane, which also answers the bare 401 challenge.

use base64::Engine;
use serde_json::{Value, json};

use crate::harness::{Emu, read_json};

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::URL_SAFE_NO_PAD;

fn claims_of(token: &str) -> Value {
    let payload = token.split('.').nth(1).unwrap();
    serde_json::from_slice(&B64.decode(payload).unwrap()).unwrap()
}

fn kid_of(token: &str) -> String {
    jsonwebtoken::decode_header(token).unwrap().kid.unwrap()
}

/// Signs `claims` with the emulator's real signing key (read from its state directory).
fn sign_with_emulator_key(emu: &Emu, kid: &str, claims: &Value) -> String {
    let pem = std::fs::read(emu.state().join("idp-signing-key.pem")).unwrap();
    let key = jsonwebtoken::EncodingKey::from_rsa_pem(&pem).unwrap();
    let mut h = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::RS256);
    h.kid = Some(kid.to_string());
    jsonwebtoken::encode(&h, claims, &key).unwrap()
}

/// Signs `claims` with a key the emulator never issued, under the emulator's `kid`.
fn sign_with_foreign_key(kid: &str, claims: &Value) -> String {
    let kp = aws_lc_rs::rsa::KeyPair::generate(aws_lc_rs::rsa::KeySize::Rsa2048).unwrap();
    use aws_lc_rs::encoding::AsDer;
    let der = AsDer::<aws_lc_rs::encoding::Pkcs8V1Der>::as_der(&kp).unwrap();
    let pem = mhsm::emulator::idp::pem_encode("PRIVATE KEY", der.as_ref());
    let key = jsonwebtoken::EncodingKey::from_rsa_pem(pem.as_bytes()).unwrap();
    let mut h = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::RS256);
    h.kid = Some(kid.to_string());
    jsonwebtoken::encode(&h, claims, &key).unwrap()
}

fn alg_none(claims: &Value) -> String {
    format!(
        "{}.{}.",
        B64.encode(br#"{"alg":"none","typ":"JWT"}"#),
        B64.encode(claims.to_string())
    )
}

/// `curl` against a data-plane URL; returns (status, headers+body).
fn curl(emu: &Emu, url: &str, token: Option<&str>) -> (String, String) {
    let mut c = std::process::Command::new("curl");
    c.args(["-s", "-i", "--cacert"])
        .arg(emu.state().join("ca.pem"));
    if let Some(t) = token {
        c.args(["-H", &format!("Authorization: Bearer {t}")]);
    }
    let out = c.arg(url).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .unwrap_or_default()
        .to_string();
    (status, text)
}

#[test]
fn bad_tokens_get_401_on_both_planes() {
    let emu = Emu::start();
    let hsm = emu.create_hsm("token-hsm");
    let data_url = format!(
        "{}keys?api-version=7.6",
        hsm["properties"]["hsmUri"].as_str().unwrap()
    );

    // The bare challenge: 401 + WWW-Authenticate naming the tenant and the Managed HSM resource.
    let (status, text) = curl(&emu, &data_url, None);
    assert_eq!(status, "401");
    assert!(
        text.to_ascii_lowercase().contains(&format!(
            "www-authenticate: bearer authorization=\"{}/{}\", resource=\"https://managedhsm.azure.net\"",
            emu.control_url(),
            emu.tenant()
        )),
        "{text}"
    );

    let arm_token = emu.token("subscription-admin", "https://management.core.windows.net/");
    let hsm_token = emu.token("subscription-admin", "https://managedhsm.azure.net");
    let kid = kid_of(&arm_token);

    // A good ARM token works through mhsm.
    emu.mhsm_env(
        "",
        &["show", "--hsm-name", "token-hsm", "-g", "rg-hsm"],
        &[("MHSM_ACCESS_TOKEN", &arm_token)],
    )
    .ok();

    let mut wrong_issuer = claims_of(&arm_token);
    wrong_issuer["iss"] = json!("https://login.example.com/evil/v2.0");
    let mut data_wrong_issuer = claims_of(&hsm_token);
    data_wrong_issuer["iss"] = json!("https://login.example.com/evil/v2.0");
    let cases: Vec<(&str, String, String, &str)> = vec![
        (
            "wrong audience",
            emu.token("subscription-admin", "https://graph.microsoft.com"),
            emu.token("subscription-admin", "https://graph.microsoft.com"),
            "InvalidAuthenticationTokenAudience",
        ),
        (
            "wrong issuer",
            sign_with_emulator_key(&emu, &kid, &wrong_issuer),
            sign_with_emulator_key(&emu, &kid, &data_wrong_issuer),
            "InvalidAuthenticationTokenTenant",
        ),
        (
            "badly signed",
            sign_with_foreign_key(&kid, &claims_of(&arm_token)),
            sign_with_foreign_key(&kid, &claims_of(&hsm_token)),
            "InvalidAuthenticationToken",
        ),
        (
            "alg none",
            alg_none(&claims_of(&arm_token)),
            alg_none(&claims_of(&hsm_token)),
            "InvalidAuthenticationToken",
        ),
    ];
    for (what, arm_bad, data_bad, code) in cases {
        let out = emu
            .mhsm_env(
                "",
                &["show", "--hsm-name", "token-hsm", "-g", "rg-hsm"],
                &[("MHSM_ACCESS_TOKEN", &arm_bad)],
            )
            .code(1);
        assert!(
            out.stderr.contains(&format!("({code})")),
            "{what}: {}",
            out.stderr
        );
        let (status, text) = curl(&emu, &data_url, Some(&data_bad));
        assert_eq!(status, "401", "{what}: {text}");
        assert!(text.contains("\"code\":\"Unauthorized\""), "{what}: {text}");
    }
    // The ARM token is refused by the data plane (wrong audience), as the service does.
    let (status, text) = curl(&emu, &data_url, Some(&arm_token));
    assert_eq!(status, "401");
    assert!(text.contains("Found token with aud=https://management.core.windows.net/, but expected aud=https://managedhsm.azure.net"), "{text}");

    // Expiry follows the emulator clock.
    emu.advance_clock(2 * 3600);
    let out = emu
        .mhsm_env(
            "",
            &["show", "--hsm-name", "token-hsm", "-g", "rg-hsm"],
            &[("MHSM_ACCESS_TOKEN", &arm_token)],
        )
        .code(1);
    assert!(
        out.stderr.contains("(ExpiredAuthenticationToken)"),
        "{}",
        out.stderr
    );
    let (status, text) = curl(&emu, &data_url, Some(&hsm_token));
    assert_eq!(status, "401", "{text}");
    assert!(text.contains("expired"), "{text}");
    let _ = read_json(&emu.state().join("cloud.json"));
}
