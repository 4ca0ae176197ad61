//! `mhsm backup list` — the backups in a Blob container, newest first, with the source HSM and
//! time read from each folder's name (mhsm addition: az cannot list backups).

use serde_json::{Value, json};

use super::common::{folder_time, list_folders};
use super::storage::StorageContainer;
use crate::commands::{CliError, Ctx};
use crate::output::Row;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub container: StorageContainer,
    /// Only the backups of this HSM (the name in the folder names).
    #[arg(long = "source-hsm-name")]
    pub source_hsm_name: Option<String>,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        container,
        source_hsm_name,
    } = args;
    let client = ctx.client().await?;
    let uri = container.container_uri(&client.cloud)?;
    let folders = list_folders(client, &uri, container.sas_token.as_ref()).await?;
    let rows: Vec<Value> = folders
        .iter()
        .filter(|f| {
            source_hsm_name
                .as_deref()
                .is_none_or(|s| f.hsm_name.eq_ignore_ascii_case(s))
        })
        .map(|f| {
            json!({
                "folderName": f.name,
                "folderUrl": format!("{uri}/{}", f.name),
                "hsmName": f.hsm_name,
                "time": folder_time(f),
            })
        })
        .collect();
    ctx.print_table(&Value::Array(rows), &table)
}

/// az-style table: the folder, its HSM and time (the URL is the container's plus the folder).
fn table(v: &Value) -> Vec<Row> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|f| {
                    vec![
                        ("FolderName".to_string(), f["folderName"].clone()),
                        ("HsmName".to_string(), f["hsmName"].clone()),
                        ("Time".to_string(), f["time"].clone()),
                    ]
                })
                .collect()
        })
        .unwrap_or_default()
}
