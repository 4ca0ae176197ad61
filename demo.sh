#!/usr/bin/env bash
# Quick start: the main job on the embedded emulator. Starts mhsm-emulator with its default
# directory (the seeds' cast), then walks the separation-of-duties tutorial with the real mhsm:
# a Managed HSM Contributor creates the HSM, management rights give no data access, the security
# team activates it and grants least privilege, each principal can do exactly its job, and a
# full backup is recovered onto a new HSM with `mhsm dr restore`.
set -euo pipefail
cd "$(dirname "$0")"
cargo build --quiet --bins
BIN="${CARGO_TARGET_DIR:-$PWD/target}/debug"
STATE="$(mktemp -d)"
"$BIN/mhsm-emulator" --state-dir "$STATE" --port 0 --provision-delay-ms 1500 >"$STATE/emulator.log" 2>&1 &
EMU=$!
trap 'kill $EMU 2>/dev/null; wait $EMU 2>/dev/null; rm -rf "$STATE"' EXIT
for _ in $(seq 100); do [ -f "$STATE/cloud.json" ] && break; sleep 0.1; done
sed -n '1,9p' "$STATE/emulator.log"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
# Runs mhsm signed in as a principal of the emulator's directory, echoing the command.
as() {
  local who=$1; shift
  # (SAS signatures are masked in the echo: secrets are not printed.)
  printf '\033[2m[%s]$ mhsm %s\033[0m\n' "$who" "$(printf '%s ' "$@" | sed -E 's/sig=[^& ]+/sig=***/g')" >&2
  ( eval "$("$BIN/mhsm-emulator" env --state-dir "$STATE" --as "$who")"; "$BIN/mhsm" "$@" )
}
oid() { "$BIN/mhsm-emulator" principal --state-dir "$STATE" "$1" --field object_id; }

step "1. The platform team (hsm-operator: Managed HSM Contributor on rg-hsm) creates the HSM, security-team as administrators"
as hsm-operator create --hsm-name contoso-hsm -g rg-hsm -l eastus2 --administrators "$(oid security-team)" --retention-days 7 -o table
as hsm-operator show --hsm-name contoso-hsm --query "{uri: properties.hsmUri, activation: properties.securityDomainProperties.activationStatus}"
# Audit logs are written only where a diagnostic setting sends them (Azure Monitor rights: Owner).
SUB=$(as hsm-operator show --hsm-name contoso-hsm --query id -o tsv | cut -d/ -f3)
WS="/subscriptions/$SUB/resourceGroups/rg-hsm/providers/Microsoft.OperationalInsights/workspaces/audit"
as subscription-admin diagnostic-setting create --hsm-name contoso-hsm -g rg-hsm -n audit --workspace "$WS" -o none

step "2. Management rights grant no data-plane access"
for i in 1 2 3; do
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$STATE/sd$i.key" -out "$STATE/sd$i.cer" -days 365 -subj "/CN=security officer $i" 2>/dev/null
done
as hsm-operator security-domain download --hsm-name contoso-hsm --sd-wrapping-keys "$STATE"/sd{1,2,3}.cer --sd-quorum 2 \
  --security-domain-file "$STATE/stolen.json" || echo "→ refused (exit $?), as the service does"

step "3. The security team activates the HSM: its security domain, split 2-of-3 among three officers' keys"
as security-officer security-domain download --hsm-name contoso-hsm --sd-wrapping-keys "$STATE"/sd{1,2,3}.cer --sd-quorum 2 \
  --security-domain-file "$STATE/contoso-hsm.sd.json"
as security-officer security-domain verify --sd-file "$STATE/contoso-hsm.sd.json" --sd-wrapping-keys "$STATE/sd1.key" "$STATE/sd3.key" \
  --query "{quorumMet: quorumMet, sharesOpened: sharesOpened}"

step "4. The security team administers the HSM's local RBAC"
as security-officer role assignment list --hsm-name contoso-hsm -o table || true
as security-officer role assignment create --hsm-name contoso-hsm --role "Managed HSM Crypto Auditor" --scope / --assignee auditors -o table || true
as security-officer role assignment create --hsm-name contoso-hsm --role "Managed HSM Crypto User" --scope /keys --assignee app-vm -o table || true
as security-officer role assignment create --hsm-name contoso-hsm --role "Managed HSM Crypto Service Encryption User" --scope /keys --assignee storage-account -o table || true

step "5. Least privilege for keys: the security team manages keys (a custom role) but cannot use them"
cat >"$STATE/key-admin.json" <<'EOF'
{"roleName": "Key Administrator", "description": "Manages keys; cannot use them.",
 "dataActions": ["Microsoft.KeyVault/managedHsm/keys/create", "Microsoft.KeyVault/managedHsm/keys/read/action",
   "Microsoft.KeyVault/managedHsm/keys/write/action", "Microsoft.KeyVault/managedHsm/keys/delete",
   "Microsoft.KeyVault/managedHsm/keys/rotate/action", "Microsoft.KeyVault/managedHsm/keys/backup/action",
   "Microsoft.KeyVault/managedHsm/keys/deletedKeys/read/action", "Microsoft.KeyVault/managedHsm/keys/deletedKeys/recover/action"]}
