#!/usr/bin/env bash
# RSA-2048 (RS256) and ECDSA P-256 (ES256) sign throughput of the emulator over HTTPS
# keep-alive with concurrent clients, next to `openssl speed` of the same primitives on the same
# machine in the same run; prints the ratios.
# Also prints the emulator's own CPU time per signature (/proc/<pid>/stat).
# Usage: bench/sign_throughput.sh [clients] [seconds]
EMULATOR_ARGS="--pre-activate" source "$(dirname "$0")/common.sh"
CLIENTS=${1:-8}
SECS=${2:-10}
cargo build --release --quiet --example sign_load
as hsm-operator
mhsm create --hsm-name speed-hsm -g rg-hsm -l eastus2 --administrators "$(oid security-team)" --retention-days 7 -o none
as security-officer
mhsm role assignment create --hsm-name speed-hsm --role "Managed HSM Crypto User" --scope /keys --assignee security-team -o none
mhsm key create --hsm-name speed-hsm -n rsa --kty RSA-HSM --size 2048 -o none
mhsm key create --hsm-name speed-hsm -n p256 --kty EC-HSM --curve P-256 -o none
URI=$(mhsm show --hsm-name speed-hsm --query properties.hsmUri -o tsv 2>/dev/null || true)
[ -n "$URI" ] || { as hsm-operator; URI=$(mhsm show --hsm-name speed-hsm --query properties.hsmUri -o tsv); }
TOKEN=$(dp_token)
LOAD="$BIN/examples/sign_load"
# The emulator's own CPU per signature (the load generator shares the cores): user + system
# time over the run divided by the signatures served (the warm-up requests included).
c0=$(cpu_us "$EMU")
read -r rsa_ops rsa_err < <("$LOAD" "$URI" "$STATE/ca.pem" "$TOKEN" rsa RS256 32 "$CLIENTS" "$SECS")
c1=$(cpu_us "$EMU")
read -r ec_ops ec_err < <("$LOAD" "$URI" "$STATE/ca.pem" "$TOKEN" p256 ES256 32 "$CLIENTS" "$SECS")
c2=$(cpu_us "$EMU")
SPEED=$(openssl speed -seconds "$SECS" rsa2048 ecdsap256 2>/dev/null)
ossl_rsa=$(echo "$SPEED" | awk '/^rsa 2048 bits/ { print $(NF-1) }')
ossl_ec=$(echo "$SPEED" | awk '/256 bits ecdsa \(nistp256\)/ { print $(NF-1) }')
echo "clients: $CLIENTS, duration: ${SECS}s per run, $(nproc) cores"
printf "RS256 via HTTPS:  %10.1f sign/s (%s errors)   openssl speed rsa2048: %10.1f sign/s   ratio %.3f\n" "$rsa_ops" "$rsa_err" "$ossl_rsa" "$(awk -v a="$rsa_ops" -v b="$ossl_rsa" 'BEGIN { print a / b }')"
printf "ES256 via HTTPS:  %10.1f sign/s (%s errors)   openssl speed ecdsap256: %10.1f sign/s   ratio %.3f\n" "$ec_ops" "$ec_err" "$ossl_ec" "$(awk -v a="$ec_ops" -v b="$ossl_ec" 'BEGIN { print a / b }')"
per_op() { awk -v c="$1" -v ops="$2" -v s="$SECS" -v n="$CLIENTS" 'BEGIN { printf "%.0f", c / (ops * s + n) }'; }
echo "emulator CPU per signature (user + system): RS256 $(per_op $((c1 - c0)) "$rsa_ops") µs, ES256 $(per_op $((c2 - c1)) "$ec_ops") µs; openssl one sign: RS256 $(awk -v o="$ossl_rsa" 'BEGIN { printf "%.0f", 1e6 / o }') µs, ES256 $(awk -v o="$ossl_ec" 'BEGIN { printf "%.0f", 1e6 / o }') µs"
