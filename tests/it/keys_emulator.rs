//! The emulator's keys over raw HTTPS (rest-api.md §5.1, §5.2, §6–§9): every key type, size and
//! curve; imports; every algorithm cross-checked against independent RustCrypto code; paging
//! past 25; soft delete, recover, purge, purge protection and automatic purge; the key checks
//! after RBAC; rotation (on demand, policies, automatic); random bytes; backup/restore between
//! HSMs that do and do not share a security domain; and that private material never shows up
//! in responses, the audit log or the store file.

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use serde_json::{Value, json};
use std::cell::RefCell;
use std::time::{Duration, Instant};

use crate::harness::Emu;

pub(crate) const API: &str = "7.6";
const CRYPTO_USER: &str = "21dbd100-6940-42c2-9190-5d6cb909625b";
const CRYPTO_OFFICER: &str = "515eb02d-2335-4d2d-92f2-b1cbdf9c3778";
const DAY: i64 = 86_400;

fn b64(b: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(b)
}

fn unb64(s: &Value) -> Vec<u8> {
    URL_SAFE_NO_PAD
        .decode(s.as_str().unwrap_or_else(|| panic!("not a string: {s}")))
        .unwrap()
}

fn rand(n: usize) -> Vec<u8> {
    let mut v = vec![0u8; n];
    aws_lc_rs::rand::fill(&mut v).unwrap();
    v
}

/// One emulator, a runtime and a token of `security-officer` (refreshed when the clock moves).
pub(crate) struct Ctx {
    pub(crate) emu: Emu,
    pub(crate) rt: tokio::runtime::Runtime,
    pub(crate) http: reqwest::Client,
    pub(crate) token: RefCell<String>,
}

/// An HSM of the emulator, with security-officer holding Crypto User and Crypto Officer at `/`.
pub(crate) struct Hsm<'a> {
    pub(crate) cx: &'a Ctx,
    pub(crate) base: String,
}

impl Ctx {
    pub(crate) fn start(args: &[&str]) -> Ctx {
        let emu = Emu::start_with(args);
        let http = emu.http();
        let token = emu.token("security-officer", "https://managedhsm.azure.net");
        Ctx {
            emu,
            rt: tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
                .unwrap(),
            http,
            token: RefCell::new(token),
        }
    }

    pub(crate) fn pre_activated() -> Ctx {
        Ctx::start(&["--provision-delay-ms", "0", "--pre-activate"])
    }

    pub(crate) fn send(&self, method: &str, url: &str, body: Option<&Value>) -> (u16, Value) {
        let m = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut req = self
            .http
            .request(m, url)
            .bearer_auth(self.token.borrow().as_str());
        if let Some(b) = body {
            req = req.json(b);
        }
        self.rt.block_on(async {
            let r = req.send().await.unwrap();
            let status = r.status().as_u16();
            let text = r.text().await.unwrap();
            let v = if text.is_empty() {
                Value::Null
            } else {
                serde_json::from_str(&text).unwrap_or(Value::String(text))
            };
            (status, v)
        })
    }

    /// An HSM made by `emu.create_hsm` (or given), with the key roles granted.
    pub(crate) fn hsm(&self, name: &str) -> Hsm<'_> {
        let v = self.emu.create_hsm(name);
        self.hsm_from(&v)
    }

    pub(crate) fn hsm_from(&self, created: &Value) -> Hsm<'_> {
        let base = created["properties"]["hsmUri"]
            .as_str()
            .unwrap()
            .trim_end_matches('/')
            .to_string();
        let h = Hsm { cx: self, base };
        h.grant_key_roles();
        h
    }

    /// Moves the emulator clock and takes a new token (tokens follow the emulator clock).
    pub(crate) fn advance(&self, secs: i64) {
        self.emu.advance_clock(secs);
        *self.token.borrow_mut() = self
            .emu
            .token("security-officer", "https://managedhsm.azure.net");
    }
}

impl Hsm<'_> {
    pub(crate) fn call(&self, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
        let sep = if path.contains('?') { '&' } else { '?' };
        let url = format!("{}{path}{sep}api-version={API}", self.base);
        self.cx.send(method, &url, body.as_ref())
    }

    #[track_caller]
    pub(crate) fn ok(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let (s, v) = self.call(method, path, body);
        assert_eq!(s, 200, "{method} {path}: {v}");
        v
    }

    /// Asserts an Azure-shaped error and returns its message.
    #[track_caller]
    pub(crate) fn err(
        &self,
        method: &str,
        path: &str,
        body: Option<Value>,
        status: u16,
        code: &str,
    ) -> String {
        let (s, v) = self.call(method, path, body);
        assert_eq!(
            (s, v["error"]["code"].as_str()),
            (status, Some(code)),
            "{method} {path}: {v}"
        );
        let msg = v["error"]["message"].as_str().unwrap().to_string();
        assert!(msg.contains(" (Activity ID: "), "{msg}");
        msg
    }

    pub(crate) fn grant_key_roles(&self) {
        let oid = self.cx.emu.oid("security-officer");
        for role in [CRYPTO_USER, CRYPTO_OFFICER] {
            let name = uuid::Uuid::new_v4();
            let (s, v) = self.call(
                "PUT",
                &format!("/providers/Microsoft.Authorization/roleAssignments/{name}"),
                Some(json!({"properties": {"roleDefinitionId": format!("Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/{role}"), "principalId": oid}})),
            );
            assert_eq!(s, 201, "grant: {v}");
        }
    }

    pub(crate) fn create(&self, name: &str, body: Value) -> Value {
        self.ok("POST", &format!("/keys/{name}/create"), Some(body))
    }

    pub(crate) fn import(&self, name: &str, body: Value) -> Value {
        self.ok("PUT", &format!("/keys/{name}"), Some(body))
    }

    /// `POST /keys/{name}[/{version}]/{op}`.
    pub(crate) fn op(&self, key: &str, op: &str, body: Value) -> Value {
        self.ok("POST", &format!("/keys/{key}/{op}"), Some(body))
    }

    /// Follows nextLinks; returns every item and the page sizes.
    pub(crate) fn walk(&self, first: &str) -> (Vec<Value>, Vec<usize>) {
        let mut items = Vec::new();
        let mut sizes = Vec::new();
        let mut page = self.ok("GET", first, None);
        loop {
            let v = page["value"].as_array().unwrap().clone();
            sizes.push(v.len());
            items.extend(v);
            match page["nextLink"].as_str() {
                Some(next) => {
                    assert!(next.starts_with(&format!("{}/", self.base)), "{next}");
                    assert!(next.contains("$skiptoken="), "{next}");
                    let (s, p) = self.cx.send("GET", next, None);
                    assert_eq!(s, 200, "{next}: {p}");
                    page = p;
                }
                None => break,
            }
        }
        (items, sizes)
    }

    pub(crate) fn kid_re(&self, name: &str) -> regex_lite::Regex {
        regex_lite::Regex::new(&format!(
            "^{}/keys/{name}/[0-9a-f]{{32}}$",
            regex_lite::escape(&self.base)
        ))
        .unwrap()
    }
}

pub(crate) fn version_of(kid: &Value) -> String {
    kid.as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string()
}

