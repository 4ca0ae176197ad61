#!/usr/bin/env bash
# Function-level CPU profile of the emulator under bench/sign_throughput.sh's ES256 load: a
# release build with symbols (in target/profiling), `perf record` of the emulator alone (the
# cpu-clock software event: VMs often have no hardware counters; DWARF call graphs) for 8 s of
# the 10 s run, then the samples by component (bench/profile_classify.py) and the hottest
# functions. Needs `perf` (Debian: linux-perf).
# Usage: bench/profile.sh [clients] [seconds]
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target/profiling}
export CARGO_PROFILE_RELEASE_STRIP=false CARGO_PROFILE_RELEASE_DEBUG=1
EMULATOR_ARGS="--pre-activate" source "$(dirname "$0")/common.sh"
CLIENTS=${1:-8}
SECS=${2:-10}
command -v perf >/dev/null || { echo "perf is not installed (Debian: apt-get install linux-perf)" >&2; exit 1; }
cargo build --release --quiet --example sign_load
as hsm-operator
mhsm create --hsm-name prof-hsm -g rg-hsm -l eastus2 --administrators "$(oid security-team)" --retention-days 7 -o none
as security-officer
mhsm role assignment create --hsm-name prof-hsm --role "Managed HSM Crypto User" --scope /keys --assignee security-team -o none
mhsm key create --hsm-name prof-hsm -n p256 --kty EC-HSM --curve P-256 -o none
URI=$(mhsm show --hsm-name prof-hsm --query properties.hsmUri -o tsv 2>/dev/null || true)
[ -n "$URI" ] || { as hsm-operator; URI=$(mhsm show --hsm-name prof-hsm --query properties.hsmUri -o tsv); }
TOKEN=$(dp_token)
DATA="$STATE/perf.data"
perf record -q -e cpu-clock -F 2000 -g --call-graph dwarf,16384 -p "$EMU" -o "$DATA" -- sleep $((SECS > 2 ? SECS - 2 : 1)) 2>/dev/null &
REC=$!
read -r ops errors < <("$BIN/examples/sign_load" "$URI" "$STATE/ca.pem" "$TOKEN" p256 ES256 32 "$CLIENTS" "$SECS")
wait $REC
echo "ES256 under perf: $ops sign/s ($errors errors), $CLIENTS clients"
perf script -i "$DATA" -F comm,tid,ip,sym 2>/dev/null > "$STATE/stacks.txt"
python3 "$(dirname "$0")/profile_classify.py" "$STATE/stacks.txt"
echo "hottest functions (self time):"
perf report -i "$DATA" --no-children --sort symbol --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | awk '{$1=$1; print}' | cut -c1-100 | head -15
