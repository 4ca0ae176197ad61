#!/usr/bin/env bash
# Local RBAC as code with N role assignments (whole processes): `role plan` and `role apply` of a
# document on an empty HSM, and the no-change plan and apply after it, against the
# baseline of the same N assignments made by `role assignment create --file` on a second HSM.
# Usage: bench/rbac_code.sh [N]   (N a multiple of 10: 10 assignments per key scope, the limit)
source "$(dirname "$0")/common.sh"
N=${1:-1000}
as hsm-operator
for h in code-a code-b; do
  mhsm create --hsm-name "$h" -g rg-hsm -l eastus2 --administrators "$(oid security-team)" --retention-days 7 -o none
done
as security-officer
K="$(cd "$(dirname "$0")/.." && pwd)/../shared/vectors/security-domain/keys"
for h in code-a code-b; do
  mhsm security-domain download --hsm-name "$h" --sd-wrapping-keys "$K/wrap1.cer" "$K/wrap2.cer" "$K/wrap3.cer" \
    --sd-quorum 2 --security-domain-file "$STATE/$h.sd.json" -o none
done
python3 - "$N" "$STATE" <<'PY'
import json, sys, uuid
n, d = int(sys.argv[1]), sys.argv[2]
oids = [str(uuid.uuid4()) for _ in range(n)]
doc = {"roles": [{"name": "Signer", "dataActions": ["Microsoft.KeyVault/managedHsm/keys/sign/action"]}],
       "assignments": [{"role": "Managed HSM Crypto User", "scope": f"/keys/key{i // 10}", "principalId": o} for i, o in enumerate(oids)]}
json.dump(doc, open(f"{d}/doc.json", "w"))
json.dump([{"role": "Managed HSM Crypto User", "scope": f"/keys/key{i // 10}", "assigneeObjectId": o} for i, o in enumerate(oids)], open(f"{d}/bulk.json", "w"))
PY
# t WANT_RC CMD…: nanoseconds of CMD, which must exit WANT_RC.
t() {
  local want=$1 t0 rc=0; shift; t0=$(now_ns)
  "$@" >"$STATE/out" 2>"$STATE/err" || rc=$?
  [ "$rc" -eq "$want" ] || { echo "'$*' exited $rc, not $want:" >&2; cat "$STATE/err" >&2; exit 1; }
  echo $(( $(now_ns) - t0 ))
}
base=$(t 0 mhsm role assignment create --hsm-name code-b --file "$STATE/bulk.json" -o none)
plan=$(t 4 mhsm role plan --hsm-name code-a -f "$STATE/doc.json")
apply=$(t 0 mhsm role apply --hsm-name code-a -f "$STATE/doc.json")
plan0=$(t 0 mhsm role plan --hsm-name code-a -f "$STATE/doc.json")
apply0=$(t 0 mhsm role apply --hsm-name code-a -f "$STATE/doc.json")
mhsm role plan --hsm-name code-a -f "$STATE/doc.json" >/dev/null 2>&1 || { echo "apply did not converge"; exit 1; }
s() { awk -v n="$1" 'BEGIN { printf "%.2f", n / 1e9 }'; }
r() { awk -v a="$1" -v b="$base" 'BEGIN { printf "%.2f", a / b }'; }
echo "baseline: $N assignments by 'role assignment create --file':  $(s "$base") s"
echo "role plan, $N to create:                                   $(s "$plan") s   ratio $(r "$plan")"
echo "role apply, $N to create (+1 custom role):                 $(s "$apply") s   ratio $(r "$apply")"
echo "role plan, no changes:                                     $(s "$plan0") s   ratio $(r "$plan0")"
echo "role apply, no changes:                                    $(s "$apply0") s   ratio $(r "$apply0")"
