"""Interop: azure-keyvault-keys' KeyClient and CryptographyClient against an emulated HSM —
create, list, sign, verify, wrap, unwrap, delete, recover and purge."""
import hashlib
import os

from azure.keyvault.keys import KeyClient
from azure.keyvault.keys.crypto import CryptographyClient, KeyWrapAlgorithm, SignatureAlgorithm

from common import check, credential

cred = credential("subscription-admin")
client = KeyClient(os.environ["HSM_URI"], cred, verify_challenge_resource=False)

key = client.create_rsa_key("py-key", size=2048, hardware_protected=True)
check(key.key_type == "RSA-HSM" and key.name == "py-key", "create_rsa_key makes an RSA-HSM key")
ec = client.create_ec_key("py-ec", curve="P-256", hardware_protected=True)
check(ec.key.crv == "P-256", "create_ec_key P-256")
names = {k.name for k in client.list_properties_of_keys()}
check({"py-key", "py-ec"} <= names, "list_properties_of_keys lists them")
check(len(list(client.list_properties_of_key_versions("py-key"))) == 1, "one version")

crypto = CryptographyClient(key, cred, verify_challenge_resource=False)
digest = hashlib.sha256(b"python sdk").digest()
signed = crypto.sign(SignatureAlgorithm.rs256, digest)
check(crypto.verify(SignatureAlgorithm.rs256, digest, signed.signature).is_valid, "sign/verify RS256")
check(not crypto.verify(SignatureAlgorithm.rs256, hashlib.sha256(b"other").digest(), signed.signature).is_valid, "a wrong digest does not verify")
ec_crypto = CryptographyClient(ec, cred, verify_challenge_resource=False)
es = ec_crypto.sign(SignatureAlgorithm.es256, digest)
check(ec_crypto.verify(SignatureAlgorithm.es256, digest, es.signature).is_valid, "sign/verify ES256")
cek = os.urandom(32)
wrapped = crypto.wrap_key(KeyWrapAlgorithm.rsa_oaep_256, cek)
check(crypto.unwrap_key(KeyWrapAlgorithm.rsa_oaep_256, wrapped.encrypted_key).key == cek, "wrap/unwrap RSA-OAEP-256")

deleted = client.begin_delete_key("py-key").result()
check(deleted.recovery_id.endswith("/deletedkeys/py-key"), "begin_delete_key returns the recovery id")
check(any(d.name == "py-key" for d in client.list_deleted_keys()), "list_deleted_keys")
recovered = client.begin_recover_deleted_key("py-key").result()
check(recovered.name == "py-key", "begin_recover_deleted_key")
client.begin_delete_key("py-key").result()
client.purge_deleted_key("py-key")
check(all(d.name != "py-key" for d in client.list_deleted_keys()), "purge_deleted_key")
print("interop keys: all checks passed")
