//! Load generator of `bench/sign_throughput.sh`: N concurrent clients signing digests over
//! HTTPS keep-alive against one HSM key for a fixed time; prints signatures per second.
//!
//! Usage: sign_load <hsm-uri> <ca.pem> <token> <key> <alg> <digest-bytes> <clients> <seconds>

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

#[tokio::main]
async fn main() {
    let a: Vec<String> = std::env::args().collect();
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
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
    let pem = std::fs::read(ca).unwrap();
    let http = reqwest::Client::builder()
        .tls_certs_only(reqwest::Certificate::from_pem_bundle(&pem).unwrap())
        .pool_max_idle_per_host(clients)
        .build()
        .unwrap();
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
