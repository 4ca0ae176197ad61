"""Interop: azure-mgmt-keyvault drives the network side of a Managed HSM on the emulator's
management plane — network ACLs (and their validation), private endpoint connections and private
link resources, and regions (a secondary added and listed)."""
import os

from azure.core.exceptions import HttpResponseError
from azure.mgmt.keyvault import KeyVaultManagementClient
from azure.mgmt.keyvault.models import (
    MHSMGeoReplicatedRegion,
    MHSMIPRule,
    MHSMNetworkRuleSet,
    MHSMPrivateLinkServiceConnectionState,
)

from common import CLOUD, PRINCIPALS, check, credential

name = os.environ["HSM_NAME"]
pec_name = os.environ["PEC_NAME"]
rg = "rg-hsm"
client = KeyVaultManagementClient(
    credential("hsm-operator"),
    PRINCIPALS["subscription_id"],
    base_url=CLOUD["arm_url"],
    credential_scopes=["https://management.core.windows.net//.default"],
)

# Network ACLs round-trip through begin_update; a bad rule is the service's 400.
hsm = client.managed_hsms.get(rg, name)
hsm.properties.network_acls = MHSMNetworkRuleSet(
    bypass="AzureServices", default_action="Deny", ip_rules=[MHSMIPRule(value="127.0.0.2/32")]
)
updated = client.managed_hsms.begin_update(rg, name, hsm).result()
acls = updated.properties.network_acls
check(acls.default_action == "Deny" and [r.value for r in acls.ip_rules] == ["127.0.0.2/32"], "network ACLs round-trip")
hsm = client.managed_hsms.get(rg, name)
hsm.properties.network_acls.ip_rules = [MHSMIPRule(value="not-an-ip")]
try:
    client.managed_hsms.begin_update(rg, name, hsm).result()
    raise AssertionError("a bad IP rule was accepted")
except HttpResponseError as e:
    check(e.status_code == 400, f"a bad IP rule is a 400: {e.message}")

# Private endpoint connections: the one the network side made is Pending; approve, then delete.
pecs = list(client.mhsm_private_endpoint_connections.list_by_resource(rg, name))
check([p.name for p in pecs] == [pec_name], "list_by_resource lists the connection")
pec = client.mhsm_private_endpoint_connections.get(rg, name, pec_name)
check(pec.private_link_service_connection_state.status == "Pending", "the connection is Pending")
pec.private_link_service_connection_state = MHSMPrivateLinkServiceConnectionState(status="Approved", description="ok by py")
approved = client.mhsm_private_endpoint_connections.put(rg, name, pec_name, pec)
check(approved.private_link_service_connection_state.status == "Approved", "put approves it")
links = list(client.mhsm_private_link_resources.list_by_mhsm_resource(rg, name).value)
check(any(l.group_id == "managedhsm" for l in links), "private link resource managedhsm")
client.mhsm_private_endpoint_connections.begin_delete(rg, name, pec_name).result()
check(list(client.mhsm_private_endpoint_connections.list_by_resource(rg, name)) == [], "begin_delete removes it")

# Regions: a secondary added by begin_update, listed by mhsm_regions.
hsm = client.managed_hsms.get(rg, name)
hsm.properties.network_acls = MHSMNetworkRuleSet(default_action="Allow", bypass="AzureServices")
hsm.properties.regions = [MHSMGeoReplicatedRegion(name="eastus2", is_primary=True), MHSMGeoReplicatedRegion(name="westus3")]
client.managed_hsms.begin_update(rg, name, hsm).result()
regions = {r.name: r for r in client.mhsm_regions.list_by_resource(rg, name)}
check(set(regions) == {"eastus2", "westus3"} and regions["eastus2"].is_primary, f"mhsm_regions lists both: {sorted(regions)}")

print("interop mgmt network: all checks passed")
