# Shared helpers of the benchmarks: a release build, a fresh emulator, timing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo build --release --quiet --bins
BIN="${CARGO_TARGET_DIR:-$PWD/target}/release"
STATE="$(mktemp -d)"
"$BIN/mhsm-emulator" --state-dir "$STATE" --port 0 --provision-delay-ms 0 ${EMULATOR_ARGS:-} >"$STATE/emulator.log" 2>&1 &
EMU=$!
trap 'kill $EMU 2>/dev/null; wait $EMU 2>/dev/null; rm -rf "$STATE"' EXIT
for _ in $(seq 200); do [ -f "$STATE/cloud.json" ] && break; sleep 0.05; done
export PATH="$BIN:$PATH"
as() { eval "$(mhsm-emulator env --state-dir "$STATE" --as "$1")"; }
oid() { mhsm-emulator principal --state-dir "$STATE" "$1" --field object_id; }
now_ns() { date +%s%N; }
# ms with one decimal from a nanosecond duration
ms() { awk -v n="$1" 'BEGIN { printf "%.1f", n / 1e6 }'; }
# A data-plane access token of the principal signed in with `as` (a user: password grant).
dp_token() {
  curl -sS --cacert "$STATE/ca.pem" --data-urlencode grant_type=password --data-urlencode "username=$AZURE_USERNAME" \
    --data-urlencode "password=$AZURE_PASSWORD" --data-urlencode "scope=https://managedhsm.azure.net/.default" \
    "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["authority"])' "$STATE/cloud.json")/$AZURE_TENANT_ID/oauth2/v2.0/token" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
# Resident set of a process in MiB (VmRSS, or another /proc/<pid>/status field).
rss_mib() { awk -v f="${2:-VmRSS}:" '$1 == f { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
# CPU time (user + system) a process has used so far, in microseconds (/proc/<pid>/stat).
cpu_us() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1e6 / hz }' "/proc/$1/stat"; }
