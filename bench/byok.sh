#!/usr/bin/env bash
# `mhsm key make-byok` (a .byok blob from a local RSA-3072 PEM key and a 3072-bit KEK public
# key, whole process) against the same blob made by hand with openssl as Microsoft's BYOK
# specification describes it (rand, pkcs8, enc -id-aes256-wrap-pad, pkeyutl OAEP-SHA1, cat,
# base64url, JSON) and against the floor of starting the process (`mhsm --version`), in one
# run. Offline: no emulator involved.
# Usage: bench/byok.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bins
BIN="${CARGO_TARGET_DIR:-$PWD/target}/release"
N=${1:-20}
OUT="$(mktemp -d)"; trap 'rm -rf "$OUT"' EXIT
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out "$OUT/kek.key" 2>/dev/null
openssl pkey -in "$OUT/kek.key" -pubout -out "$OUT/kek.pem"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out "$OUT/target.pem" 2>/dev/null
KID="https://contoso.managedhsm.azure.net/keys/kek/0123456789abcdef0123456789abcdef"
mhsm_blob() { rm -f "$OUT/m.byok"; "$BIN/mhsm" key make-byok --key-file "$OUT/target.pem" --kek-file "$OUT/kek.pem" \
  --kek-kid "$KID" -f "$OUT/m.byok" >/dev/null; }
openssl_blob() {
  openssl rand -out "$OUT/eph" 32
  openssl pkcs8 -topk8 -nocrypt -in "$OUT/target.pem" -outform DER -out "$OUT/t.der"
  openssl enc -id-aes256-wrap-pad -iv A65959A6 -K "$(od -An -tx1 -v "$OUT/eph" | tr -d ' \n')" -in "$OUT/t.der" -out "$OUT/t.kwp"
  openssl pkeyutl -encrypt -pubin -inkey "$OUT/kek.pem" -in "$OUT/eph" -out "$OUT/eph.oaep" \
    -pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:sha1 -pkeyopt rsa_mgf1_md:sha1
  ct=$(cat "$OUT/eph.oaep" "$OUT/t.kwp" | base64 -w0 | tr '+/' '-_' | tr -d '=')
  printf '{"schema_version":"1.0.0","header":{"kid":"%s","alg":"dir","enc":"CKM_RSA_AES_KEY_WRAP"},"ciphertext":"%s"}\n' \
    "$KID" "$ct" > "$OUT/o.byok"
  rm -f "$OUT/eph" "$OUT/t.der"   # the plaintext key copies the by-hand recipe leaves behind
}
mhsm_blob; openssl_blob
t0=$(date +%s%N); for _ in $(seq "$N"); do "$BIN/mhsm" --version >/dev/null; done; t1=$(date +%s%N)
t2=$(date +%s%N); for _ in $(seq "$N"); do mhsm_blob; done; t3=$(date +%s%N)
t4=$(date +%s%N); for _ in $(seq "$N"); do openssl_blob; done; t5=$(date +%s%N)
ms() { awk -v n=$(( ($2 - $1) / N )) 'BEGIN { printf "%.1f", n / 1e6 }'; }
floor=$(ms "$t0" "$t1"); m=$(ms "$t2" "$t3"); o=$(ms "$t4" "$t5")
echo "process start (mhsm --version):        ${floor} ms"
echo "mhsm key make-byok (RSA-3072 to 3072):  ${m} ms"
echo "the same by hand with openssl (7 cmds): ${o} ms"
awk -v a="$m" -v b="$o" 'BEGIN { printf "ratio mhsm/openssl:                     %.2f\n", a / b }'
