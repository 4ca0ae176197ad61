#!/usr/bin/env bash
# One `mhsm show` (whole process: start, credentials, token, TLS, GET, JSON output) against the
# same ARM GET made with curl (token fetched once beforehand), in one run; prints the ratio.
# Usage: bench/show_vs_curl.sh [N]
source "$(dirname "$0")/common.sh"
N=${1:-50}
as hsm-operator
mhsm create --hsm-name bench-hsm -g rg-hsm -l eastus2 --administrators "$(oid security-team)" --retention-days 7 -o none
ARM=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["arm_url"])' "$STATE/cloud.json")
SUB=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["subscription_id"])' "$STATE/principals.json")
TOKEN=$(curl -sS --cacert "$STATE/ca.pem" --data-urlencode grant_type=client_credentials \
  --data-urlencode "client_id=$AZURE_CLIENT_ID" --data-urlencode "client_secret=$AZURE_CLIENT_SECRET" \
  --data-urlencode "scope=https://management.core.windows.net//.default" \
  "${ARM}$AZURE_TENANT_ID/oauth2/v2.0/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
URL="${ARM}subscriptions/$SUB/resourceGroups/rg-hsm/providers/Microsoft.KeyVault/managedHSMs/bench-hsm?api-version=2026-02-01"
curl -sS --fail --cacert "$STATE/ca.pem" -H "Authorization: Bearer $TOKEN" "$URL" >/dev/null
mhsm show --hsm-name bench-hsm -g rg-hsm >/dev/null

t0=$(now_ns); for _ in $(seq "$N"); do curl -sS --fail --cacert "$STATE/ca.pem" -H "Authorization: Bearer $TOKEN" "$URL" >/dev/null; done; t1=$(now_ns)
t2=$(now_ns); for _ in $(seq "$N"); do mhsm show --hsm-name bench-hsm -g rg-hsm >/dev/null; done; t3=$(now_ns)
curl_ms=$(ms $(( (t1 - t0) / N ))); mhsm_ms=$(ms $(( (t3 - t2) / N )))
echo "curl GET (token reused):        ${curl_ms} ms per call"
echo "mhsm show (whole process):      ${mhsm_ms} ms per call"
awk -v a="$mhsm_ms" -v b="$curl_ms" 'BEGIN { printf "ratio mhsm/curl:                %.2f\n", a / b }'
