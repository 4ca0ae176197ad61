//! `mhsm region wait` — the same as `mhsm wait-hsm` (az keyvault region wait is wait-hsm under
//! another name); a timeout is an error (exit code 1), unlike az.

pub use crate::commands::wait_hsm::Args;
use crate::commands::{CliError, Ctx};

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    crate::commands::wait_hsm::run(ctx, args).await
}
