#!/usr/bin/env bash
# Applying 1,000 role assignments from a file (`mhsm role assignment create --file`) against the
# same 1,000 assignments made as 1,000 sequential single `mhsm role assignment create` calls, in
# one run, on two HSMs of one emulator (no throttling: the emulator's default).
# Usage: bench/bulk_assignments.sh [N]   (N must be a multiple of 10: 10 assignments per key scope)
source "$(dirname "$0")/common.sh"
N=${1:-1000}
as hsm-operator
for h in bulk-file bulk-seq; do
  mhsm create --hsm-name "$h" -g rg-hsm -l eastus2 --administrators "$(oid security-team)" --retention-days 7 -o none
done
as security-officer
# The security domain must be downloaded before the HSMs serve RBAC.
K="$(cd "$(dirname "$0")/.." && pwd)/../shared/vectors/security-domain/keys"
for h in bulk-file bulk-seq; do
  mhsm security-domain download --hsm-name "$h" --sd-wrapping-keys "$K/wrap1.cer" "$K/wrap2.cer" "$K/wrap3.cer" \
    --sd-quorum 2 --security-domain-file "$STATE/$h.sd.json" -o none
done
PLAN="$STATE/plan.json"
python3 - "$N" "$PLAN" <<'PY'
import json, sys, uuid
n, path = int(sys.argv[1]), sys.argv[2]
plan = [{"role": "Managed HSM Crypto User", "scope": f"/keys/key{i // 10}", "assigneeObjectId": str(uuid.uuid4())} for i in range(n)]
json.dump(plan, open(path, "w"))
PY
t0=$(now_ns)
mhsm role assignment create --hsm-name bulk-file --file "$PLAN" -o none
t1=$(now_ns)
python3 -c 'import json,sys; [print(e["scope"], e["assigneeObjectId"]) for e in json.load(open(sys.argv[1]))]' "$PLAN" > "$STATE/plan.txt"
t2=$(now_ns)
while read -r scope oid; do
  mhsm role assignment create --hsm-name bulk-seq --role "Managed HSM Crypto User" --scope "$scope" --assignee-object-id "$oid" -o none
done < "$STATE/plan.txt"
t3=$(now_ns)
file_s=$(awk -v n=$((t1 - t0)) 'BEGIN { printf "%.2f", n / 1e9 }')
seq_s=$(awk -v n=$((t3 - t2)) 'BEGIN { printf "%.2f", n / 1e9 }')
echo "$N assignments from a file (--file):        ${file_s} s"
echo "$N sequential 'role assignment create':    ${seq_s} s"
awk -v a="$seq_s" -v b="$file_s" 'BEGIN { printf "speed-up of --file:                        %.1fx\n", a / b }'
