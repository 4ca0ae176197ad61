#!/usr/bin/env bash
# Secure key release, whole process: `mhsm key release` of an RSA-2048 key (the emulator fetches
# its authority's OIDC metadata and JWKS over HTTPS, verifies the token, evaluates the policy,
# wraps the key, issues the x5c leaf and signs the JWS) and the same with `--runtime-key`
# (mhsm also verifies the chain and unwraps), vs `mhsm key show` of the same key as baseline.
# Usage: bench/release.sh [iterations]
EMULATOR_ARGS="--pre-activate" source "$(dirname "$0")/common.sh"
N=${1:-50}
as hsm-operator
mhsm create --hsm-name skr-hsm -g rg-hsm -l eastus2 --administrators "$(oid security-team)" --retention-days 7 --enable-purge-protection -o none
as security-officer
mhsm role assignment create --hsm-name skr-hsm --role "Managed HSM Crypto User" --scope /keys --assignee security-team -o none
AUTH="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["arm_url"].rstrip("/"))' "$STATE/cloud.json")/attestation"
echo "{\"version\":\"1.0.0\",\"anyOf\":[{\"authority\":\"$AUTH\",\"allOf\":[{\"claim\":\"x-ms-attestation-type\",\"equals\":\"sevsnpvm\"},{\"claim\":\"x-ms-compliance-status\",\"equals\":\"azure-compliant-cvm\"}]}]}" > "$STATE/policy.json"
mhsm key create --hsm-name skr-hsm -n cvm --kty RSA-HSM --exportable --policy "$STATE/policy.json" -o none
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$STATE/tee.pem" 2>/dev/null
echo '{"x-ms-attestation-type":"sevsnpvm","x-ms-compliance-status":"azure-compliant-cvm"}' > "$STATE/claims.json"
TOKEN=$(mhsm-emulator attest --state-dir "$STATE" --claims "$STATE/claims.json" --runtime-key "$STATE/tee.pem")
mhsm key show --hsm-name skr-hsm -n cvm -o none   # warm the token cache
t0=$(now_ns); for _ in $(seq "$N"); do mhsm key show --hsm-name skr-hsm -n cvm -o none; done; t1=$(now_ns)
for _ in $(seq "$N"); do mhsm key release --hsm-name skr-hsm -n cvm --target "$TOKEN" -o none; done; t2=$(now_ns)
for i in $(seq "$N"); do mhsm key release --hsm-name skr-hsm -n cvm --target "$TOKEN" --runtime-key "$STATE/tee.pem" -f "$STATE/k$i.pem" -o none; done; t3=$(now_ns)
show=$(( (t1 - t0) / N )); rel=$(( (t2 - t1) / N )); unwrap=$(( (t3 - t2) / N ))
openssl pkey -in "$STATE/k1.pem" -noout && echo "released key parses (openssl pkey)"
echo "iterations: $N, $(nproc) cores"
echo "key show:                      $(ms $show) ms"
echo "key release (JWS):             $(ms $rel) ms   ratio $(awk -v a=$rel -v b=$show 'BEGIN { printf "%.2f", a / b }')"
echo "key release --runtime-key:     $(ms $unwrap) ms   ratio $(awk -v a=$unwrap -v b=$show 'BEGIN { printf "%.2f", a / b }')"
