"""Interop: azure-keyvault-administration's KeyVaultBackupClient drives full backup, full restore,
selective key restore and the pre-backup / pre-restore checks on an emulated HSM, with a SAS and
with the HSM's user-assigned managed identity, and sees the service's failures."""
import os

from azure.core.exceptions import HttpResponseError
from azure.keyvault.administration import KeyVaultBackupClient
from azure.keyvault.keys import KeyClient

from common import check, credential

HSM = os.environ["HSM_URI"]
CONTAINER = os.environ["CONTAINER_URI"]
SAS = os.environ["SAS"]
cred = credential("subscription-admin")
backup = KeyVaultBackupClient(HSM, cred, verify_challenge_resource=False)
keys = KeyClient(HSM, cred, verify_challenge_resource=False)

key = keys.create_ec_key("py-backup-key", curve="P-256")

# Pre-backup, then a full backup with a SAS.
backup.begin_pre_backup(CONTAINER, sas_token=SAS).result()
check(True, "begin_pre_backup succeeds")
poller = backup.begin_backup(CONTAINER, sas_token=SAS)
result = poller.result()
folder_url = result.folder_url
check(folder_url.startswith(CONTAINER + "/mhsm-"), f"begin_backup folder_url {folder_url}")

# Full restore (the HSM was just backed up: the 30-minute rule holds).
keys.begin_delete_key("py-backup-key").wait()
backup.begin_pre_restore(folder_url, sas_token=SAS).wait()
check(True, "begin_pre_restore succeeds")
backup.begin_restore(folder_url, sas_token=SAS).wait()
restored = keys.get_key("py-backup-key")
check(restored.key.x == key.key.x and restored.properties.version == key.properties.version, "full restore brings the key back")

# Selective restore of one key, by name.
keys.begin_delete_key("py-backup-key").wait()
keys.purge_deleted_key("py-backup-key")
backup.begin_restore(folder_url, sas_token=SAS, key_name="py-backup-key").wait()
check(keys.get_key("py-backup-key").key.x == key.key.x, "selective restore with key_name")

# The HSM's user-assigned managed identity instead of a SAS.
if os.environ.get("USE_MI") == "1":
    mi = backup.begin_backup(CONTAINER, use_managed_identity=True).result()
    check(mi.folder_url.startswith(CONTAINER + "/mhsm-"), "begin_backup with use_managed_identity")
    backup.begin_restore(mi.folder_url, use_managed_identity=True, key_name="py-backup-key").wait()
    check(True, "selective begin_restore with use_managed_identity")

# Failures surface as the SDK's errors.
try:
    backup.begin_backup(CONTAINER.rsplit("/", 1)[0] + "/nosuchcontainer", sas_token=SAS).result()
    raise AssertionError("a backup to a missing container succeeded")
except HttpResponseError as e:
    check("ContainerNotFound" in str(e) or "container" in str(e).lower(), f"missing container fails: {e.message}")
try:
    backup.begin_backup(CONTAINER, sas_token="sv=2022-11-02&sr=c&sp=crdw&sig=x")
    raise AssertionError("a SAS without expiry was accepted")
except HttpResponseError as e:
    check(e.status_code == 400 and "expiry" in str(e), "a malformed SAS is a synchronous 400")

print("interop backup: all checks passed")
