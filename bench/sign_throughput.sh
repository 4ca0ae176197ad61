#!/usr/bin/env bash
# RSA-2048 (RS256) and ECDSA P-256 (ES256) sign throughput of the emulator over HTTPS
# keep-alive with concurrent clients, next to `openssl speed` of the same primitives on the same
# machine in the same run; prints the ratios.
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
read -r rsa_ops rsa_err < <("$LOAD" "$URI" "$STATE/ca.pem" "$TOKEN" rsa RS256 32 "$CLIENTS" "$SECS")
read -r ec_ops ec_err < <("$LOAD" "$URI" "$STATE/ca.pem" "$TOKEN" p256 ES256 32 "$CLIENTS" "$SECS")
SPEED=$(openssl speed -seconds "$SECS" rsa2048 ecdsap256 2>/dev/null)
ossl_rsa=$(echo "$SPEED" | awk '/^rsa 2048 bits/ { print $(NF-1) }')
ossl_ec=$(echo "$SPEED" | awk '/256 bits ecdsa \(nistp256\)/ { print $(NF-1) }')
echo "clients: $CLIENTS, duration: ${SECS}s per run, $(nproc) cores"
printf "RS256 via HTTPS:  %10.1f sign/s (%s errors)   openssl speed rsa2048: %10.1f sign/s   ratio %.3f\n" "$rsa_ops" "$rsa_err" "$ossl_rsa" "$(awk -v a="$rsa_ops" -v b="$ossl_rsa" 'BEGIN { print a / b }')"
printf "ES256 via HTTPS:  %10.1f sign/s (%s errors)   openssl speed ecdsap256: %10.1f sign/s   ratio %.3f\n" "$ec_ops" "$ec_err" "$ossl_ec" "$(awk -v a="$ec_ops" -v b="$ossl_ec" 'BEGIN { print a / b }')"
