#!/usr/bin/env bash
# The whole test suite, on a fresh machine: formatting and lint gates, then every test — unit,
# end-to-end (real mhsm + real mhsm-emulator) and interop (the official Azure Python SDKs,
# installed from PyPI into .venv-interop on first run).
set -euo pipefail
cd "$(dirname "$0")"

req=tests/interop/requirements.txt
stamp=.venv-interop/.requirements.sha256
want=$(sha256sum "$req" | cut -d' ' -f1)
if [ ! -x .venv-interop/bin/python ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "== creating .venv-interop (Azure SDKs for the interop tests)"
  rm -rf .venv-interop
  python3 -m venv .venv-interop
  .venv-interop/bin/pip install --quiet --disable-pip-version-check -r "$req"
  echo "$want" > "$stamp"
fi
export MHSM_PYTHON="$PWD/.venv-interop/bin/python"
export MHSM_INTEROP_REQUIRED=1
export INSTA_UPDATE=no
export CARGO_TERM_COLOR=never

echo "== cargo fmt --check"
cargo fmt --check
echo "== cargo clippy"
cargo clippy --locked --all-targets --quiet -- -D warnings
echo "== cargo test"
cargo test --locked --all-targets
