#!/usr/bin/env bash
# Crash safety: ROUNDS times, WRITERS concurrent writers of keys (create), role assignments
# (create), the HSM's setting (update) and full-backup starts while the emulator is killed with SIGKILL at a random
# moment; it is restarted on the same state directory and ports and every write it acknowledged
# (2xx) is read back. Prints acknowledged writes, missing ones (must be 0) and restart times;
# exits non-zero if an acknowledged write is missing.
# Usage: bench/crash.sh [ROUNDS] [WRITERS]
EMULATOR_ARGS="--pre-activate" source "$(dirname "$0")/common.sh"
ROUNDS=${1:-10}
WRITERS=${2:-8}
as hsm-operator
mhsm create --hsm-name crash-hsm -g rg-hsm -l eastus2 --administrators "$(oid security-team)" --retention-days 7 -o none
URI=$(mhsm show --hsm-name crash-hsm --query properties.hsmUri -o tsv)
as security-officer
mhsm role assignment create --hsm-name crash-hsm --role "Managed HSM Crypto User" --scope /keys --assignee security-team -o none
export BACKUP_SAS BACKUP_URI=https://mhsmbackups.blob.core.windows.net/backups
BACKUP_SAS=$(mhsm-emulator sas --state-dir "$STATE" --account mhsmbackups --container backups --permissions crdwl --expiry 4h)
PORT=$(python3 -c 'import json,sys,urllib.parse; print(urllib.parse.urlparse(json.load(open(sys.argv[1]))["arm_url"]).port)' "$STATE/cloud.json")
echo "$EMU" >"$STATE/emulator.pid"
disown "$EMU"
# The driver restarts the emulator (its pid in emulator.pid): stop whichever runs at the end.
trap 'kill "$(cat "$STATE/emulator.pid")" 2>/dev/null; sleep 0.2; rm -rf "$STATE"' EXIT
python3 bench/crash_writers.py "$STATE" "$URI" "$ROUNDS" "$WRITERS" -- \
  "$BIN/mhsm-emulator" --state-dir "$STATE" --port "$PORT" --provision-delay-ms 0 --pre-activate
