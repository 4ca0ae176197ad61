#!/usr/bin/env bash
# Envelope encryption of a large file: `mhsm key encrypt --file` / `key decrypt --file` (a fresh
# AES-256 content key wrapped by an RSA-2048 HSM key, AES-256-GCM streamed locally into a
# compact JWE) against `openssl enc -aes-256-ctr` of the same file (openssl enc has no GCM:
# CTR is GCM's keystream without the GHASH), plus `key sign --file` against `openssl dgst
# -sha256`. Wall time and peak RSS (GNU time's maximum resident set) of each whole process.
# Usage: bench/file_crypto.sh [SIZE_MIB]   (default 1024 = 1 GiB)
EMULATOR_ARGS="${EMULATOR_ARGS:-} --hsm bench"
source "$(dirname "$0")/common.sh"
SIZE=${1:-1024}
WORK="$(mktemp -d "${TMPDIR:-/tmp}/mhsm-bench-XXXXXX")"
trap 'kill $EMU 2>/dev/null; wait $EMU 2>/dev/null; rm -rf "$STATE" "$WORK"' EXIT
as developer
mhsm key create --hsm-name bench -n files --kty RSA-HSM --size 2048 >/dev/null
head -c "$((SIZE * 1024 * 1024))" /dev/urandom > "$WORK/plain"
KEY=$(openssl rand -hex 32); IV=$(openssl rand -hex 16)
# run LABEL CMD...: prints "LABEL  wall s  peak RSS MiB"
run() {
  local label=$1; shift
  sync; /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" >/dev/null
  read -r wall kib < "$WORK/time"
  printf '%-44s %7.2f s  %7.1f MiB\n' "$label" "$wall" "$(awk -v k="$kib" 'BEGIN { print k / 1024 }')"
}
echo "file: ${SIZE} MiB"
run "mhsm key encrypt --file (JWE, A256GCM)" mhsm key encrypt --hsm-name bench -n files --file "$WORK/plain" --out "$WORK/plain.jwe"
run "openssl enc -aes-256-ctr" openssl enc -aes-256-ctr -K "$KEY" -iv "$IV" -in "$WORK/plain" -out "$WORK/plain.ctr"
run "mhsm key decrypt --file" mhsm key decrypt --file "$WORK/plain.jwe" --out "$WORK/back"
run "openssl enc -d -aes-256-ctr" openssl enc -d -aes-256-ctr -K "$KEY" -iv "$IV" -in "$WORK/plain.ctr" -out "$WORK/back.ctr"
cmp "$WORK/plain" "$WORK/back" && echo "round trip: byte-identical"
run "mhsm key sign --file (RS256)" mhsm key sign --hsm-name bench -n files -a RS256 --file "$WORK/plain"
run "openssl dgst -sha256" openssl dgst -sha256 "$WORK/plain"
ls -l "$WORK/plain.jwe" | awk '{ printf "JWE size: %d bytes (%.3f x the file)\n", $5, $5 / ('"$SIZE"' * 1048576) }'
