#!/usr/bin/env bash
# `mhsm review` of one HSM holding N keys (default 5,000, the service's limit per HSM): the whole
# process, as the auditor (Managed HSM Crypto Auditor at /, ARM Reader), three runs. The keys are
# 10 % RSA-2048, 60 % EC P-256 and 30 % AES-256, half of them with an expiry; the review reads
# every key and its rotation policy (32 requests in flight) and the AES sizes through ARM.
# Usage: bench/review.sh [N]
source "$(dirname "$0")/common.sh"
N=${1:-5000}
as hsm-operator
mhsm create --hsm-name rv-bench -g rg-hsm -l eastus2 --administrators "$(oid security-team)" --retention-days 7 -o none
as security-officer
K="$(cd "$(dirname "$0")/.." && pwd)/../shared/vectors/security-domain/keys"
mhsm security-domain download --hsm-name rv-bench --sd-wrapping-keys "$K/wrap1.cer" "$K/wrap2.cer" "$K/wrap3.cer" \
  --sd-quorum 2 --security-domain-file "$STATE/rv-bench.sd.json" -o none
mhsm role assignment create --hsm-name rv-bench --role "Managed HSM Crypto User" --scope /keys --assignee-object-id "$(oid security-officer)" -o none
mhsm role assignment create --hsm-name rv-bench --role "Managed HSM Crypto Auditor" --scope / --assignee-object-id "$(oid auditors)" -o none
mhsm setting update --hsm-name rv-bench -n AllowKeyManagementOperationsThroughARM --value true -o none
t0=$(now_ns)
seq 0 $((N - 1)) | xargs -P 8 -I{} sh -c '
  i={}
  case $((i % 10)) in
    0) a="--kty RSA-HSM --size 2048" ;;
    1|2|3) a="--kty oct-HSM --size 256" ;;
    *) a="--kty EC-HSM --curve P-256" ;;
  esac
  if [ $((i % 2)) -eq 0 ]; then a="$a --expires 2030-01-01T00:00:00Z"; fi
  mhsm key create --hsm-name rv-bench -n "key$i" $a -o none'
t1=$(now_ns)
echo "created $N keys in $(awk -v n=$((t1 - t0)) 'BEGIN { printf "%.1f", n / 1e9 }') s (8 parallel 'mhsm key create')"
as auditor
for run in 1 2 3; do
  t0=$(now_ns)
  mhsm review --hsm-name rv-bench -o json > "$STATE/review.json"
  t1=$(now_ns)
  echo "run $run: mhsm review of $N keys: $(awk -v n=$((t1 - t0)) 'BEGIN { printf "%.2f", n / 1e9 }') s (whole process)"
done
python3 - "$STATE/review.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print("findings:", r["summary"], "skipped:", [s["checks"] for s in r["skipped"]])
PY
