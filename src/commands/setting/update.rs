//! `mhsm setting update` — change a setting's value (az keyvault setting update).
//!
//! As az: the setting is read first (az's workaround for an SDK auth issue; it also means an
//! unknown name fails before anything is written), then `PATCH`ed with `{"value": "…"}`.
//! `--setting-type` is never sent; like az's `KeyVaultSetting`, `boolean` only lower-cases the
//! value. The value is not validated here: the HSM decides, and its error is printed.

use super::{MISSING_HSM, view};
use crate::commands::{CliError, Ctx, hsm_endpoint};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: crate::cli::HsmTarget,
    /// Name of the setting.
    #[arg(short = 'n', long = "name")]
    pub name: String,
    /// Value of the setting.
    #[arg(long)]
    pub value: String,
    /// Type of the setting value (not sent; `boolean` lower-cases the value, as az).
    #[arg(long = "setting-type", visible_alias = "type", value_parser = ["boolean", "string"], ignore_case = true)]
    pub setting_type: Option<String>,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        hsm,
        name,
        value,
        setting_type,
    } = args;
    let endpoint = hsm_endpoint(ctx, &hsm, MISSING_HSM).await?;
    let value = match setting_type.as_deref().map(str::to_ascii_lowercase) {
        Some(t) if t == "boolean" => value.to_lowercase(),
        _ => value,
    };
    let client = ctx.client().await?;
    client.get_setting(&endpoint, &name).await?;
    let s = client.update_setting(&endpoint, &name, &value).await?;
    ctx.print(&view(&s))
}
