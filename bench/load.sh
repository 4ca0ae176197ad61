#!/usr/bin/env bash
# Mixed data-plane load: CLIENTS keep-alive HTTPS clients for SECONDS, each cycling through key
# get, ES256 sign, key list, role assignment list at `/` and settings read (the load generator of
# bench/sign_throughput.sh in its --mix mode, on the same machine). Prints throughput, p50/p99
# latency, errors and the emulator's resident set before and after.
# With ASSIGNMENTS=N in the environment, N more key-scope role assignments (of other principals,
# 10 per key scope, from one `role assignment create --file`) are made first: every request's
# authorization then sits next to a full RBAC table.
# Usage: [ASSIGNMENTS=N] bench/load.sh [CLIENTS] [SECONDS]
EMULATOR_ARGS="--pre-activate" source "$(dirname "$0")/common.sh"
CLIENTS=${1:-64}
SECS=${2:-30}
cargo build --release --quiet --example sign_load
as hsm-operator
mhsm create --hsm-name load-hsm -g rg-hsm -l eastus2 --administrators "$(oid security-team)" --retention-days 7 -o none
URI=$(mhsm show --hsm-name load-hsm --query properties.hsmUri -o tsv)
as security-officer
mhsm role assignment create --hsm-name load-hsm --role "Managed HSM Crypto User" --scope /keys --assignee security-team -o none
for k in p256 rsa-a rsa-b; do
  case $k in p256) kty=(--kty EC-HSM --curve P-256) ;; *) kty=(--kty RSA-HSM --size 2048) ;; esac
  mhsm key create --hsm-name load-hsm -n "$k" "${kty[@]}" -o none
done
if [ "${ASSIGNMENTS:-0}" -gt 0 ]; then
  python3 -c 'import json,sys,uuid; json.dump([{"role": "Managed HSM Crypto User", "scope": f"/keys/other{i // 10}", "assigneeObjectId": str(uuid.uuid4())} for i in range(int(sys.argv[1]))], open(sys.argv[2], "w"))' "$ASSIGNMENTS" "$STATE/plan.json"
  mhsm role assignment create --hsm-name load-hsm --file "$STATE/plan.json" -o none
fi
TOKEN=$(dp_token)
rss_before=$(rss_mib "$EMU")
read -r rps errors p50 p99 count < <("$BIN/examples/sign_load" --mix "$URI" "$STATE/ca.pem" "$TOKEN" p256 "$CLIENTS" "$SECS")
rss_after=$(rss_mib "$EMU")
echo "clients: $CLIENTS, duration: ${SECS}s, $(nproc) cores (load generator on the same machine), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "role assignments besides the caller's: ${ASSIGNMENTS:-0}"
echo "mix: key get, ES256 sign, key list, role assignment list, settings read (round robin per client)"
printf "throughput: %.1f req/s (%s requests), errors: %s\n" "$rps" "$count" "$errors"
echo "latency: p50 ${p50} ms, p99 ${p99} ms"
echo "emulator RSS: ${rss_before} MiB before, ${rss_after} MiB after (peak $(rss_mib "$EMU" VmHWM) MiB)"
[ "$errors" = 0 ]
