//! Python interop for external key management: `tests/interop/ekm.py` drives the official
//! `KeyVaultEkmClient` and `KeyClient.create_external_key` (SDK betas: run with `.venv-latest`
//! when present) against the emulator and its `ekm-proxy`.

use crate::ekm::{PREFIX, admin_hsm_with_proxy};
use crate::harness::Emu;
use crate::interop::{latest_python, run_script_with};

#[test]
fn keyvault_ekm_client_and_create_external_key() {
    let emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
    let (uri, proxy, _work) = admin_hsm_with_proxy(&emu, "py-ekm");
    let out = run_script_with(
        latest_python(),
        &emu,
        "ekm.py",
        &[
            ("HSM_URI", uri),
            ("PROXY_HOST", proxy.host.clone()),
            ("PROXY_PREFIX", PREFIX.to_string()),
            ("PROXY_CA", proxy.ca.display().to_string()),
        ],
    );
    if !out.is_empty() && !out.contains("SKIPPED") {
        assert!(out.contains("interop ekm: all checks passed"), "{out}");
    }
}