/// Polls `f` until it holds (housekeeping runs every 500 ms and after each clock move).
#[track_caller]
pub(crate) fn eventually(what: &str, mut f: impl FnMut() -> bool) {
    let start = Instant::now();
    while !f() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "timed out: {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

const PRIVATE_MEMBERS: [&str; 8] = ["d", "p", "q", "dp", "dq", "qi", "k", "key_hsm"];

#[track_caller]
fn assert_public_only(bundle: &Value) {
    for m in PRIVATE_MEMBERS {
        assert!(
            bundle["key"].get(m).is_none(),
            "private member {m} returned: {bundle}"
        );
    }
}

// --- RustCrypto helpers -------------------------------------------------------------------------

mod rc {
    use super::*;
    use rand_core::OsRng;
    use rsa::traits::{PrivateKeyParts as _, PublicKeyParts as _};
    use rsa::{BigUint, Oaep, Pkcs1v15Encrypt, Pkcs1v15Sign, Pss, RsaPrivateKey, RsaPublicKey};
    use sha2::{Sha256, Sha384, Sha512};

    pub fn rsa_key() -> RsaPrivateKey {
        RsaPrivateKey::new(&mut OsRng, 2048).unwrap()
    }

    pub fn rsa_jwk(k: &RsaPrivateKey) -> Value {
        json!({
            "kty": "RSA",
            "n": b64(&k.n().to_bytes_be()), "e": b64(&k.e().to_bytes_be()),
            "d": b64(&k.d().to_bytes_be()),
            "p": b64(&k.primes()[0].to_bytes_be()), "q": b64(&k.primes()[1].to_bytes_be()),
            "dp": b64(&k.dp().unwrap().to_bytes_be()), "dq": b64(&k.dq().unwrap().to_bytes_be()),
            "qi": b64(&k.crt_coefficient().unwrap().to_bytes_be()),
        })
    }

    pub fn rsa_public(jwk: &Value) -> RsaPublicKey {
        RsaPublicKey::new(
            BigUint::from_bytes_be(&unb64(&jwk["n"])),
            BigUint::from_bytes_be(&unb64(&jwk["e"])),
        )
        .unwrap()
    }

    pub fn rsa_verify(public: &RsaPublicKey, alg: &str, digest: &[u8], sig: &[u8]) -> bool {
        match alg {
            "RS256" => public.verify(Pkcs1v15Sign::new::<Sha256>(), digest, sig),
            "RS384" => public.verify(Pkcs1v15Sign::new::<Sha384>(), digest, sig),
            "RS512" => public.verify(Pkcs1v15Sign::new::<Sha512>(), digest, sig),
            "PS256" => public.verify(Pss::new::<Sha256>(), digest, sig),
            "PS384" => public.verify(Pss::new::<Sha384>(), digest, sig),
            "PS512" => public.verify(Pss::new::<Sha512>(), digest, sig),
            _ => unreachable!(),
        }
        .is_ok()
    }

    pub fn rsa_sign(private: &RsaPrivateKey, alg: &str, digest: &[u8]) -> Vec<u8> {
        match alg {
            "RS256" => private.sign(Pkcs1v15Sign::new::<Sha256>(), digest),
            "RS384" => private.sign(Pkcs1v15Sign::new::<Sha384>(), digest),
            "RS512" => private.sign(Pkcs1v15Sign::new::<Sha512>(), digest),
            "PS256" => private.sign_with_rng(&mut OsRng, Pss::new::<Sha256>(), digest),
            "PS384" => private.sign_with_rng(&mut OsRng, Pss::new::<Sha384>(), digest),
            "PS512" => private.sign_with_rng(&mut OsRng, Pss::new::<Sha512>(), digest),
            _ => unreachable!(),
        }
        .unwrap()
    }

    pub fn rsa_encrypt(public: &RsaPublicKey, alg: &str, msg: &[u8]) -> Vec<u8> {
        match alg {
            "RSA-OAEP" => public.encrypt(&mut OsRng, Oaep::new::<sha1::Sha1>(), msg),
            "RSA-OAEP-256" => public.encrypt(&mut OsRng, Oaep::new::<Sha256>(), msg),
            "RSA1_5" => public.encrypt(&mut OsRng, Pkcs1v15Encrypt, msg),
            _ => unreachable!(),
        }
        .unwrap()
    }

    pub fn rsa_decrypt(private: &RsaPrivateKey, alg: &str, ct: &[u8]) -> Vec<u8> {
        match alg {
            "RSA-OAEP" => private.decrypt(Oaep::new::<sha1::Sha1>(), ct),
            "RSA-OAEP-256" => private.decrypt(Oaep::new::<Sha256>(), ct),
            "RSA1_5" => private.decrypt(Pkcs1v15Encrypt, ct),
            _ => unreachable!(),
        }
        .unwrap()
    }

    pub fn gcm(k: &[u8], iv: &[u8], aad: &[u8], data: &[u8], seal: bool) -> Vec<u8> {
        use aes_gcm::aead::{Aead, KeyInit, Payload, consts::U12};
        let (payload, nonce) = (Payload { msg: data, aad }, aes_gcm::Nonce::from_slice(iv));
        macro_rules! run {
            ($c:ty) => {{
                let c = aes_gcm::AesGcm::<$c, U12>::new_from_slice(k).unwrap();
                if seal {
                    c.encrypt(nonce, payload)
                } else {
                    c.decrypt(nonce, payload)
                }
            }};
        }
        match k.len() {
            16 => run!(aes::Aes128),
            24 => run!(aes::Aes192),
            _ => run!(aes::Aes256),
        }
        .unwrap()
    }

    pub fn cbc(k: &[u8], iv: &[u8], data: &[u8], encrypt: bool, pad: bool) -> Vec<u8> {
        use cbc_ref::cipher::block_padding::{NoPadding, Pkcs7};
        use cbc_ref::cipher::{BlockDecryptMut, BlockEncryptMut, KeyIvInit};
        macro_rules! run {
            ($c:ty) => {{
                let enc = || cbc_ref::Encryptor::<$c>::new_from_slices(k, iv).unwrap();
                let dec = || cbc_ref::Decryptor::<$c>::new_from_slices(k, iv).unwrap();
                match (encrypt, pad) {
                    (true, true) => enc().encrypt_padded_vec_mut::<Pkcs7>(data),
                    (true, false) => enc().encrypt_padded_vec_mut::<NoPadding>(data),
                    (false, true) => dec().decrypt_padded_vec_mut::<Pkcs7>(data).unwrap(),
                    (false, false) => dec().decrypt_padded_vec_mut::<NoPadding>(data).unwrap(),
                }
            }};
        }
        match k.len() {
            16 => run!(aes::Aes128),
            24 => run!(aes::Aes192),
            _ => run!(aes::Aes256),
        }
    }

    pub fn kw(k: &[u8], data: &[u8], wrap: bool, padded: bool) -> Vec<u8> {
        macro_rules! run {
            ($kek:ty) => {{
                let kek = <$kek>::try_from(k).unwrap();
                match (wrap, padded) {
                    (true, false) => kek.wrap_vec(data),
                    (false, false) => kek.unwrap_vec(data),
                    (true, true) => kek.wrap_with_padding_vec(data),
                    (false, true) => kek.unwrap_with_padding_vec(data),
                }
            }};
        }
        match k.len() {
            16 => run!(aes_kw_ref::KekAes128),
            24 => run!(aes_kw_ref::KekAes192),
            _ => run!(aes_kw_ref::KekAes256),
        }
        .unwrap()
    }

    pub fn hmac(alg: &str, k: &[u8], data: &[u8]) -> Vec<u8> {
        use hmac::{Hmac, Mac};
        macro_rules! run {
            ($d:ty) => {{
                let mac = <Hmac<$d> as Mac>::new_from_slice(k).unwrap();
                mac.chain_update(data).finalize().into_bytes().to_vec()
            }};
        }
        match alg {
            "HS256" => run!(Sha256),
            "HS384" => run!(Sha384),
            _ => run!(Sha512),
        }
    }
}

/// ECDSA cross-checks for one curve: a RustCrypto key is imported, the emulator's signatures
/// verify with RustCrypto (imported and generated keys) and RustCrypto's with the emulator.
macro_rules! ec_case {
    ($fname:ident, $rc:ident, $crv:literal, $alg:literal, $hlen:literal, $low_s_only:literal) => {
        fn $fname(h: &Hsm<'_>) {
            use ecdsa::signature::hazmat::{PrehashSigner as _, PrehashVerifier as _};
            use rand_core::OsRng;
            use $rc::ecdsa::{Signature, SigningKey, VerifyingKey};
            let verify = |vk: &VerifyingKey, digest: &[u8], sig: &[u8]| {
                let sig = Signature::from_slice(sig).unwrap();
                // k256 accepts only low-S signatures; the service does not normalise.
                let sig = if $low_s_only { sig.normalize_s().unwrap_or(sig) } else { sig };
                vk.verify_prehash(digest, &sig).is_ok()
            };
            let sk = SigningKey::random(&mut OsRng);
            let ep = VerifyingKey::from(&sk).to_encoded_point(false);
            let name = format!("imp-{}", $crv.to_lowercase());
            let imported = h.import(
                &name,
                json!({"key": {"kty": "EC", "crv": $crv, "x": b64(ep.x().unwrap()), "y": b64(ep.y().unwrap()), "d": b64(&sk.to_bytes())}}),
            );
            assert_eq!(imported["key"]["kty"], "EC-HSM");
            assert_eq!(unb64(&imported["key"]["x"]), ep.x().unwrap().to_vec());
            assert_public_only(&imported);
            let generated = h.create(&format!("gen-{}", $crv.to_lowercase()), json!({"kty": "EC-HSM", "crv": $crv}));
            for key in [&imported, &generated] {
                let jwk = &key["key"];
                let point = [&[4u8][..], &unb64(&jwk["x"]), &unb64(&jwk["y"])].concat();
                let vk = VerifyingKey::from_sec1_bytes(&point).unwrap();
                let path = jwk["kid"].as_str().unwrap().split("/keys/").nth(1).unwrap().to_string();
                for _ in 0..4 {
                    let digest = rand($hlen);
                    let r = h.op(&path, "sign", json!({"alg": $alg, "value": b64(&digest)}));
                    assert_eq!(r["kid"], jwk["kid"]);
                    assert!(verify(&vk, &digest, &unb64(&r["value"])), "{} {}", $crv, $alg);
                }
            }
            // RustCrypto → emulator verify; a flipped bit → false.
            let digest = rand($hlen);
            let sig: Signature = sk.sign_prehash(&digest).unwrap();
            let sig = sig.to_bytes().to_vec();
            let v = h.op(&name, "verify", json!({"alg": $alg, "digest": b64(&digest), "value": b64(&sig)}));
            assert_eq!(v, json!({"value": true}));
            let mut bad = sig.clone();
            bad[5] ^= 1;
            let v = h.op(&name, "verify", json!({"alg": $alg, "digest": b64(&digest), "value": b64(&bad)}));
            assert_eq!(v, json!({"value": false}));
            // Wrong digest length and an algorithm of another curve are 400s.
            h.err("POST", &format!("/keys/{name}/sign"), Some(json!({"alg": $alg, "value": b64(&rand($hlen + 1))})), 400, "BadParameter");
            let other = if $alg == "ES384" { "ES256" } else { "ES384" };
            h.err("POST", &format!("/keys/{name}/sign"), Some(json!({"alg": other, "value": b64(&rand(48))})), 400, "BadParameter");
        }
    };
}

ec_case!(ec_p256, p256, "P-256", "ES256", 32, false);
ec_case!(ec_p256k, k256, "P-256K", "ES256K", 32, true);
ec_case!(ec_p384, p384, "P-384", "ES384", 48, false);
ec_case!(ec_p521, p521, "P-521", "ES512", 64, false);

// --- tests --------------------------------------------------------------------------------------

#[test]
fn every_type_size_and_curve_creates_and_reads_back() {
    let cx = Ctx::pre_activated();
    let h = cx.hsm("keys-types");
    let rsa_ops = json!([
        "wrapKey",
        "decrypt",
        "encrypt",
        "unwrapKey",
        "sign",
        "verify"
    ]);
    let cases = [
        ("rsa-default", json!({"kty": "RSA"}), "RSA-HSM", 2048),
        (
            "rsa-3072",
            json!({"kty": "RSA-HSM", "key_size": 3072}),
            "RSA-HSM",
            3072,
        ),
        (
            "rsa-4096",
            json!({"kty": "RSA", "key_size": 4096}),
            "RSA-HSM",
            4096,
        ),
        (
            "ec-p256",
            json!({"kty": "EC", "crv": "P-256"}),
            "EC-HSM",
            256,
        ),
        (
            "ec-p256k",
            json!({"kty": "EC-HSM", "crv": "P-256K"}),
            "EC-HSM",
            256,
        ),
        (
            "ec-p384",
            json!({"kty": "EC", "crv": "P-384"}),
            "EC-HSM",
            384,
        ),
        (
            "ec-p521",
            json!({"kty": "EC-HSM", "crv": "P-521"}),
            "EC-HSM",
            521,
        ),
        ("oct-default", json!({"kty": "oct"}), "oct-HSM", 256),
        (
            "oct-128",
            json!({"kty": "oct-HSM", "key_size": 128}),
            "oct-HSM",
            128,
        ),
        (
            "oct-192",
            json!({"kty": "oct", "key_size": 192}),
            "oct-HSM",
            192,
        ),
    ];
    for (name, body, kty, bits) in &cases {
        let b = h.create(name, body.clone());
        let k = &b["key"];
        assert_eq!(k["kty"], *kty, "{name}");
        assert!(
            h.kid_re(name).is_match(k["kid"].as_str().unwrap()),
            "{name}: {}",
            k["kid"]
        );
        assert_public_only(&b);
        let a = &b["attributes"];
        assert_eq!(a["enabled"], true);
        assert_eq!(a["exportable"], false);
        assert_eq!(a["recoverableDays"], 7);
        assert_eq!(a["recoveryLevel"], "CustomizedRecoverable+Purgeable");
        assert_eq!(a["hsmPlatform"], "2");
        assert_eq!(a["created"], a["updated"]);
        assert!(a["created"].as_i64().unwrap() > 1_600_000_000);
        assert!(b.get("managed").is_none() && b.get("tags").is_none(), "{b}");
        match *kty {
            "RSA-HSM" => {
                assert_eq!(k["key_ops"], rsa_ops);
                assert_eq!(unb64(&k["n"]).len() * 8, *bits as usize, "{name}");
                assert_eq!(unb64(&k["e"]), [1, 0, 1]);
            }
            "EC-HSM" => {
                assert_eq!(k["key_ops"], json!(["sign", "verify"]));
                assert_eq!(k["crv"], body["crv"]);
                assert_eq!(unb64(&k["x"]).len(), (*bits as usize).div_ceil(8));
                assert_eq!(unb64(&k["y"]).len(), (*bits as usize).div_ceil(8));
            }
            _ => {
                assert_eq!(
                    k["key_ops"],
                    json!(["encrypt", "decrypt", "wrapKey", "unwrapKey"])
                );
                let members: Vec<&String> = k.as_object().unwrap().keys().collect();
                assert_eq!(
                    members,
                    ["key_ops", "kid", "kty"],
                    "oct keys show no material"
                );
                // The size shows through the algorithms it accepts.
                let ok = h.op(
                    name,
                    "encrypt",
                    json!({"alg": format!("A{bits}GCM"), "value": b64(b"x")}),
                );
                assert_eq!(unb64(&ok["iv"]).len(), 12);
            }
        }
        // By version, latest, latest with a trailing slash.
        let v = version_of(&k["kid"]);
        assert_eq!(h.ok("GET", &format!("/keys/{name}/{v}"), None), b);
        assert_eq!(h.ok("GET", &format!("/keys/{name}"), None), b);
        assert_eq!(h.ok("GET", &format!("/keys/{name}/"), None), b);
    }
    // Refusals: sizes, curves, types; Azure-shaped with the activity id.
    for (body, needle) in [
        (
            json!({"kty": "RSA", "key_size": 1024}),
            "2048, 3072 or 4096",
        ),
        (
            json!({"kty": "EC", "crv": "P-192"}),
            "P-256, P-256K, P-384 or P-521",
        ),
        (json!({"kty": "oct", "key_size": 512}), "128, 192 or 256"),
        (
            json!({"kty": "EC", "crv": "P-256", "key_size": 384}),
            "does not match",
        ),
        (json!({"kty": "DSA"}), "RSA-HSM, EC-HSM or oct-HSM"),
        (
            json!({"kty": "RSA", "key_ops": ["frobnicate"]}),
            "not valid",
        ),
        (
            json!({"kty": "EC", "key_ops": ["encrypt"]}),
            "not valid for a key of type EC-HSM",
        ),
        (json!({"key_size": 2048}), "not valid"),
    ] {
        let m = h.err(
            "POST",
            "/keys/bad/create",
            Some(body.clone()),
            400,
            "BadParameter",
        );
        assert!(m.contains(needle), "{body}: {m}");
    }
    // Unknown key and version: 404 KeyNotFound.
    let m = h.err("GET", "/keys/missing", None, 404, "KeyNotFound");
    assert!(
        m.starts_with("A key with (name/id) missing was not found"),
        "{m}"
    );
    h.err(
        "GET",
        &format!("/keys/rsa-default/{}", "0".repeat(32)),
        None,
        404,
        "KeyNotFound",
    );
    h.err(
        "GET",
        "/keys/rsa-default/not-a-version",
        None,
        404,
        "KeyNotFound",
    );
    h.err(
        "POST",
        "/keys/missing/sign",
        Some(json!({"alg": "RS256", "value": b64(&[0; 32])})),
        404,
        "KeyNotFound",
    );

    // A create over a live name adds a version (with tags and attributes given this time);
    // names are case-insensitive.
    let first = h.ok("GET", "/keys/ec-p256", None);
    let second = h.create(
        "EC-P256",
        json!({"kty": "EC", "crv": "P-384", "key_ops": ["SIGN"], "tags": {"team": "a"}, "attributes": {"exp": 4_000_000_000i64, "nbf": 1_600_000_000}}),
    );
    assert!(
        h.kid_re("ec-p256")
            .is_match(second["key"]["kid"].as_str().unwrap())
    );
    assert_ne!(second["key"]["kid"], first["key"]["kid"]);
    assert_eq!(second["tags"], json!({"team": "a"}));
    assert_eq!(second["key"]["key_ops"], json!(["sign"]));
    assert_eq!(second["attributes"]["exp"], 4_000_000_000i64);
    assert_eq!(second["attributes"]["nbf"], 1_600_000_000);
    assert_eq!(h.ok("GET", "/keys/ec-p256", None), second);
    assert_eq!(
        h.ok(
            "GET",
            &format!("/keys/ec-p256/{}", version_of(&first["key"]["kid"])),
            None
        ),
        first
    );
    let versions = h.ok("GET", "/keys/ec-p256/versions", None);
    let kids: Vec<&Value> = versions["value"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| &i["kid"])
        .collect();
    assert_eq!(kids, [&first["key"]["kid"], &second["key"]["kid"]]);
    // Versions of an unknown key: an empty page.
    assert_eq!(
        h.ok("GET", "/keys/nothing/versions", None),
        json!({"value": []})
    );

    // The key list: base kids (no version), latest attributes and tags, no material.
    let (items, _) = h.walk("/keys");
    assert_eq!(items.len(), cases.len());
    let ec = items
        .iter()
        .find(|i| i["kid"] == format!("{}/keys/ec-p256", h.base))
        .unwrap();
    assert_eq!(ec["tags"], json!({"team": "a"}));
    assert_eq!(ec["attributes"]["exp"], 4_000_000_000i64);
    assert!(items.iter().all(|i| i.get("key").is_none()));
}

#[test]
fn operations_match_independent_implementations() {
    let cx = Ctx::pre_activated();
    let h = cx.hsm("keys-ops");

    // RSA: an imported RustCrypto key, so both directions can be checked.
    let private = rc::rsa_key();
    let mut jwk = rc::rsa_jwk(&private);
    let imported = h.import(
        "rsa",
        json!({"key": jwk.clone(), "tags": {"src": "rustcrypto"}}),
    );
    assert_eq!(imported["key"]["kty"], "RSA-HSM");
    assert_eq!(imported["tags"], json!({"src": "rustcrypto"}));
    assert_public_only(&imported);
    let public = rc::rsa_public(&imported["key"]);
    assert_eq!(public, rsa::RsaPublicKey::from(&private));
    let kid = imported["key"]["kid"].clone();
    let v = version_of(&kid);
    for (alg, len) in [
        ("RS256", 32),
        ("RS384", 48),
        ("RS512", 64),
        ("PS256", 32),
        ("PS384", 48),
        ("PS512", 64),
    ] {
        let digest = rand(len);
        // Versionless path: the latest version signs, and the result names it.
        let r = h.op("rsa", "sign", json!({"alg": alg, "value": b64(&digest)}));
        assert_eq!(r["kid"], kid);
        assert!(
            rc::rsa_verify(&public, alg, &digest, &unb64(&r["value"])),
            "{alg}"
        );
        let theirs = rc::rsa_sign(&private, alg, &digest);
        let ok = h.op(
            &format!("rsa/{v}"),
            "verify",
            json!({"alg": alg, "digest": b64(&digest), "value": b64(&theirs)}),
        );
        assert_eq!(ok, json!({"value": true}), "{alg}");
        let mut bad = theirs.clone();
        bad[0] ^= 1;
        let no = h.op(
            "rsa",
            "verify",
            json!({"alg": alg, "digest": b64(&digest), "value": b64(&bad)}),
        );
        assert_eq!(no, json!({"value": false}), "{alg}");
        h.err(
            "POST",
            "/keys/rsa/sign",
            Some(json!({"alg": alg, "value": b64(&rand(len + 1))})),
            400,
            "BadParameter",
        );
    }
    for alg in ["RSA-OAEP", "RSA-OAEP-256", "RSA1_5"] {
        let msg = rand(32);
        for (op, back) in [("encrypt", "decrypt"), ("wrapkey", "unwrapkey")] {
            let ours = h.op(
                &format!("rsa/{v}"),
                op,
                json!({"alg": alg, "value": b64(&msg)}),
            );
            assert_eq!(ours["kid"], kid);
            assert_eq!(
                rc::rsa_decrypt(&private, alg, &unb64(&ours["value"])),
                msg,
                "{op} {alg}"
            );
            let theirs = rc::rsa_encrypt(&public, alg, &msg);
            let plain = h.op("rsa", back, json!({"alg": alg, "value": b64(&theirs)}));
            assert_eq!(unb64(&plain["value"]), msg, "{back} {alg}");
        }
    }
    h.err(
        "POST",
        "/keys/rsa/encrypt",
        Some(json!({"alg": "A256GCM", "value": b64(b"x")})),
        400,
        "BadParameter",
    );
    h.err(
        "POST",
        "/keys/rsa/sign",
        Some(json!({"alg": "ES256", "value": b64(&[0; 32])})),
        400,
        "BadParameter",
    );
    h.err(
        "POST",
        "/keys/rsa/decrypt",
        Some(json!({"alg": "RSA-OAEP", "value": "***"})),
        400,
        "BadParameter",
    );
    // Generated RSA keys of every size sign verifiably with the public key from the bundle.
    for bits in [2048, 3072, 4096] {
        let name = format!("gen-rsa-{bits}");
        let b = h.create(&name, json!({"kty": "RSA", "key_size": bits}));
        let public = rc::rsa_public(&b["key"]);
        let digest = rand(32);
        let r = h.op(
            &name,
            "sign",
            json!({"alg": "PS256", "value": b64(&digest)}),
        );
        assert!(rc::rsa_verify(
            &public,
            "PS256",
            &digest,
            &unb64(&r["value"])
        ));
        let ct = rc::rsa_encrypt(&public, "RSA-OAEP-256", b"hello");
        assert_eq!(
            unb64(
                &h.op(
                    &name,
                    "decrypt",
                    json!({"alg": "RSA-OAEP-256", "value": b64(&ct)})
                )["value"]
            ),
            b"hello"
        );
    }
    // Importing: the JWK's key_ops are kept; missing private members and a key_hsm that is not
    // a BYOK transfer blob are refused (BYOK itself: tests/it/byok.rs).
    jwk["key_ops"] = json!(["verify"]);
    let b = h.import("rsa-verify-only", json!({"key": jwk.clone(), "Hsm": true}));
    assert_eq!(b["key"]["key_ops"], json!(["verify"]));
    let mut no_d = jwk.clone();
    no_d.as_object_mut().unwrap().remove("d");
    let m = h.err(
        "PUT",
        "/keys/broken",
        Some(json!({"key": no_d})),
        400,
        "BadParameter",
    );
    assert!(m.contains("'d'"), "{m}");
    let m = h.err("PUT", "/keys/byok", Some(json!({"key": {"kty": "RSA-HSM", "key_hsm": b64(b"blob"), "n": jwk["n"], "e": jwk["e"]}})), 400, "BadParameter");
    assert!(m.contains("not a valid BYOK key transfer blob"), "{m}");

    // EC: every curve.
    ec_p256(&h);
    ec_p256k(&h);
    ec_p384(&h);
    ec_p521(&h);

    // oct: imported AES keys of every size; every algorithm both ways.
    for bits in [128usize, 192, 256] {
        let k = rand(bits / 8);
        let name = format!("aes-{bits}");
        let b = h.import(&name, json!({"key": {"kty": "oct", "k": b64(&k), "key_ops": ["encrypt", "decrypt", "wrapKey", "unwrapKey", "sign", "verify"]}}));
        assert_eq!(b["key"]["kty"], "oct-HSM");
        assert_public_only(&b);
        // GCM, with and without AAD.
        let gcm = format!("A{bits}GCM");
        for aad in [None, Some(rand(20))] {
            let msg = rand(45);
            let mut body = json!({"alg": gcm, "value": b64(&msg)});
            if let Some(a) = &aad {
                body["aad"] = json!(b64(a));
            }
            let r = h.op(&name, "encrypt", body);
            let (iv, tag) = (unb64(&r["iv"]), unb64(&r["tag"]));
            assert_eq!((iv.len(), tag.len()), (12, 16));
            let a = aad.clone().unwrap_or_default();
            match &aad {
                Some(a) => assert_eq!(unb64(&r["aad"]), *a),
                None => assert!(r.get("aad").is_none(), "{r}"),
            }
            let ct_tag = [unb64(&r["value"]), tag.clone()].concat();
            assert_eq!(rc::gcm(&k, &iv, &a, &ct_tag, false), msg);
            // RustCrypto → emulator.
            let iv2 = rand(12);
            let sealed = rc::gcm(&k, &iv2, &a, &msg, true);
            let (ct, tag2) = sealed.split_at(sealed.len() - 16);
            let mut body = json!({"alg": gcm, "value": b64(ct), "iv": b64(&iv2), "tag": b64(tag2)});
            if aad.is_some() {
                body["aad"] = json!(b64(&a));
            }
            assert_eq!(unb64(&h.op(&name, "decrypt", body.clone())["value"]), msg);
            body["tag"] = json!(b64(&[0u8; 16]));
            h.err(
                "POST",
                &format!("/keys/{name}/decrypt"),
                Some(body),
                400,
                "BadParameter",
            );
        }
        // CBC (whole blocks) and CBCPAD (any length), byte-equal both ways.
        for (alg, pad, len) in [
            (format!("A{bits}CBC"), false, 48),
            (format!("A{bits}CBCPAD"), true, 37),
        ] {
            let msg = rand(len);
            let iv = rand(16);
            let r = h.op(
                &name,
                "encrypt",
                json!({"alg": alg, "value": b64(&msg), "iv": b64(&iv)}),
            );
            let ours = unb64(&r["value"]);
            assert_eq!(ours, rc::cbc(&k, &iv, &msg, true, pad), "{alg}");
            assert_eq!(rc::cbc(&k, &iv, &ours, false, pad), msg);
            let d = h.op(
                &name,
                "decrypt",
                json!({"alg": alg, "value": b64(&ours), "iv": b64(&iv)}),
            );
            assert_eq!(unb64(&d["value"]), msg);
        }
        // Key wrap: A*KW and CKM_AES_KEY_WRAP are RFC 3394, CKM_AES_KEY_WRAP_PAD is RFC 5649.
        for (alg, padded, len) in [
            (format!("A{bits}KW"), false, 32),
            ("CKM_AES_KEY_WRAP".to_string(), false, 24),
            ("CKM_AES_KEY_WRAP_PAD".to_string(), true, 21),
        ] {
            let cek = rand(len);
            let w =
                unb64(&h.op(&name, "wrapkey", json!({"alg": alg, "value": b64(&cek)}))["value"]);
            assert_eq!(w, rc::kw(&k, &cek, true, padded), "{alg}");
            let theirs = rc::kw(&k, &cek, true, padded);
            assert_eq!(
                unb64(
                    &h.op(
                        &name,
                        "unwrapkey",
                        json!({"alg": alg, "value": b64(&theirs)})
                    )["value"]
                ),
                cek
            );
        }
        // HMAC (Managed HSM only), byte-equal.
        for alg in ["HS256", "HS384", "HS512"] {
            let data = rand(32);
            let mac =
                unb64(&h.op(&name, "sign", json!({"alg": alg, "value": b64(&data)}))["value"]);
            assert_eq!(mac, rc::hmac(alg, &k, &data), "{alg}");
            let ok = h.op(
                &name,
                "verify",
                json!({"alg": alg, "digest": b64(&data), "value": b64(&mac)}),
            );
            assert_eq!(ok, json!({"value": true}));
        }
        let wrong = if bits == 128 { "A256GCM" } else { "A128GCM" };
        h.err(
            "POST",
            &format!("/keys/{name}/encrypt"),
            Some(json!({"alg": wrong, "value": b64(b"x")})),
            400,
            "BadParameter",
        );
    }
    // oct imports with the wrong size are refused.
    h.err(
        "PUT",
        "/keys/aes-bad",
        Some(json!({"key": {"kty": "oct", "k": b64(&[1; 20])}})),
        400,
        "BadParameter",
    );
}

#[test]
fn paging_of_keys_versions_and_deleted_keys() {
    let cx = Ctx::pre_activated();
    let h = cx.hsm("keys-paging");
    for i in 0..31 {
        h.create(&format!("k{i:02}"), json!({"kty": "oct", "key_size": 128}));
    }
    let (items, sizes) = h.walk("/keys");
    assert_eq!(sizes, [25, 6]);
    let mut kids: Vec<String> = items
        .iter()
        .map(|i| i["kid"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> = (0..31)
        .map(|i| format!("{}/keys/k{i:02}", h.base))
        .collect();
    kids.sort();
    assert_eq!(kids, expected);
    let (items, sizes) = h.walk("/keys?maxresults=7");
    assert_eq!((items.len(), sizes), (31, vec![7, 7, 7, 7, 3]));
    for bad in ["0", "26", "x"] {
        let m = h.err(
            "GET",
            &format!("/keys?maxresults={bad}"),
            None,
            400,
            "BadParameter",
        );
        assert!(m.contains("between 1 and 25"), "{m}");
    }
    h.err("GET", "/keys?$skiptoken=garbage", None, 400, "BadParameter");
    // Versions: 28 of one key, paged in creation order with versioned kids.
    let mut made = Vec::new();
    for _ in 0..28 {
        made.push(h.create("multi", json!({"kty": "oct"}))["key"]["kid"].clone());
    }
    let (items, sizes) = h.walk("/keys/multi/versions");
    assert_eq!(sizes, [25, 3]);
    let got: Vec<Value> = items.iter().map(|i| i["kid"].clone()).collect();
    assert_eq!(got, made);
    let (_, sizes) = h.walk("/keys/multi/versions?maxresults=10");
    assert_eq!(sizes, [10, 10, 8]);
    h.err(
        "GET",
        "/keys/multi/versions?maxresults=30",
        None,
        400,
        "BadParameter",
    );
    // Deleted keys: 27 deleted, paged; the live list shrinks accordingly.
    for i in 0..27 {
        h.ok("DELETE", &format!("/keys/k{i:02}"), None);
    }
    let (items, sizes) = h.walk("/deletedkeys");
    assert_eq!(sizes, [25, 2]);
    assert!(items.iter().all(|i| {
        i["recoveryId"]
            .as_str()
            .unwrap()
            .starts_with(&format!("{}/deletedkeys/k", h.base))
    }));
    assert!(
        items
            .iter()
            .all(|i| i["scheduledPurgeDate"].as_i64().unwrap()
                - i["deletedDate"].as_i64().unwrap()
                == 7 * DAY)
    );
    let (_, sizes) = h.walk("/deletedkeys?maxresults=20");
    assert_eq!(sizes, [20, 7]);
    let (items, _) = h.walk("/keys");
    assert_eq!(items.len(), 5);
}

#[test]
fn soft_delete_recover_purge_and_automatic_purge() {
    let cx = Ctx::pre_activated();
    let h = cx.hsm("keys-delete");
    let created = h.create(
        "doomed",
        json!({"kty": "EC", "crv": "P-256", "tags": {"a": "b"}}),
    );
    let rotated = h.ok("POST", "/keys/doomed/rotate", None);
    let deleted = h.ok("DELETE", "/keys/doomed", None);
    assert_eq!(
        deleted["key"], rotated["key"],
        "the bundle of the latest version"
    );
    assert_eq!(deleted["tags"], json!({"a": "b"}));
    assert_eq!(
        deleted["recoveryId"],
        format!("{}/deletedkeys/doomed", h.base)
    );
    let dd = deleted["deletedDate"].as_i64().unwrap();
    assert_eq!(
        deleted["scheduledPurgeDate"].as_i64().unwrap(),
        dd + 7 * DAY
    );
    // Gone from the live side; everything on it answers 404.
    h.err("GET", "/keys/doomed", None, 404, "KeyNotFound");
    h.err("DELETE", "/keys/doomed", None, 404, "KeyNotFound");
    h.err(
        "POST",
        "/keys/doomed/sign",
        Some(json!({"alg": "ES256", "value": b64(&[0; 32])})),
        404,
        "KeyNotFound",
    );
    h.err("POST", "/keys/doomed/rotate", None, 404, "KeyNotFound");
    // The name is reserved while deleted.
    for (m, p, body) in [
        ("POST", "/keys/doomed/create", json!({"kty": "oct"})),
        (
            "PUT",
            "/keys/doomed",
            json!({"key": {"kty": "oct", "k": b64(&[7; 32])}}),
        ),
    ] {
        let (s, v) = h.call(m, p, Some(body));
        assert_eq!(
            (
                s,
                v["error"]["code"].as_str(),
                v["error"]["innererror"]["code"].as_str()
            ),
            (409, Some("Conflict"), Some("ObjectIsDeletedButRecoverable")),
            "{v}"
        );
        assert!(v["error"]["message"].as_str().unwrap().starts_with("Key doomed is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the key can only be recovered or purged."));
    }
    // Deleted side.
    assert_eq!(h.ok("GET", "/deletedkeys/doomed", None), deleted);
    let (items, _) = h.walk("/deletedkeys");
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["kid"], format!("{}/keys/doomed", h.base));
    assert_eq!(items[0]["recoveryId"], deleted["recoveryId"]);
    h.err("GET", "/deletedkeys/alive", None, 404, "KeyNotFound");
    // Recover: the latest version comes back, with all versions and its tags; it works again.
    let recovered = h.ok("POST", "/deletedkeys/doomed/recover", None);
    assert_eq!(recovered["key"], rotated["key"]);
    assert!(recovered.get("recoveryId").is_none());
    assert_eq!(
        h.ok("GET", "/keys/doomed/versions", None)["value"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    h.ok(
        "GET",
        &format!("/keys/doomed/{}", version_of(&created["key"]["kid"])),
        None,
    );
    h.op(
        "doomed",
        "sign",
        json!({"alg": "ES256", "value": b64(&[1; 32])}),
    );
    h.err(
        "POST",
        "/deletedkeys/doomed/recover",
        None,
        404,
        "KeyNotFound",
    );
    h.err("DELETE", "/deletedkeys/doomed", None, 404, "KeyNotFound");
    // Purge: 204 with no body; the name is free again.
    h.ok("DELETE", "/keys/doomed", None);
    let (s, v) = h.call("DELETE", "/deletedkeys/doomed", None);
    assert_eq!((s, v), (204, Value::Null));
    h.err("GET", "/deletedkeys/doomed", None, 404, "KeyNotFound");
    let again = h.create("doomed", json!({"kty": "oct"}));
    assert_eq!(again["key"]["kty"], "oct-HSM");
    assert_eq!(
        h.ok("GET", "/keys/doomed/versions", None)["value"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // Automatic purge at the scheduled date (emulator clock), not a second before.
    h.ok("DELETE", "/keys/doomed", None);
    cx.advance(7 * DAY - 120);
    std::thread::sleep(Duration::from_millis(700));
    h.ok("GET", "/deletedkeys/doomed", None);
    cx.advance(121);
    eventually("automatic purge", || {
        h.call("GET", "/deletedkeys/doomed", None).0 == 404
    });
    h.create("doomed", json!({"kty": "oct"}));
}

#[test]
fn purge_protection_refuses_purge_until_the_scheduled_date() {
    let cx = Ctx::pre_activated();
    let team = cx.emu.oid("security-team");
    let created = cx
        .emu
        .mhsm(
            "hsm-operator",
            &[
                "create",
                "--hsm-name",
                "keys-protected",
                "-g",
                "rg-hsm",
                "-l",
                "eastus2",
                "--administrators",
                &team,
                "--retention-days",
                "7",
                "--enable-purge-protection",
            ],
        )
        .ok()
        .json();
    let h = cx.hsm_from(&created);
    let b = h.create("kept", json!({"kty": "RSA"}));
    assert_eq!(b["attributes"]["recoveryLevel"], "CustomizedRecoverable");
    let d = h.ok("DELETE", "/keys/kept", None);
    let m = h.err("DELETE", "/deletedkeys/kept", None, 403, "Forbidden");
    assert!(
        m.starts_with(
            "Operation \"purge\" is not allowed because purge protection is enabled for this HSM."
        ),
        "{m}"
    );
    assert!(m.contains(&d["scheduledPurgeDate"].to_string()), "{m}");
    // Still deleted and recoverable; the service purges it itself at the scheduled date.
    h.ok("GET", "/deletedkeys/kept", None);
    cx.advance(7 * DAY + 5);
    eventually("automatic purge under purge protection", || {
        h.call("GET", "/deletedkeys/kept", None).0 == 404
    });
}

#[test]
fn key_checks_after_rbac_and_updates() {
    let cx = Ctx::pre_activated();
    let h = cx.hsm("keys-checks");
    let b = h.create(
        "k",
        json!({"kty": "RSA", "key_ops": ["sign", "verify", "decrypt"], "tags": {"x": "1"}}),
    );
    let now = b["attributes"]["created"].as_i64().unwrap();
    let digest = json!({"alg": "RS256", "value": b64(&[3; 32])});
    let m = h.err(
        "POST",
        "/keys/k/encrypt",
        Some(json!({"alg": "RSA-OAEP", "value": b64(b"x")})),
        403,
        "Forbidden",
    );
    assert!(
        m.starts_with("Operation encrypt is not permitted on this key."),
        "{m}"
    );
    let m = h.err(
        "POST",
        "/keys/k/wrapkey",
        Some(json!({"alg": "RSA-OAEP", "value": b64(b"x")})),
        403,
        "Forbidden",
    );
    assert!(
        m.starts_with("Operation wrapKey is not permitted on this key."),
        "{m}"
    );
    let sig = h.op("k", "sign", digest.clone())["value"].clone();
    // PATCH (versionless = latest): key_ops, tags.
    let u = h.ok(
        "PATCH",
        "/keys/k",
        Some(json!({"key_ops": ["sign", "verify", "encrypt", "decrypt"], "tags": {"y": "2"}})),
    );
    assert_eq!(
        u["key"]["key_ops"],
        json!(["sign", "verify", "encrypt", "decrypt"])
    );
    assert_eq!(u["tags"], json!({"y": "2"}));
    assert!(u["attributes"]["updated"].as_i64().unwrap() >= now);
    let ct = h.op(
        "k",
        "encrypt",
        json!({"alg": "RSA-OAEP", "value": b64(b"secret")}),
    )["value"]
        .clone();
    // Disabled: every operation is refused; reading still works.
    let v = version_of(&b["key"]["kid"]);
    let u = h.ok(
        "PATCH",
        &format!("/keys/k/{v}"),
        Some(json!({"attributes": {"enabled": false}})),
    );
    assert_eq!(u["attributes"]["enabled"], false);
    for (op, body) in [
        ("sign", digest.clone()),
        ("decrypt", json!({"alg": "RSA-OAEP", "value": ct.clone()})),
    ] {
        let m = h.err(
            "POST",
            &format!("/keys/k/{op}"),
            Some(body),
            403,
            "Forbidden",
        );
        assert!(
            m.starts_with(&format!("Operation {op} is not allowed on a disabled key.")),
            "{m}"
        );
    }
    h.ok("GET", "/keys/k", None);
    h.ok(
        "PATCH",
        "/keys/k/",
        Some(json!({"attributes": {"enabled": true}})),
    );
    // Expired: sign and encrypt are refused; verify and decrypt still work (D9).
    h.ok(
        "PATCH",
        "/keys/k",
        Some(json!({"attributes": {"exp": now + 300}})),
    );
    h.op("k", "sign", digest.clone());
    cx.advance(600);
    let m = h.err(
        "POST",
        "/keys/k/sign",
        Some(digest.clone()),
        403,
        "Forbidden",
    );
    assert!(m.contains("expired"), "{m}");
    h.err(
        "POST",
        "/keys/k/encrypt",
        Some(json!({"alg": "RSA-OAEP", "value": b64(b"x")})),
        403,
        "Forbidden",
    );
    assert_eq!(
        h.op(
            "k",
            "verify",
            json!({"alg": "RS256", "digest": b64(&[3; 32]), "value": sig})
        )["value"],
        true
    );
    assert_eq!(
        unb64(&h.op("k", "decrypt", json!({"alg": "RSA-OAEP", "value": ct}))["value"]),
        b"secret"
    );
    // Not yet valid (nbf in the future): same rule.
    let later = h.create("later", json!({"kty": "oct", "key_ops": ["encrypt", "decrypt", "wrapKey", "unwrapKey"], "attributes": {"nbf": now + 10 * DAY}}));
    assert_eq!(later["attributes"]["nbf"], now + 10 * DAY);
    let m = h.err(
        "POST",
        "/keys/later/wrapkey",
        Some(json!({"alg": "A256KW", "value": b64(&[1; 32])})),
        403,
        "Forbidden",
    );
    assert!(m.contains("activation time"), "{m}");
    // exp must follow nbf.
    h.err(
        "PATCH",
        "/keys/later",
        Some(json!({"attributes": {"exp": now}})),
        400,
        "BadParameter",
    );
    h.err(
        "PATCH",
        "/keys/missing",
        Some(json!({"tags": {}})),
        404,
        "KeyNotFound",
    );
    h.err(
        "PATCH",
        &format!("/keys/k/{}", "f".repeat(32)),
        Some(json!({"tags": {}})),
        404,
        "KeyNotFound",
    );
    h.err(
        "PATCH",
        "/keys/k",
        Some(json!({"key_ops": ["bogus"]})),
        400,
        "BadParameter",
    );

    // Release policies: required for exportable keys, stored, returned, immutable when asked.
    let policy = |authority: &str| {
        b64(json!({"version": "1.0.0", "anyOf": [{"authority": authority, "allOf": [{"claim": "x-ms-isolation-tee.x-ms-attestation-type", "equals": "sevsnpvm"}]}]}).to_string().as_bytes())
    };
    let m = h.err(
        "POST",
        "/keys/exp/create",
        Some(json!({"kty": "RSA", "attributes": {"exportable": true}})),
        400,
        "BadParameter",
    );
    assert!(m.contains("release policy"), "{m}");
    h.err("POST", "/keys/exp/create", Some(json!({"kty": "RSA", "attributes": {"exportable": true}, "release_policy": {"data": b64(b"not json")}})), 400, "BadParameter");
    let e = h.create("exp", json!({"kty": "RSA", "attributes": {"exportable": true}, "release_policy": {"data": policy("https://a.attest"), "immutable": true}}));
    assert_eq!(e["attributes"]["exportable"], true);
    assert_eq!(
        e["release_policy"],
        json!({"contentType": "application/json; charset=utf-8", "immutable": true, "data": policy("https://a.attest")})
    );
    let m = h.err(
        "PATCH",
        "/keys/exp",
        Some(json!({"release_policy": {"data": policy("https://b.attest")}})),
        400,
        "BadParameter",
    );
    assert!(m.contains("immutable"), "{m}");
    h.err(
        "PATCH",
        "/keys/exp",
        Some(json!({"attributes": {"exportable": false}})),
        400,
        "BadParameter",
    );
    let mutable = h.create("exp2", json!({"kty": "oct", "attributes": {"exportable": true}, "release_policy": {"data": policy("https://a.attest")}}));
    assert_eq!(mutable["release_policy"]["immutable"], false);
    let u = h.ok(
        "PATCH",
        "/keys/exp2",
        Some(json!({"release_policy": {"data": policy("https://b.attest")}})),
    );
    assert_eq!(u["release_policy"]["data"], policy("https://b.attest"));
    // A policy on a non-exportable key, or outside the grammar: the service's refusals.
    let m = h.err(
        "POST",
        "/keys/nx/create",
        Some(json!({"kty": "RSA", "release_policy": {"data": policy("https://a.attest")}})),
        400,
        "BadParameter",
    );
    assert!(m.contains("AKV.SKR.1005"), "{m}");
    let m = h.err(
        "PATCH",
        "/keys/k",
        Some(json!({"release_policy": {"data": policy("https://a.attest")}})),
        400,
        "BadParameter",
    );
    assert!(m.contains("AKV.SKR.1005"), "{m}");
    // Release: the key lookup first, then (this HSM has no purge protection) a refusal; the
    // whole flow is in release.rs. Export stays an honest 501; attestation is emulated.
    let m = h.err(
        "POST",
        "/keys/exp/release",
        Some(json!({"target": "eyJ.x.y"})),
        403,
        "Forbidden",
    );
    assert!(m.contains("purge protection"), "{m}");
    h.err(
        "POST",
        "/keys/exp/release",
        Some(json!({"target": "t", "enc": "RSA1_5"})),
        400,
        "BadParameter",
    );
    h.err(
        "POST",
        "/keys/missing/release",
        Some(json!({"target": "t"})),
        404,
        "KeyNotFound",
    );
    h.err(
        "POST",
        &format!("/keys/exp/{}/export", version_of(&e["key"]["kid"])),
        Some(json!({})),
        501,
        "NotImplemented",
    );
    let att = h.ok("GET", "/keys/exp/attestation", None);
    let a = &att["attributes"]["attestation"];
    assert_eq!(a["version"], "1.0");
    assert!(
        a["certificatePemFile"].is_string() && a["publicKeyAttestation"].is_string(),
        "{att}"
    );
    let oct = h.ok("GET", "/keys/exp2/attestation", None);
    assert!(
        oct["attributes"]["attestation"]["publicKeyAttestation"].is_null(),
        "{oct}"
    );
}

#[test]
fn rotation_on_demand_by_policy_and_automatic() {
    let cx = Ctx::pre_activated();
    let h = cx.hsm("keys-rotation");
    let first = h.create(
        "r",
        json!({"kty": "EC", "crv": "P-384", "key_ops": ["sign"], "tags": {"t": "1"}}),
    );
    // The default policy of a key without one.
    let p = h.ok("GET", "/keys/r/rotationpolicy", None);
    assert_eq!(
        p,
        json!({"id": format!("{}/keys/r/rotationpolicy", h.base), "lifetimeActions": [{"trigger": {"timeBeforeExpiry": "P30D"}, "action": {"type": "Notify"}}], "attributes": {}})
    );
    h.err(
        "GET",
        "/keys/missing/rotationpolicy",
        None,
        404,
        "KeyNotFound",
    );
    // On-demand rotation needs no explicit policy: same type, curve, ops and tags.
    let second = h.ok("POST", "/keys/r/rotate", None);
    assert_ne!(second["key"]["kid"], first["key"]["kid"]);
    assert!(
        h.kid_re("r")
            .is_match(second["key"]["kid"].as_str().unwrap())
    );
    assert_eq!(
        (
            &second["key"]["kty"],
            &second["key"]["crv"],
            &second["key"]["key_ops"]
        ),
        (
            &first["key"]["kty"],
            &first["key"]["crv"],
            &first["key"]["key_ops"]
        )
    );
    assert_ne!(second["key"]["x"], first["key"]["x"]);
    assert_eq!(second["tags"], first["tags"]);
    assert_eq!(
        h.ok("GET", "/keys/r", None)["key"]["kid"],
        second["key"]["kid"]
    );
    // Policy validation.
    for (body, needle) in [
        (
            json!({"lifetimeActions": [{"trigger": {"timeAfterCreate": "P27D"}, "action": {"type": "Rotate"}}]}),
            "at least 28 days",
        ),
        (
            json!({"lifetimeActions": [], "attributes": {"expiryTime": "P7D"}}),
            "at least 28 days",
        ),
        (
            json!({"lifetimeActions": [{"trigger": {"timeAfterCreate": "thirty days"}, "action": {"type": "Rotate"}}]}),
            "ISO-8601",
        ),
        (
            json!({"lifetimeActions": [{"trigger": {}, "action": {"type": "Rotate"}}]}),
            "exactly one trigger",
        ),
        (
            json!({"lifetimeActions": [{"trigger": {"timeAfterCreate": "P90D"}, "action": {"type": "Rotate"}}], "attributes": {"expiryTime": "P60D"}}),
            "shorter than",
        ),
    ] {
        let m = h.err(
            "PUT",
            "/keys/r/rotationpolicy",
            Some(body.clone()),
            400,
            "BadParameter",
        );
        assert!(m.contains(needle), "{body}: {m}");
    }
    let set = h.ok("PUT", "/keys/r/rotationpolicy", Some(json!({"lifetimeActions": [{"trigger": {"timeAfterCreate": "P30D"}, "action": {"type": "rotate"}}, {"trigger": {"timeBeforeExpiry": "P7D"}, "action": {"type": "Notify"}}], "attributes": {"expiryTime": "P90D"}})));
    assert_eq!(
        set["lifetimeActions"][0],
        json!({"trigger": {"timeAfterCreate": "P30D"}, "action": {"type": "Rotate"}})
    );
    assert_eq!(set["attributes"]["expiryTime"], "P90D");
    assert!(set["attributes"]["created"].is_i64() && set["attributes"]["updated"].is_i64());
    assert_eq!(h.ok("GET", "/keys/r/rotationpolicy", None), set);
    // On-demand rotation now also sets exp from expiryTime.
    let third = h.ok("POST", "/keys/r/rotate", None);
    let c = third["attributes"]["created"].as_i64().unwrap();
    assert_eq!(third["attributes"]["exp"], c + 90 * DAY);
    // Automatic: 30 days after the current version's creation, housekeeping rotates.
    cx.advance(30 * DAY + 5);
    eventually("automatic rotation", || {
        h.ok("GET", "/keys/r/versions", None)["value"]
            .as_array()
            .unwrap()
            .len()
            == 4
    });
    let fourth = h.ok("GET", "/keys/r", None);
    assert_ne!(fourth["key"]["kid"], third["key"]["kid"]);
    let c4 = fourth["attributes"]["created"].as_i64().unwrap();
    assert!(c4 >= c + 30 * DAY);
    assert_eq!(fourth["attributes"]["exp"], c4 + 90 * DAY);
    assert_eq!(fourth["key"]["key_ops"], json!(["sign"]));
    assert_eq!(fourth["tags"], json!({"t": "1"}));
    // Only once per trigger: a few more housekeeping rounds change nothing.
    std::thread::sleep(Duration::from_millis(1200));
    assert_eq!(
        h.ok("GET", "/keys/r/versions", None)["value"]
            .as_array()
            .unwrap()
            .len(),
        4
    );
    // timeBeforeExpiry: a key expiring in 40 days with a 30-day trigger rotates after 10.
    let e = h.create("e", json!({"kty": "oct", "key_size": 128}));
    let ec = e["attributes"]["created"].as_i64().unwrap();
    h.ok(
        "PATCH",
        "/keys/e",
        Some(json!({"attributes": {"exp": ec + 40 * DAY}})),
    );
    h.ok("PUT", "/keys/e/rotationpolicy", Some(json!({"lifetimeActions": [{"trigger": {"timeBeforeExpiry": "P30D"}, "action": {"type": "Rotate"}}], "attributes": {"expiryTime": "P60D"}})));
    cx.advance(9 * DAY);
    std::thread::sleep(Duration::from_millis(700));
    assert_eq!(
        h.ok("GET", "/keys/e/versions", None)["value"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    cx.advance(DAY + 60);
    eventually("rotation before expiry", || {
        h.ok("GET", "/keys/e/versions", None)["value"]
            .as_array()
            .unwrap()
            .len()
            == 2
    });
    // `{}` removes rotation.
    let cleared = h.ok("PUT", "/keys/e/rotationpolicy", Some(json!({})));
    assert_eq!(cleared["lifetimeActions"], json!([]));
    // 100 versions per key, rotations included.
    let l = h.create("limit", json!({"kty": "oct", "key_size": 128}));
    assert!(l["key"]["kid"].is_string());
    for _ in 1..100 {
        h.ok("POST", "/keys/limit/rotate", None);
    }
    let (s, v) = h.call("POST", "/keys/limit/rotate", None);
    assert_eq!(
        (
            s,
            v["error"]["code"].as_str(),
            v["error"]["innererror"]["code"].as_str()
        ),
        (400, Some("BadParameter"), Some("QuotaExceeded")),
        "{v}"
    );
    let (s, _) = h.call("POST", "/keys/limit/create", Some(json!({"kty": "oct"})));
    assert_eq!(s, 400);
    assert_eq!(h.walk("/keys/limit/versions").0.len(), 100);
}

#[test]
fn random_bytes() {
    let cx = Ctx::pre_activated();
    let h = cx.hsm("keys-rng");
    for n in [1usize, 32, 128] {
        let v = h.ok("POST", "/rng", Some(json!({"count": n})));
        assert_eq!(unb64(&v["value"]).len(), n);
    }
    let a = h.ok("POST", "/rng", Some(json!({"count": 32})));
    let b = h.ok("POST", "/rng", Some(json!({"count": 32})));
    assert_ne!(a, b);
    for bad in [
        json!({"count": 0}),
        json!({"count": 129}),
        json!({"count": -1}),
        json!({}),
    ] {
        h.err("POST", "/rng", Some(bad), 400, "BadParameter");
    }
}

#[test]
fn backup_restores_only_where_the_security_domain_is_shared() {
    // No --pre-activate: HSMs are activated by a real security-domain download, and B is
    // recovered from A's security domain with the real CLI.
    let cx = Ctx::start(&["--provision-delay-ms", "0"]);
    let vectors = crate::security_domain::keys_dir();
    let vectors = vectors.as_path();
    let work = tempfile::tempdir().unwrap();
    let p = |f: &str| vectors.join(f).display().to_string();
    let out = |f: &str| work.path().join(f).display().to_string();
    let a_created = cx.emu.create_hsm("sd-a");
    let b_created = cx.emu.create_hsm("sd-b");
    let c_created = cx.emu.create_hsm("sd-c");
    let so = |args: &[&str]| cx.emu.mhsm("security-officer", args).ok();
    let download = |hsm: &str, file: &str| {
        so(&[
            "security-domain",
            "download",
            "--hsm-name",
            hsm,
            "--sd-wrapping-keys",
            &p("wrap1.cer"),
            &p("wrap2.cer"),
            &p("wrap3.cer"),
            "--sd-quorum",
            "2",
            "--security-domain-file",
            &out(file),
        ]);
    };
    download("sd-a", "a.json");
    download("sd-c", "c.json");
    so(&[
        "security-domain",
        "init-recovery",
        "--hsm-name",
        "sd-b",
        "--sd-exchange-key",
        &out("b-exchange.cer"),
    ]);
    so(&[
        "security-domain",
        "upload",
        "--hsm-name",
        "sd-b",
        "--sd-file",
        &out("a.json"),
        "--sd-exchange-key",
        &out("b-exchange.cer"),
        "--sd-wrapping-keys",
        &p("wrap1.key"),
        &p("wrap2.key"),
    ]);
    let a = cx.hsm_from(&a_created);
    let b = cx.hsm_from(&b_created);
    let c = cx.hsm_from(&c_created);

    // A key with history: two versions (one disabled), tags, a rotation policy.
    let policy = json!({"lifetimeActions": [{"trigger": {"timeAfterCreate": "P60D"}, "action": {"type": "Rotate"}}], "attributes": {"expiryTime": "P1Y"}});
    let v1 = a.create(
        "shared",
        json!({"kty": "RSA", "key_size": 3072, "tags": {"env": "prod"}}),
    );
    a.ok("PUT", "/keys/shared/rotationpolicy", Some(policy));
    let v2 = a.ok("POST", "/keys/shared/rotate", None);
    a.ok(
        "PATCH",
        &format!("/keys/shared/{}", version_of(&v1["key"]["kid"])),
        Some(json!({"attributes": {"enabled": false}})),
    );
    let digest = rand(32);
    let sig_a = a.op(
        "shared",
        "sign",
        json!({"alg": "RS256", "value": b64(&digest)}),
    )["value"]
        .clone();
    let blob = a.ok("POST", "/keys/shared/backup", None)["value"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(URL_SAFE_NO_PAD.decode(&blob).is_ok(), "base64url");
    a.err("POST", "/keys/missing/backup", None, 404, "KeyNotFound");

    // Into B (same security domain): the whole key comes back under B's URI.
    let restored = b.ok("POST", "/keys/restore", Some(json!({"value": blob})));
    let v = version_of(&v2["key"]["kid"]);
    assert_eq!(
        restored["key"]["kid"],
        format!("{}/keys/shared/{v}", b.base)
    );
    assert_eq!(restored["key"]["n"], v2["key"]["n"]);
    assert_eq!(restored["tags"], json!({"env": "prod"}));
    assert_eq!(
        restored["attributes"]["created"],
        v2["attributes"]["created"]
    );
    let versions = b.ok("GET", "/keys/shared/versions", None);
    let listed: Vec<String> = versions["value"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| version_of(&i["kid"]))
        .collect();
    assert_eq!(listed, [version_of(&v1["key"]["kid"]), v.clone()]);
    assert_eq!(versions["value"][0]["attributes"]["enabled"], false);
    assert_eq!(
        b.ok("GET", "/keys/shared/rotationpolicy", None)["attributes"]["expiryTime"],
        "P1Y"
    );
    // Same private key: RS256 is deterministic, so B's signature equals A's.
    let sig_b = b.op(
        "shared",
        "sign",
        json!({"alg": "RS256", "value": b64(&digest)}),
    )["value"]
        .clone();
    assert_eq!(sig_a, sig_b);

    // Into C (another security domain): refused, nothing written.
    let m = c.err(
        "POST",
        "/keys/restore",
        Some(json!({"value": blob})),
        400,
        "BadParameter",
    );
    assert!(m.contains("different security domain"), "{m}");
    assert_eq!(c.ok("GET", "/keys", None)["value"], json!([]));
    c.err("GET", "/keys/shared", None, 404, "KeyNotFound");
    // Garbage and tampering are 400s too.
    c.err(
        "POST",
        "/keys/restore",
        Some(json!({"value": "bm90IGEgYmFja3Vw"})),
        400,
        "BadParameter",
    );
    let mut raw = URL_SAFE_NO_PAD.decode(&blob).unwrap();
    let last = raw.len() - 1;
    raw[last] ^= 1;
    let m = b.err(
        "POST",
        "/keys/restore",
        Some(json!({"value": b64(&raw)})),
        400,
        "BadParameter",
    );
    assert!(m.contains("damaged"), "{m}");
    // Into A again: the name exists (409); once deleted, the name is still reserved.
    let m = a.err(
        "POST",
        "/keys/restore",
        Some(json!({"value": blob})),
        409,
        "Conflict",
    );
    assert!(m.contains("already exists"), "{m}");
    a.ok("DELETE", "/keys/shared", None);
    let (s, v) = a.call("POST", "/keys/restore", Some(json!({"value": blob})));
    assert_eq!(
        (s, v["error"]["innererror"]["code"].as_str()),
        (409, Some("ObjectIsDeletedButRecoverable")),
        "{v}"
    );
    // After a purge, the backup brings it back to A.
    let (s, _) = a.call("DELETE", "/deletedkeys/shared", None);
    assert_eq!(s, 204);
    let back = a.ok("POST", "/keys/restore", Some(json!({"value": blob})));
    assert_eq!(back["key"]["kid"], v2["key"]["kid"]);
}

#[test]
fn private_material_never_leaves_the_hsm() {
    let cx = Ctx::pre_activated();
    let h = cx.hsm("keys-secrets");
    cx.emu.enable_audit_log("keys-secrets");
    let private = rc::rsa_key();
    let jwk = rc::rsa_jwk(&private);
    let aes = rand(32);
    let ec = p256::SecretKey::random(&mut rand_core::OsRng);
    let ec_d = ec.to_bytes().to_vec();
    let ep = p256::elliptic_curve::sec1::ToEncodedPoint::to_encoded_point(&ec.public_key(), false);
    let mut bodies = Vec::new();
    bodies.push(h.import("rsa", json!({"key": jwk})));
    bodies.push(h.import("aes", json!({"key": {"kty": "oct-HSM", "k": b64(&aes)}})));
    bodies.push(h.import("ec", json!({"key": {"kty": "EC", "crv": "P-256", "x": b64(ep.x().unwrap()), "y": b64(ep.y().unwrap()), "d": b64(&ec_d)}})));
    bodies.push(h.create("gen", json!({"kty": "oct"})));
    bodies.push(h.ok("POST", "/keys/aes/rotate", None));
    bodies.push(h.op(
        "aes",
        "encrypt",
        json!({"alg": "A256GCM", "value": b64(b"hello")}),
    ));
    bodies.push(h.op(
        "rsa",
        "sign",
        json!({"alg": "PS256", "value": b64(&[9; 32])}),
    ));
    bodies.push(h.ok("POST", "/keys/rsa/backup", None));
    bodies.push(h.ok("POST", "/keys/aes/backup", None));
    bodies.push(h.ok("GET", "/keys", None));
    bodies.push(h.ok("GET", "/keys/aes/versions", None));
    bodies.push(h.ok("DELETE", "/keys/ec", None));
    bodies.push(h.ok("GET", "/deletedkeys/ec", None));
    bodies.push(h.ok("GET", "/deletedkeys", None));
    for b in &bodies {
        if b.get("key").is_some() {
            assert_public_only(b);
        }
    }
    // Every spelling of every secret: raw bytes, base64url, base64, hex.
    let d = |m: &str| unb64(&jwk[m]);
    let secrets: Vec<(String, Vec<u8>)> = vec![
        ("rsa d".into(), d("d")),
        ("rsa p".into(), d("p")),
        ("rsa q".into(), d("q")),
        ("rsa dp".into(), d("dp")),
        ("aes k".into(), aes.clone()),
        ("ec d".into(), ec_d.clone()),
    ];
    let responses = serde_json::to_vec(&bodies).unwrap();
    let store = std::fs::read(cx.emu.state().join("state.redb")).unwrap();
    let audit = std::fs::read(cx.emu.state().join("audit").join("keys-secrets.jsonl")).unwrap();
    assert!(audit.len() > 100, "the audit log has records");
    for (what, bytes) in &secrets {
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        let spellings = [
            bytes.clone(),
            b64(bytes).into_bytes(),
            STANDARD.encode(bytes).into_bytes(),
            hex.into_bytes(),
        ];
        for (place, hay) in [
            ("responses", &responses),
            ("store", &store),
            ("audit log", &audit),
        ] {
            for s in &spellings {
                // Longer than any accidental match.
                let needle = &s[..s.len().min(24)];
                assert!(
                    !hay.windows(needle.len()).any(|w| w == needle),
                    "{what} appears in the {place}"
                );
            }
        }
    }
}

#[test]
fn keys_survive_a_crash_and_leave_with_a_purged_hsm() {
    let mut cx = Ctx::pre_activated();
    let created = cx.emu.create_hsm("keys-durable");
    let digest = rand(32);
    let (bundle, sig) = {
        let h = cx.hsm_from(&created);
        let b = h.create("durable", json!({"kty": "RSA", "tags": {"k": "v"}}));
        h.create("deleted", json!({"kty": "oct"}));
        h.ok("DELETE", "/keys/deleted", None);
        let sig = h.op(
            "durable",
            "sign",
            json!({"alg": "RS256", "value": b64(&digest)}),
        )["value"]
            .clone();
        (b, sig)
    };
    // kill -9, start again on the same state: the key opens and signs identically.
    cx.emu.restart(true);
    let h = Hsm {
        cx: &cx,
        base: created["properties"]["hsmUri"]
            .as_str()
            .unwrap()
            .trim_end_matches('/')
            .to_string(),
    };
    assert_eq!(h.ok("GET", "/keys/durable", None), bundle);
    let again = h.op(
        "durable",
        "sign",
        json!({"alg": "RS256", "value": b64(&digest)}),
    )["value"]
        .clone();
    assert_eq!(
        again, sig,
        "RS256 is deterministic: same key after the restart"
    );
    h.ok("GET", "/deletedkeys/deleted", None);
    drop(h);
    // Deleting and purging the HSM removes its keys: a new HSM of the same name has none.
    for args in [
        &["delete", "--hsm-name", "keys-durable"][..],
        &["purge", "--hsm-name", "keys-durable", "-l", "eastus2"][..],
    ] {
        cx.emu.mhsm("hsm-operator", args).ok();
    }
    let recreated = cx.emu.create_hsm("keys-durable");
    let h = cx.hsm_from(&recreated);
    assert_eq!(h.ok("GET", "/keys", None)["value"], json!([]));
    assert_eq!(h.ok("GET", "/deletedkeys", None)["value"], json!([]));
    h.err("GET", "/keys/durable", None, 404, "KeyNotFound");
    // The name can be used again from scratch.
    let fresh = h.create("durable", json!({"kty": "RSA"}));
    assert_ne!(fresh["key"]["n"], bundle["key"]["n"]);
}
