//! Load generator of `bench/sign_throughput.sh`: N concurrent clients signing digests over
//! HTTPS keep-alive against one HSM key for a fixed time; prints signatures per second.
//! With `--mix` (`bench/load.sh`), each client cycles through mixed traffic instead (key get,
//! ES256 sign, key list, role assignment list at `/`, settings read) and the latency of every
//! request is kept; prints requests per second, errors, p50 and p99 in ms and the count.
//! With `--create` (`bench/rss_keys.sh`), N keys `<prefix>0..N-1` are created by `clients`
//! concurrent tasks (one in ten RSA-2048, the rest EC P-256); with `--sign-each`, each of them
//! signs one digest (every key's private material in use once). Both print the seconds taken
//! and the errors.
//!
//! Usage: sign_load <hsm-uri> <ca.pem> <token> <key> <alg> <digest-bytes> <clients> <seconds>
//!        sign_load --mix <hsm-uri> <ca.pem> <token> <ec-p256-key> <clients> <seconds>
//!        sign_load --create|--sign-each <hsm-uri> <ca.pem> <token> <prefix> <count> <clients>

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

#[tokio::main]
async fn main() {
    let a: Vec<String> = std::env::args().collect();
    if a.len() == 8 && a[1] == "--mix" {
        return mix(&a[2..]).await;
    }
    if a.len() == 8 && (a[1] == "--create" || a[1] == "--sign-each") {
        return each_key(a[1] == "--create", &a[2..]).await;
    }
    if a.len() != 9 {
        eprintln!(
            "usage: sign_load <hsm-uri> <ca.pem> <token> <key> <alg> <digest-bytes> <clients> <seconds>"
        );
        std::process::exit(2);
    }
    let (uri, ca, token, key, alg) = (
        a[1].clone(),
        a[2].clone(),
        a[3].clone(),
        a[4].clone(),
        a[5].clone(),
    );
    let digest_len: usize = a[6].parse().unwrap();
    let clients: usize = a[7].parse().unwrap();
    let seconds: u64 = a[8].parse().unwrap();
    let http = client(&ca, clients);
    use base64::Engine;
    let body = serde_json::json!({"alg": alg, "value": base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(vec![7u8; digest_len])}).to_string();
    let url = format!("{}keys/{key}/sign?api-version=7.6", uri);
    let count = Arc::new(AtomicU64::new(0));
    let errors = Arc::new(AtomicU64::new(0));
    // Warm every connection first (handshakes are not what we measure).
    let warm: Vec<_> = (0..clients)
        .map(|_| {
            let (h, u, b, t) = (http.clone(), url.clone(), body.clone(), token.clone());
            tokio::spawn(async move {
                h.post(u)
                    .bearer_auth(t)
                    .header("content-type", "application/json")
                    .body(b)
                    .send()
                    .await
                    .map(|r| r.status())
            })
        })
        .collect();
    for w in warm {
        let s = w.await.unwrap().unwrap();
        assert!(s.is_success(), "warm-up sign failed: {s}");
    }
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let tasks: Vec<_> = (0..clients)
        .map(|_| {
            let (h, u, b, t, c, e) = (
                http.clone(),
                url.clone(),
                body.clone(),
                token.clone(),
                count.clone(),
                errors.clone(),
            );
            tokio::spawn(async move {
                while Instant::now() < deadline {
                    match h
                        .post(&u)
                        .bearer_auth(&t)
                        .header("content-type", "application/json")
                        .body(b.clone())
                        .send()
                        .await
                    {
                        Ok(r) if r.status().is_success() => {
                            let _ = r.bytes().await;
                            c.fetch_add(1, Ordering::Relaxed);
                        }
                        _ => {
                            e.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                }
            })
        })
        .collect();
    let started = Instant::now();
    for t in tasks {
        t.await.unwrap();
    }
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "{:.1} {}",
        count.load(Ordering::Relaxed) as f64 / elapsed,
        errors.load(Ordering::Relaxed)
    );
}

/// One HTTPS client (connection pool) for all tasks, trusting the emulator's CA.
fn client(ca: &str, clients: usize) -> reqwest::Client {
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
    let pem = std::fs::read(ca).unwrap();
    reqwest::Client::builder()
        .tls_certs_only(reqwest::Certificate::from_pem_bundle(&pem).unwrap())
        .pool_max_idle_per_host(clients)
        .build()
        .unwrap()
}

/// Mixed traffic: `clients` tasks, each cycling through the requests below (starting at a
/// different one) until the deadline; every request's latency is recorded.
async fn mix(a: &[String]) {
    let (uri, ca, token, key) = (&a[0], &a[1], a[2].clone(), &a[3]);
    let clients: usize = a[4].parse().unwrap();
    let seconds: u64 = a[5].parse().unwrap();
    let http = client(ca, clients);
    use base64::Engine;
    let sign_body = serde_json::json!({"alg": "ES256", "value": base64::engine::general_purpose::URL_SAFE_NO_PAD.encode([7u8; 32])}).to_string();
    let requests: Arc<Vec<(reqwest::Method, String, Option<String>)>> = Arc::new(vec![
        (
            reqwest::Method::GET,
            format!("{uri}keys/{key}?api-version=7.6"),
            None,
        ),
        (
            reqwest::Method::POST,
            format!("{uri}keys/{key}/sign?api-version=7.6"),
            Some(sign_body),
        ),
        (
            reqwest::Method::GET,
            format!("{uri}keys?api-version=7.6"),
            None,
        ),
        (
            reqwest::Method::GET,
            format!("{uri}providers/Microsoft.Authorization/roleAssignments?api-version=7.6"),
            None,
        ),
        (
            reqwest::Method::GET,
            format!("{uri}settings?api-version=7.4"),
            None,
        ),
    ]);
    let send =
        |h: &reqwest::Client, (m, u, b): &(reqwest::Method, String, Option<String>), t: &str| {
            let mut r = h.request(m.clone(), u).bearer_auth(t);
            if let Some(b) = b {
                r = r.header("content-type", "application/json").body(b.clone());
            }
            r.send()
        };
    // Warm every connection and check that each request kind succeeds.
    for (i, r) in requests.iter().enumerate() {
        let s = send(&http, r, &token).await.unwrap().status();
        assert!(s.is_success(), "request {i} ({}) failed: {s}", r.1);
    }
    let warm: Vec<_> = (0..clients)
        .map(|_| {
            let (h, r, t) = (http.clone(), requests.clone(), token.clone());
            tokio::spawn(async move { send(&h, &r[0], &t).await.map(|r| r.status()) })
        })
        .collect();
    for w in warm {
        w.await.unwrap().unwrap();
    }
    let errors = Arc::new(AtomicU64::new(0));
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let tasks: Vec<_> = (0..clients)
        .map(|c| {
            let (h, r, t, e) = (
                http.clone(),
                requests.clone(),
                token.clone(),
                errors.clone(),
            );
            tokio::spawn(async move {
                let mut lat = Vec::new();
                let mut i = c;
                while Instant::now() < deadline {
                    let t0 = Instant::now();
                    match send(&h, &r[i % r.len()], &t).await {
                        Ok(resp) if resp.status().is_success() => {
                            let _ = resp.bytes().await;
                            lat.push(t0.elapsed().as_micros() as u32);
                        }
                        _ => {
                            e.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                    i += 1;
                }
                lat
            })
        })
        .collect();
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.unwrap());
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.sort_unstable();
    let pct = |p: f64| {
        all.get(((all.len() as f64 * p) as usize).min(all.len().saturating_sub(1)))
            .copied()
            .unwrap_or(0) as f64
            / 1000.0
    };
    println!(
        "{:.1} {} {:.2} {:.2} {}",
        all.len() as f64 / elapsed,
        errors.load(Ordering::Relaxed),
        pct(0.50),
        pct(0.99),
        all.len()
    );
}

/// Creates (or signs once with) keys `<prefix>0..count-1`, `clients` requests in flight; one key
/// in ten is RSA-2048, the others EC P-256. Prints seconds taken and errors.
async fn each_key(create: bool, a: &[String]) {
    let (uri, ca, token, prefix) = (a[0].clone(), &a[1], a[2].clone(), a[3].clone());
    let count: usize = a[4].parse().unwrap();
    let clients: usize = a[5].parse().unwrap();
    let http = client(ca, clients);
    let next = Arc::new(AtomicU64::new(0));
    let errors = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let tasks: Vec<_> = (0..clients)
        .map(|_| {
            let (h, u, t, p, n, e) = (
                http.clone(),
                uri.clone(),
                token.clone(),
                prefix.clone(),
                next.clone(),
                errors.clone(),
            );
            tokio::spawn(async move {
                use base64::Engine;
                loop {
                    let i = n.fetch_add(1, Ordering::Relaxed) as usize;
                    if i >= count {
                        break;
                    }
                    let rsa = i.is_multiple_of(10);
                    let (url, body) = if create {
                        let body = if rsa {
                            serde_json::json!({"kty": "RSA-HSM", "key_size": 2048})
                        } else {
                            serde_json::json!({"kty": "EC-HSM", "crv": "P-256"})
                        };
                        (format!("{u}keys/{p}{i}/create?api-version=7.6"), body)
                    } else {
                        let body = serde_json::json!({
                            "alg": if rsa { "RS256" } else { "ES256" },
                            "value": base64::engine::general_purpose::URL_SAFE_NO_PAD.encode([7u8; 32]),
                        });
                        (format!("{u}keys/{p}{i}/sign?api-version=7.6"), body)
                    };
                    match h.post(url).bearer_auth(&t).json(&body).send().await {
                        Ok(r) if r.status().is_success() => {
                            let _ = r.bytes().await;
                        }
                        Ok(r) => {
                            e.fetch_add(1, Ordering::Relaxed);
                            eprintln!("{p}{i}: {}", r.status());
                        }
                        Err(err) => {
                            e.fetch_add(1, Ordering::Relaxed);
                            eprintln!("{p}{i}: {err}");
                        }
                    }
                }
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap();
    }
    println!(
        "{:.2} {}",
        started.elapsed().as_secs_f64(),
        errors.load(Ordering::Relaxed)
    );
}
