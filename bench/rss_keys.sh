#!/usr/bin/env bash
# Emulator memory with N keys in one HSM (default 5,000, the service's limit per HSM; one in ten
# RSA-2048, the rest EC P-256), created through the data plane by 8 concurrent clients
# (examples/sign_load.rs --create). The emulator's resident set (VmRSS, /proc/<pid>/status) after
# the creation, after one signature with every key (each key's private material used once), and
# the same after a restart on the state directory (timed to the first data-plane answer, as
# bench/start.sh does), with the peaks (VmHWM).
# Usage: bench/rss_keys.sh [N]
EMULATOR_ARGS="--pre-activate" source "$(dirname "$0")/common.sh"
N=${1:-5000}
cargo build --release --quiet --example sign_load
as hsm-operator
mhsm create --hsm-name rss-hsm -g rg-hsm -l eastus2 --administrators "$(oid security-team)" --retention-days 7 -o none
URI=$(mhsm show --hsm-name rss-hsm --query properties.hsmUri -o tsv)
as security-officer
mhsm role assignment create --hsm-name rss-hsm --role "Managed HSM Crypto User" --scope /keys --assignee security-team -o none
TOKEN=$(dp_token)
LOAD="$BIN/examples/sign_load"
echo "emulator RSS at start (one HSM, no keys): $(rss_mib "$EMU") MiB"
read -r secs errors < <("$LOAD" --create "$URI" "$STATE/ca.pem" "$TOKEN" key "$N" 8)
echo "created $N keys in $secs s ($errors errors): RSS $(rss_mib "$EMU") MiB (peak $(rss_mib "$EMU" VmHWM) MiB)"
read -r secs errors < <("$LOAD" --sign-each "$URI" "$STATE/ca.pem" "$TOKEN" key "$N" 8)
echo "signed once with each key in $secs s ($errors errors): RSS $(rss_mib "$EMU") MiB (peak $(rss_mib "$EMU" VmHWM) MiB)"
PORT=$(python3 -c 'import json,sys,urllib.parse; print(urllib.parse.urlparse(json.load(open(sys.argv[1]))["arm_url"]).port)' "$STATE/cloud.json")
kill "$EMU"; wait "$EMU" 2>/dev/null || true
ms=$(python3 bench/first_answer.py "$URI" "$STATE/ca.pem" "$STATE/emulator.pid" "$STATE/emulator.log" -- \
  "$BIN/mhsm-emulator" --state-dir "$STATE" --port "$PORT" --provision-delay-ms 0 --pre-activate)
EMU=$(cat "$STATE/emulator.pid")
echo "restarted with $N keys: first data-plane answer after $ms ms, RSS $(rss_mib "$EMU") MiB"
read -r secs errors < <("$LOAD" --sign-each "$URI" "$STATE/ca.pem" "$(dp_token)" key "$N" 8)
echo "signed once with each key in $secs s ($errors errors): RSS $(rss_mib "$EMU") MiB (peak $(rss_mib "$EMU" VmHWM) MiB)"
