"""Interop: the official azure-mgmt-keyvault client (with azure-identity) creates, reads, lists,
updates and deletes a Managed HSM on the emulator's management plane, and a token from the
emulator's App Service managed-identity endpoint works with plain requests."""
import os
import uuid

import requests
from azure.mgmt.keyvault import KeyVaultManagementClient
from azure.mgmt.keyvault.models import ManagedHsm, ManagedHsmProperties, ManagedHsmSku

from common import CLOUD, PRINCIPALS, check, credential, principal

name = os.environ.get("HSM_NAME", "py-" + uuid.uuid4().hex[:8])
rg = "rg-hsm"
admins = [principal("security-team")["object_id"]]

client = KeyVaultManagementClient(
    credential("hsm-operator"),
    PRINCIPALS["subscription_id"],
    base_url=CLOUD["arm_url"],
    credential_scopes=["https://management.core.windows.net//.default"],
)

poller = client.managed_hsms.begin_create_or_update(
    rg,
    name,
    ManagedHsm(
        location="eastus2",
        sku=ManagedHsmSku(family="B", name="Standard_B1"),
        tags={"made-by": "azure-mgmt-keyvault"},
        properties=ManagedHsmProperties(
            tenant_id=PRINCIPALS["tenant_id"],
            initial_admin_object_ids=admins,
            soft_delete_retention_in_days=7,
            enable_purge_protection=False,
        ),
    ),
)
hsm = poller.result()
check(hsm.name == name, "begin_create_or_update returns the HSM")
check(hsm.properties.provisioning_state == "Succeeded", "provisioning succeeded")
check(hsm.properties.hsm_uri.startswith("https://127.0.0.1:"), "hsmUri is a loopback HTTPS listener")

got = client.managed_hsms.get(rg, name)
check(got.properties.initial_admin_object_ids == admins, "get returns the initial administrators")
check(got.properties.soft_delete_retention_in_days == 7, "retention is 7 days")
check(got.sku.name == "Standard_B1", "sku round-trips")
check(any(h.name == name for h in client.managed_hsms.list_by_resource_group(rg)), "list_by_resource_group lists it")
check(any(h.name == name for h in client.managed_hsms.list_by_subscription()), "list_by_subscription lists it")

availability = client.managed_hsms.check_mhsm_name_availability({"name": name})
check(availability.name_available is False and availability.reason == "AlreadyExists", "the name is taken")

got.tags = {"made-by": "azure-mgmt-keyvault", "updated": "yes"}
updated = client.managed_hsms.begin_update(rg, name, got).result()
check(updated.tags.get("updated") == "yes", "begin_update changes tags")

client.managed_hsms.begin_delete(rg, name).result()
deleted = list(client.managed_hsms.list_deleted())
check(any(d.name == name for d in deleted), "the deleted HSM is listed")
client.managed_hsms.begin_purge_deleted(name, "eastus2").result()
check(all(d.name != name for d in client.managed_hsms.list_deleted()), "purge removes it")

# A managed identity's token from the App Service endpoint, used with plain requests: the
# identity has no management role, so ARM authenticates it and then refuses it (403).
mi = principal("app-vm")
token = requests.get(
    CLOUD["identity_endpoint"],
    params={"resource": "https://management.azure.com/", "api-version": "2019-08-01", "client_id": mi["client_id"]},
    headers={"X-IDENTITY-HEADER": CLOUD["identity_header"]},
).json()
check(token["token_type"] == "Bearer" and int(token["expires_on"]) > 0, "the MSI endpoint issues a token")
r = requests.get(
    f"{CLOUD['arm_url']}subscriptions/{PRINCIPALS['subscription_id']}/resourceGroups/{rg}/providers/Microsoft.KeyVault/managedHSMs?api-version=2026-02-01",
    headers={"Authorization": f"Bearer {token['access_token']}"},
)
check(r.status_code == 200 and r.json()["value"] == [], "an identity without a role sees no HSMs")
print("interop mgmt: all checks passed")
