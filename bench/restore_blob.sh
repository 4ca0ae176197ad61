#!/usr/bin/env bash
# `mhsm security-domain restore-blob` with 3 keys (one password-protected) on the shared
# vectors, whole process, against the floor of starting the process (`mhsm --version`), in one
# run. Offline: no emulator involved.
# Usage: bench/restore_blob.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bins
BIN="$PWD/target/release"
N=${1:-20}
V="$PWD/../shared/vectors/security-domain"
OUT="$(mktemp -d)"; trap 'rm -rf "$OUT"' EXIT
export MHSM_SD_PASSWORDS="$(cat "$V/keys/wrap3.password")"
run() { "$BIN/mhsm" security-domain restore-blob --sd-file "$V/sd/security_domain.json" --sd-exchange-key "$V/keys/exchange.pem" \
  --sd-wrapping-keys "$V/keys/wrap3.key" "$V/keys/wrap1.key" "$V/keys/wrap2.key" --sd-file-restore-blob "$OUT/blob.json"; }
run
t0=$(date +%s%N); for _ in $(seq "$N"); do "$BIN/mhsm" --version >/dev/null; done; t1=$(date +%s%N)
t2=$(date +%s%N); for _ in $(seq "$N"); do run; done; t3=$(date +%s%N)
floor=$(awk -v n=$(( (t1 - t0) / N )) 'BEGIN { printf "%.1f", n / 1e6 }')
rb=$(awk -v n=$(( (t3 - t2) / N )) 'BEGIN { printf "%.1f", n / 1e6 }')
echo "process start (mhsm --version):            ${floor} ms"
echo "restore-blob, 3 keys (1 encrypted PKCS#8): ${rb} ms"
awk -v a="$rb" -v b="$floor" 'BEGIN { printf "ratio:                                     %.1f\n", a / b }'