EOF
role=$(as security-officer role definition create --hsm-name contoso-hsm --role-definition "@$STATE/key-admin.json" --query name -o tsv)
as security-officer role assignment create --hsm-name contoso-hsm --role "$role" --scope /keys --assignee security-team -o none
as security-officer key create --hsm-name contoso-hsm -n signing-key --kty RSA-HSM --size 2048 --ops sign verify \
  --query "{kid: key.kid, kty: key.kty, ops: key.keyOps}"
as security-officer key create --hsm-name contoso-hsm -n storage-kek --kty RSA-HSM --size 3072 --ops wrapKey unwrapKey -o none
digest=$(printf 'release 1.0 of the app' | openssl dgst -sha256 -binary | base64)
as security-officer key sign --hsm-name contoso-hsm -n signing-key -a RS256 --digest "$digest" \
  || echo "→ the security team cannot use the keys it manages (exit $?)"

step "6. Each principal can do exactly its job"
sig=$(as app-vm key sign --hsm-name contoso-hsm -n signing-key -a RS256 --digest "$digest" --query signature -o tsv)
as auditor key verify --hsm-name contoso-hsm -n signing-key -a RS256 --digest "$digest" --signature "$sig" --query isValid
as auditor key sign --hsm-name contoso-hsm -n signing-key -a RS256 --digest "$digest" || echo "→ the auditor reads but cannot sign (exit $?)"
cek=$(openssl rand -base64 32)
wrapped=$(as storage-account key wrap --hsm-name contoso-hsm -n storage-kek -a RSA-OAEP-256 --value "$cek" --query result -o tsv)
unwrapped=$(as storage-account key unwrap --hsm-name contoso-hsm -n storage-kek -a RSA-OAEP-256 --value "$wrapped" --query result -o tsv)
[ "$unwrapped" = "$cek" ] && echo "→ the storage account wrapped and unwrapped its data key"
as storage-account key sign --hsm-name contoso-hsm -n signing-key -a RS256 --digest "$digest" || echo "→ the storage account can only wrap/unwrap (exit $?)"
as auditor role assignment list --hsm-name contoso-hsm --scope /keys -o table || true
as auditor role assignment create --hsm-name contoso-hsm --role "Managed HSM Crypto User" --scope / --assignee developer \
  || echo "→ the auditor cannot grant roles (exit $?)"
as developer role assignment list --hsm-name contoso-hsm || echo "→ the developer has no role (exit $?)"

step "7. Disaster recovery: a full backup, then the whole runbook onto a new HSM in one command"
sas=$("$BIN/mhsm-emulator" sas --state-dir "$STATE" --account mhsmbackups --container backups --permissions crdwl --expiry 2h)
as security-officer backup start --hsm-name contoso-hsm --storage-account-name mhsmbackups --blob-container-name backups -t "$sas" -o table
as hsm-operator create --hsm-name contoso-dr -g rg-hsm -l eastus2 --administrators "$(oid security-team)" --retention-days 7 -o none
as subscription-admin diagnostic-setting create --hsm-name contoso-dr -g rg-hsm -n audit --workspace "$WS" -o none
# Two of the three officers bring their keys; the security team cannot sign (separation of
# duties), so the cross-HSM signature check is left to the application below.
as security-officer dr restore --source-hsm-name contoso-hsm --target-hsm-name contoso-dr \
  --storage-account-name mhsmbackups --blob-container-name backups -t "$sas" --backup-folder latest \
  --sd-file "$STATE/contoso-hsm.sd.json" --sd-wrapping-keys "$STATE/sd3.key" "$STATE/sd1.key" --no-signature-check \
  --query "{result: result, keyVersions: verification.keyVersions.target, roleAssignments: verification.roleAssignments.target, steps: join(', ', steps[].step)}"
as security-officer backup list --storage-account-name mhsmbackups --blob-container-name backups -t "$sas" -o table
sig2=$(as app-vm key sign --hsm-name contoso-dr -n signing-key -a RS256 --digest "$digest" --query signature -o tsv)
[ "$sig2" = "$sig" ] && echo "→ the recovered HSM signs exactly as the original: same key, same roles"

step "8. A posture review of the HSM, read-only, as the auditor (what the tutorial left to do; exit 4 with --fail-on high)"
as auditor review --hsm-name contoso-hsm --storage-account-name mhsmbackups --blob-container-name backups -t "$sas" \
  --sd-file "$STATE/contoso-hsm.sd.json" --fail-on high -o table || echo "→ findings at or above high (exit $?)"

step "Done. The emulator's audit log recorded every data-plane request:"
wc -l "$STATE/audit/contoso-hsm.jsonl" "$STATE/audit/contoso-dr.jsonl"
