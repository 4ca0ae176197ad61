#!/usr/bin/env bash
# Full backup and restore of an HSM holding N keys (one in ten RSA-2048, the rest EC P-256), and
# the disaster-recovery runbook end to end, in one run on one emulator (embedded storage, SAS):
#   - `backup start` and `restore start`: the whole command (start, waits of Retry-After: 1 s,
#     result) and the job itself (the emulator's audit record of its completion), against
#     reading the same keys' metadata with `key list` (200 pages for 5,000 keys), with the
#     emulator's peak RSS during each job (VmHWM, reset before it);
#   - `mhsm dr restore` (backup reused, security domain, target backup, restore, verification of
#     every key version on both HSMs) against the same runbook typed by hand (init-recovery,
#     upload, backup of the target, restore start) onto another new HSM.
# Usage: bench/backup_restore.sh [N]
source "$(dirname "$0")/common.sh"
N=${1:-5000}
K="$PWD/../shared/vectors/security-domain/keys"
secs() { awk -v n="$1" 'BEGIN { printf "%.2f", n / 1e9 }'; }
# The emulator's own time for the last job of a kind (its audit record, in ms).
job_ms() { grep "\"operationName\":\"$1\"" "$STATE/audit/$2.jsonl" | grep '"clientInfo":"mhsm-emulator job"' | tail -1 | sed -E 's/.*"durationMs":([0-9]+).*/\1/'; }
rss_reset() { echo 5 > "/proc/$EMU/clear_refs" 2>/dev/null || true; }
rss_peak() { awk '/VmHWM/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$EMU/status"; }

as hsm-operator
for h in bk-src bk-dst1 bk-dst2; do
  mhsm create --hsm-name "$h" -g rg-hsm -l eastus2 --administrators "$(oid security-team)" --retention-days 7 -o none
done
as security-officer
mhsm security-domain download --hsm-name bk-src --sd-wrapping-keys "$K/wrap1.cer" "$K/wrap2.cer" "$K/wrap3.cer" \
  --sd-quorum 2 --security-domain-file "$STATE/src.sd.json" -o none
for role in "Managed HSM Crypto Officer" "Managed HSM Crypto User"; do
  mhsm role assignment create --hsm-name bk-src --role "$role" --scope / --assignee-object-id "$(oid security-officer)" -o none
done
echo "creating $N keys..."
seq "$N" | xargs -P 8 -I{} sh -c 'if [ $(({} % 10)) -eq 0 ]; then a="--kty RSA-HSM --size 2048"; else a="--kty EC-HSM --curve P-256"; fi; mhsm key create --hsm-name bk-src -n key{} $a -o none'
SAS=$(mhsm-emulator sas --state-dir "$STATE" --account mhsmbackups --container backups --permissions crdwl --expiry 4h)
ST=(--storage-account-name mhsmbackups --blob-container-name backups -t "$SAS")

t0=$(now_ns); mhsm key list --hsm-name bk-src -o none; t1=$(now_ns)
rss_reset
t2=$(now_ns); FOLDER=$(mhsm backup start --hsm-name bk-src "${ST[@]}" --query folderUrl -o tsv); t3=$(now_ns)
backup_rss=$(rss_peak); FOLDER=${FOLDER##*/}; backup_job=$(job_ms BackupCreate bk-src)
rss_reset
t4=$(now_ns); mhsm restore start --hsm-name bk-src "${ST[@]}" --backup-folder "$FOLDER"; t5=$(now_ns)
restore_rss=$(rss_peak); restore_job=$(job_ms RestoreStart bk-src)
size=$(du -sh "$STATE/storage/mhsmbackups/backups/$FOLDER" | cut -f1)

# The runbook by hand onto bk-dst1, then as one command onto bk-dst2 (same backup folder).
t6=$(now_ns)
mhsm security-domain init-recovery --hsm-name bk-dst1 --sd-exchange-key "$STATE/x1.cer"
mhsm security-domain upload --hsm-name bk-dst1 --sd-file "$STATE/src.sd.json" --sd-exchange-key "$STATE/x1.cer" \
  --sd-wrapping-keys "$K/wrap1.key" "$K/wrap2.key" -o none
mhsm backup start --hsm-name bk-dst1 "${ST[@]}" -o none
mhsm restore start --hsm-name bk-dst1 "${ST[@]}" --backup-folder "$FOLDER"
t7=$(now_ns)
t8=$(now_ns)
mhsm dr restore --source-hsm-name bk-src --target-hsm-name bk-dst2 "${ST[@]}" --backup-folder "$FOLDER" \
  --sd-file "$STATE/src.sd.json" --sd-wrapping-keys "$K/wrap1.key" "$K/wrap2.key" --state-file "$STATE/dr.json" \
  --query "{result: result, keyVersions: verification.keyVersions.target, steps: steps[].[step, seconds]}" -o json
t9=$(now_ns)

echo "keys:                                        $N ($(( N / 10 )) RSA-2048, $(( N - N / 10 )) EC P-256); backup folder $size"
echo "key list, every page (baseline):             $(secs $((t1 - t0))) s"
echo "backup start (command; job):                 $(secs $((t3 - t2))) s; ${backup_job} ms   emulator peak RSS $backup_rss"
echo "restore start (command; job):                $(secs $((t5 - t4))) s; ${restore_job} ms   emulator peak RSS $restore_rss"
awk -v b="$backup_job" -v r="$restore_job" -v l=$((t1 - t0)) 'BEGIN { printf "jobs against key list:                       backup %.2f, restore %.2f\n", b * 1e6 / l, r * 1e6 / l }'
echo "runbook by hand (4 commands, no verification): $(secs $((t7 - t6))) s"
echo "mhsm dr restore (with verification):         $(secs $((t9 - t8))) s"
awk -v a=$((t9 - t8)) -v b=$((t7 - t6)) 'BEGIN { printf "ratio dr / by hand:                          %.2f\n", a / b }'
