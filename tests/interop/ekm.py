"""Interop: azure-keyvault-administration's KeyVaultEkmClient (certificate, create, get, check,
update, delete of the EKM connection) and azure-keyvault-keys' KeyClient.create_external_key with
wrap/unwrap through CryptographyClient, against the emulator and its EKM proxy. Needs the SDK
betas that have them (.venv-latest); with older SDKs it says so and passes."""
import os
import ssl

try:
    from azure.keyvault.administration import KeyVaultEkmClient, KeyVaultEkmConnection
    from azure.keyvault.keys import ExternalKey
except ImportError as e:
    print(f"SKIPPED interop ekm: these SDKs have no EKM API ({e})")
    raise SystemExit(0)
from azure.core.exceptions import HttpResponseError, ResourceNotFoundError
from azure.keyvault.keys import KeyClient
from azure.keyvault.keys.crypto import CryptographyClient, KeyWrapAlgorithm, SignatureAlgorithm

from common import check, credential

uri = os.environ["HSM_URI"]
host = os.environ["PROXY_HOST"]
prefix = os.environ["PROXY_PREFIX"]
ca_der = ssl.PEM_cert_to_DER_cert(open(os.environ["PROXY_CA"]).read())
cred = credential("subscription-admin")
ekm = KeyVaultEkmClient(uri, cred, verify_challenge_resource=False)

cert = ekm.get_ekm_certificate()
check(cert.subject_common_name.endswith(".managedhsmclient.azure.net") and len(cert.ca_certificates) == 1,
      "get_ekm_certificate: the HSM's client CA and subject CN")
try:
    ekm.get_ekm_connection()
    check(False, "no connection yet is a 404")
except ResourceNotFoundError:
    check(True, "no connection yet is a 404")

conn = KeyVaultEkmConnection(host, [ca_der], path_prefix=prefix, server_subject_common_name="mhsm-ekm-proxy")
made = ekm.create_ekm_connection(conn)
check(made.host == host and made.path_prefix == prefix and made.server_ca_certificates == [ca_der],
      "create_ekm_connection answers the connection")
try:
    ekm.create_ekm_connection(conn)
    check(False, "a second connection is refused")
except HttpResponseError as e:
    check(e.status_code == 409, "a second connection is a 409")
got = ekm.get_ekm_connection()
check(got.server_subject_common_name == "mhsm-ekm-proxy", "get_ekm_connection")
info = ekm.check_ekm_connection()
check(info.api_version == "0.1-preview" and info.proxy_vendor == "mhsm", "check_ekm_connection relays the proxy's /info")
upd = ekm.update_ekm_connection(KeyVaultEkmConnection(host, [ca_der], path_prefix=prefix,
                                                      server_subject_common_name="mhsm-ekm-proxy"))
check(upd.host == host, "update_ekm_connection")

keys = KeyClient(uri, cred, verify_challenge_resource=False)
k = keys.create_external_key("py-ext", ExternalKey(id="rsa-1"), tags={"owner": "py"})
check(k.properties.external_key is not None and k.properties.external_key.id == "rsa-1",
      "create_external_key: the key names its external id")
check(k.key_type == "RSA-HSM" and sorted(k.key_operations) == ["unwrapKey", "wrapKey"], "kty and ops from the proxy")
again = keys.get_key("py-ext")
check(again.properties.external_key.id == "rsa-1", "get_key round-trips external_key")
crypto = CryptographyClient(k, cred, verify_challenge_resource=False)
cek = bytes(range(32))
w = crypto.wrap_key(KeyWrapAlgorithm.rsa_oaep_256, cek)
u = crypto.unwrap_key(KeyWrapAlgorithm.rsa_oaep_256, w.encrypted_key)
check(u.key == cek, "wrap/unwrap through the EKM proxy")
try:
    crypto.sign(SignatureAlgorithm.rs256, bytes(32))
    check(False, "sign is refused on an external key")
except HttpResponseError as e:
    check(e.status_code == 400 and e.error.code == "OperationNotSupported", "sign is a 400 OperationNotSupported")

gone = ekm.delete_ekm_connection()
check(gone.host == host, "delete_ekm_connection answers the deleted connection")
print("interop ekm: all checks passed")
