#!/usr/bin/env bash
# Emulator start: ROUNDS restarts of the emulator on a state directory holding one HSM (with
# KEYS EC P-256 keys, default 0), each timed from the start of the process to the first answer
# of the HSM's data plane (bench/first_answer.py, as bench/crash.sh times its restarts); the
# emulator is stopped with SIGTERM between rounds. Prints the median, minimum and maximum, and
# the first start on an empty state directory (to its cloud.json).
# Usage: [KEYS=N] bench/start.sh [ROUNDS]
source "$(dirname "$0")/common.sh"
ROUNDS=${1:-20}
KEYS=${KEYS:-0}
# The empty state directory's first start (TLS CA, identity provider key, store): to cloud.json.
FRESH=$(mktemp -d)
t0=$(now_ns)
"$BIN/mhsm-emulator" --state-dir "$FRESH" --port 0 >"$FRESH/log" 2>&1 &
FRESH_PID=$!
for _ in $(seq 3000); do [ -f "$FRESH/cloud.json" ] && break; sleep 0.002; done
t1=$(now_ns)
kill "$FRESH_PID"; wait "$FRESH_PID" 2>/dev/null || true; rm -rf "$FRESH"
as hsm-operator
mhsm create --hsm-name start-hsm -g rg-hsm -l eastus2 --administrators "$(oid security-team)" --retention-days 7 -o none
URI=$(mhsm show --hsm-name start-hsm --query properties.hsmUri -o tsv)
if [ "$KEYS" -gt 0 ]; then
  cargo build --release --quiet --example sign_load
  as security-officer
  mhsm role assignment create --hsm-name start-hsm --role "Managed HSM Crypto User" --scope /keys --assignee security-team -o none
  read -r secs errors < <("$BIN/examples/sign_load" --create "$URI" "$STATE/ca.pem" "$(dp_token)" key "$KEYS" 8)
  echo "created $KEYS keys in ${secs} s ($errors errors)"
fi
PORT=$(python3 -c 'import json,sys,urllib.parse; print(urllib.parse.urlparse(json.load(open(sys.argv[1]))["arm_url"]).port)' "$STATE/cloud.json")
kill "$EMU"; wait "$EMU" 2>/dev/null || true
times=()
for _ in $(seq "$ROUNDS"); do
  times+=("$(python3 bench/first_answer.py "$URI" "$STATE/ca.pem" "$STATE/emulator.pid" "$STATE/emulator.log" -- \
    "$BIN/mhsm-emulator" --state-dir "$STATE" --port "$PORT" --provision-delay-ms 0)")
  EMU=$(cat "$STATE/emulator.pid")
  kill "$EMU"
  while kill -0 "$EMU" 2>/dev/null; do sleep 0.01; done
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "first start of an empty state directory (to cloud.json): $(ms $((t1 - t0))) ms"
echo "restart to the first data-plane answer, $ROUNDS rounds, one HSM with $KEYS keys: median $(echo "$sorted" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }') ms, min $(echo "$sorted" | head -1) ms, max $(echo "$sorted" | tail -1) ms"
