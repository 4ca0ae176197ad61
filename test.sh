#!/usr/bin/env bash
# The whole test suite, on a fresh machine: formatting and lint gates, then every test — unit,
# end-to-end (real mhsm + real mhsm-emulator), conformance fuzzing (schemathesis, into
# .venv-conformance) and interop (the official Azure Python SDKs and the
# az CLI, installed from PyPI into .venv-interop and .venv-az on first run; Azurite from npm into
# .azurite).
set -euo pipefail
cd "$(dirname "$0")"

# venv DIR REQUIREMENTS: (re)creates a Python venv when its pinned requirements change.
venv() {
  local dir=$1 req=$2 stamp=$1/.requirements.sha256 want
  want=$(sha256sum "$req" | cut -d' ' -f1)
  if [ ! -x "$dir/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "== creating $dir (from $req)"
    rm -rf "$dir"
    python3 -m venv "$dir"
    "$dir/bin/pip" install --quiet --disable-pip-version-check -r "$req"
    echo "$want" > "$stamp"
  fi
}
venv .venv-interop tests/interop/requirements.txt   # the Azure SDKs
venv .venv-az tests/interop/az-requirements.txt     # the az CLI
venv .venv-latest tests/interop/latest-requirements.txt   # the newest SDK releases, betas included
venv .venv-conformance tests/conformance/requirements.txt   # schemathesis (tests/it/conformance.rs)
# Azurite (npm), an external Blob service for the storage tests, pinned, into .azurite/.
AZURITE_VERSION=3.37.0
if [ "$(cat .azurite/.version 2>/dev/null)" != "$AZURITE_VERSION" ] || [ ! -x .azurite/node_modules/.bin/azurite-blob ]; then
  echo "== installing Azurite $AZURITE_VERSION into .azurite"
  rm -rf .azurite && mkdir -p .azurite
  npm install --prefix .azurite --no-audit --no-fund --loglevel=error "azurite@$AZURITE_VERSION"
  echo "$AZURITE_VERSION" > .azurite/.version
fi
export MHSM_PYTHON="$PWD/.venv-interop/bin/python"
export MHSM_AZ="$PWD/.venv-az/bin/az"
export MHSM_AZURITE="$PWD/.azurite/node_modules/.bin/azurite-blob"
export MHSM_INTEROP_REQUIRED=1
export INSTA_UPDATE=no
export CARGO_TERM_COLOR=never

echo "== cargo fmt --check"
cargo fmt --check
echo "== cargo clippy"
cargo clippy --locked --all-targets --quiet -- -D warnings
echo "== cargo test"
cargo test --locked --all-targets
echo "== interop again with the newest SDK releases (pre-releases included: what pip install --pre gives users)"
MHSM_PYTHON="$PWD/.venv-latest/bin/python" cargo test --locked --test it -- interop
