//! Integration tests: the real `mhsm` binary against a real `mhsm-emulator`, the official SDKs
//! against the emulator, and freshness of the generated files.

mod az_cli;
mod az_settings;
mod backup;
mod backup_emulator;
mod generated;
mod harness;
mod interop;
mod interop_rust;
mod interop_settings;
mod keys;
mod keys_emulator;
mod mgmt;
mod network;
mod private_endpoint;
mod rbac;
mod region;
mod replay;
mod replay_backup;
mod replay_settings;
mod review;
mod security_domain;
mod settings;
mod storage;
mod tokens;
