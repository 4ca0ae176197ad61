//! mhsm: a fast command-line tool for Azure Key Vault Managed HSM that mirrors the `az keyvault`
//! HSM commands flag for flag and JSON for JSON, and mhsm-emulator, a faithful local Managed HSM.
//!
//! Layering (architecture.md): `commands → {client, crypto, output}`, `client → wire`,
//! `emulator → {wire, crypto}`; nothing imports `commands` or `cli` from below.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod emulator;
pub mod wire;
