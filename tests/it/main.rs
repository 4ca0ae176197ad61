//! Integration tests: the real `mhsm` binary against a real `mhsm-emulator`, the official SDKs
//! against the emulator, and freshness of the generated files.

mod az_byok;
mod az_cli;
mod az_ekm;
mod az_release;
mod az_settings;
mod backup;
mod backup_emulator;
mod byok;
mod ekm;
mod generated;
mod hardening;
mod harness;
mod interop;
mod interop_release;
mod interop_rust;
mod interop_settings;
mod keys;
mod keys_emulator;
mod mgmt;
mod network;
mod private_endpoint;
mod rbac;
mod rbac_code;
mod region;
mod release;
mod replay;
mod replay_backup;
mod replay_settings;
mod review;
mod secure_keys;
mod security_domain;
mod settings;
mod spec_keys;
mod storage;
mod tokens;
