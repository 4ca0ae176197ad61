"""Interop: azure-keyvault-administration's KeyVaultSettingsClient lists, gets and updates the
HSM's settings, and azure-mgmt-keyvault's managed_hsm_keys (create_if_not_exist, get, list,
list_versions) is refused while AllowKeyManagementOperationsThroughARM is false and works once
it is true."""
import os

from azure.core.exceptions import HttpResponseError, ResourceNotFoundError
from azure.keyvault.administration import KeyVaultSetting, KeyVaultSettingsClient
from azure.mgmt.keyvault import KeyVaultManagementClient
from azure.mgmt.keyvault.models import ManagedHsmKey, ManagedHsmKeyProperties

from common import CLOUD, PRINCIPALS, check, credential

NAME = "AllowKeyManagementOperationsThroughARM"
hsm_name = os.environ["HSM_NAME"]
cred = credential("subscription-admin")
settings = KeyVaultSettingsClient(os.environ["HSM_URI"], cred, verify_challenge_resource=False)

listed = list(settings.list_settings())
check([s.name for s in listed] == [NAME], "list_settings lists the one setting")
got = settings.get_setting(NAME)
check(got.value == "false" and got.setting_type == "boolean" and got.getboolean() is False, "get_setting: default false")
try:
    settings.get_setting("NoSuchSetting")
    check(False, "an unknown setting is a 404")
except ResourceNotFoundError:
    check(True, "an unknown setting is a 404")
try:
    settings.update_setting(KeyVaultSetting(name=NAME, value="yes"))
    check(False, "a bad value is refused")
except HttpResponseError as e:
    check(e.status_code == 400 and e.error.code == "BadParameter", "a bad value is a 400 BadParameter")

arm = KeyVaultManagementClient(
    cred,
    PRINCIPALS["subscription_id"],
    base_url=CLOUD["arm_url"],
    credential_scopes=["https://management.core.windows.net//.default"],
)
params = ManagedHsmKey(properties=ManagedHsmKeyProperties(kty="RSA-HSM", key_size=3072, key_ops=["wrapKey", "unwrapKey"]))
try:
    arm.managed_hsm_keys.create_if_not_exist("rg-hsm", hsm_name, "py-arm-key", params)
    check(False, "ARM keys refused while the setting is false")
except HttpResponseError as e:
    check(e.status_code == 403 and NAME in str(e), "ARM keys refused while the setting is false")

updated = settings.update_setting(KeyVaultSetting(name=NAME, value=True))
check(updated.value == "true" and updated.getboolean() is True, "update_setting to true")

key = arm.managed_hsm_keys.create_if_not_exist("rg-hsm", hsm_name, "py-arm-key", params)
check(key.name == "py-arm-key" and key.properties.kty == "RSA-HSM" and key.properties.key_size == 3072, "create_if_not_exist creates")
again = arm.managed_hsm_keys.create_if_not_exist("rg-hsm", hsm_name, "py-arm-key", params)
check(again.properties.key_uri_with_version == key.properties.key_uri_with_version, "create_if_not_exist twice: same key")
check(arm.managed_hsm_keys.get("rg-hsm", hsm_name, "py-arm-key").id == key.id, "get")
check([k.name for k in arm.managed_hsm_keys.list("rg-hsm", hsm_name)] == ["py-arm-key"], "list")
versions = list(arm.managed_hsm_keys.list_versions("rg-hsm", hsm_name, "py-arm-key"))
check(len(versions) == 1 and key.properties.key_uri_with_version.endswith(versions[0].name), "list_versions")
v = arm.managed_hsm_keys.get_version("rg-hsm", hsm_name, "py-arm-key", versions[0].name)
check(v.properties.key_uri_with_version == key.properties.key_uri_with_version, "get_version")

settings.update_setting(KeyVaultSetting(name=NAME, value="false"))
try:
    arm.managed_hsm_keys.get("rg-hsm", hsm_name, "py-arm-key")
    check(False, "refused again once false")
except HttpResponseError as e:
    check(e.status_code == 403, "refused again once false")

print("interop settings: all checks passed")
