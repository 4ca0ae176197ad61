"""Interop: azure-keyvault-administration's KeyVaultAccessControlClient lists role definitions,
creates, lists and deletes role assignments, and sets and deletes a custom role on an
emulated HSM."""
import os
import uuid

from azure.keyvault.administration import (
    KeyVaultAccessControlClient,
    KeyVaultDataAction,
    KeyVaultPermission,
    KeyVaultRoleScope,
)

from common import check, credential, principal

# An HSM Administrator that signs in with a client secret (MSAL's password flow drops the
# authority's port during home-realm discovery, so users of a loopback IdP cannot use it).
client = KeyVaultAccessControlClient(
    os.environ["HSM_URI"], credential("subscription-admin"), verify_challenge_resource=False
)

definitions = list(client.list_role_definitions(KeyVaultRoleScope.GLOBAL))
names = {d.role_name for d in definitions}
check("Managed HSM Crypto User" in names and "Managed HSM Administrator" in names, "built-in roles are listed")
crypto_user = next(d for d in definitions if d.role_name == "Managed HSM Crypto User")
check(crypto_user.id.startswith("Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/"), "definition id format")
check(crypto_user.role_type == "AKVBuiltInRole", "built-in role type")

vm = principal("app-vm")["object_id"]
name = str(uuid.uuid4())
created = client.create_role_assignment(KeyVaultRoleScope.KEYS, crypto_user.id, vm, name=name)
check(created.name == name and created.properties.scope == "/keys", "create_role_assignment at /keys")
check(created.properties.principal_id == vm, "assignment principal")
listed = list(client.list_role_assignments(KeyVaultRoleScope.KEYS))
check(any(a.name == name for a in listed), "list_role_assignments shows it")
got = client.get_role_assignment(KeyVaultRoleScope.KEYS, name)
check(got.role_assignment_id == created.role_assignment_id, "get_role_assignment")
client.delete_role_assignment(KeyVaultRoleScope.KEYS, name)
check(all(a.name != name for a in client.list_role_assignments(KeyVaultRoleScope.KEYS)), "delete_role_assignment")

role_name = "Interop Key Reader " + uuid.uuid4().hex[:6]
custom = client.set_role_definition(
    KeyVaultRoleScope.GLOBAL,
    role_name=role_name,
    description="reads keys",
    permissions=[KeyVaultPermission(data_actions=[KeyVaultDataAction.READ_HSM_KEY])],
)
check(custom.role_name == role_name and custom.role_type == "CustomRole", "set_role_definition creates a custom role")
check(custom.assignable_scopes == ["/"], "custom role assignable at /")
again = client.set_role_definition(
    KeyVaultRoleScope.GLOBAL,
    name=custom.name,
    role_name=role_name,
    permissions=[KeyVaultPermission(data_actions=[KeyVaultDataAction.READ_HSM_KEY, KeyVaultDataAction.SIGN_HSM_KEY])],
)
check(len(again.permissions[0].data_actions) == 2, "set_role_definition updates it")
check(client.get_role_definition(KeyVaultRoleScope.GLOBAL, custom.name).role_name == role_name, "get_role_definition")
client.delete_role_definition(KeyVaultRoleScope.GLOBAL, custom.name)
check(all(d.name != custom.name for d in client.list_role_definitions(KeyVaultRoleScope.GLOBAL)), "delete_role_definition")

# The built-in roles are read-only.
try:
    client.set_role_definition(KeyVaultRoleScope.GLOBAL, name=crypto_user.name, role_name="mine")
    raise AssertionError("a built-in role was overwritten")
except Exception as e:  # HttpResponseError
    check("BadParameter" in str(e), "built-in roles are read-only")
print("interop access control: all checks passed")
