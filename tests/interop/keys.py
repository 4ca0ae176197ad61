"""Interop: azure-keyvault-keys' KeyClient and CryptographyClient against an emulated HSM —
create, list, sign, verify, wrap, unwrap, delete, recover and purge; BYOK import of a blob made
here with pyca/cryptography (an implementation of CKM_RSA_AES_KEY_WRAP independent of mhsm's);
and, with SDKs that have it (4.12 betas, api 2026-01-01-preview), secure wrap, then secure unwrap
with a token of the emulator's attestation authority."""
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

# BYOK: a KEK (RSA-HSM, import only), a P-384 key made here, the .byok blob built with
# pyca/cryptography (RSA-OAEP-SHA-1 of an AES-256 key, then RFC 5649 of the PKCS#8), imported
# through the SDK's JsonWebKey(t=…) — the whole .byok file, as az sends it.
import base64
import json

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec as pyec, padding, rsa
from cryptography.hazmat.primitives.keywrap import aes_key_wrap_with_padding
from azure.keyvault.keys import JsonWebKey, KeyOperation

kek = client.create_rsa_key("py-kek", size=2048, hardware_protected=True, key_operations=[KeyOperation.import_key])
check(kek.key.key_ops == ["import"], "a KEK has key_ops [import]")
kek_public = rsa.RSAPublicNumbers(int.from_bytes(kek.key.e, "big"), int.from_bytes(kek.key.n, "big")).public_key()
target = pyec.generate_private_key(pyec.SECP384R1())
pkcs8 = target.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
aes = os.urandom(32)
oaep = padding.OAEP(mgf=padding.MGF1(hashes.SHA1()), algorithm=hashes.SHA1(), label=None)
ciphertext = kek_public.encrypt(aes, oaep) + aes_key_wrap_with_padding(aes, pkcs8)
b64url = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode()
blob = json.dumps({"schema_version": "1.0.0", "header": {"kid": kek.id, "alg": "dir", "enc": "CKM_RSA_AES_KEY_WRAP"},
                   "ciphertext": b64url(ciphertext), "generator": "pyca/cryptography"}).encode()
byok = client.import_key("py-byok", JsonWebKey(kty="EC-HSM", crv="P-384", t=blob, key_ops=["sign", "verify"]))
public = target.public_key().public_numbers()
check(byok.key.kty == "EC-HSM" and int.from_bytes(byok.key.x, "big") == public.x, "BYOK import (EC P-384) keeps the key made here")
byok_crypto = CryptographyClient(byok, cred, verify_challenge_resource=False)
d384 = hashlib.sha384(b"byok").digest()
sig = byok_crypto.sign(SignatureAlgorithm.es384, d384).signature
from cryptography.hazmat.primitives.asymmetric.utils import Prehashed, encode_dss_signature
target.public_key().verify(encode_dss_signature(int.from_bytes(sig[:48], "big"), int.from_bytes(sig[48:], "big")),
                           d384, pyec.ECDSA(Prehashed(hashes.SHA384())))
check(True, "a signature of the BYOK key verifies with the local public key")
from azure.core.exceptions import HttpResponseError
bad = bytearray(ciphertext)
bad[-1] ^= 1
bad_blob = blob.replace(b64url(ciphertext).encode(), b64url(bytes(bad)).encode())
try:
    client.import_key("py-byok-bad", JsonWebKey(kty="EC-HSM", crv="P-384", t=bad_blob))
    check(False, "a corrupted BYOK blob is refused")
except HttpResponseError as e:
    check(e.status_code == 400 and "BadParameter" in str(e), "a corrupted BYOK blob is refused (400 BadParameter)")

if hasattr(CryptographyClient, "secure_wrap_key"):
    import requests
    from cryptography.hazmat.primitives.keywrap import aes_key_unwrap_with_padding
    from azure.keyvault.keys.crypto import KeySecureWrapAlgorithm
    from common import CLOUD

    # A KEK whose bytes are known here (imported), so the key secure wrap makes opens locally.
    kek_bytes = os.urandom(32)
    aes_key = client.import_key("py-aes", JsonWebKey(kty="oct-HSM", k=kek_bytes, key_ops=["wrapKey", "unwrapKey"]))
    aes_crypto = CryptographyClient(aes_key, cred, verify_challenge_resource=False)
    wrapped = aes_crypto.secure_wrap_key(KeySecureWrapAlgorithm.aes_256_pad)
    check(len(wrapped.encrypted_key) == 40, "secure_wrap_key returns a wrapped AES-256 key (RFC 5649: 40 bytes)")
    clear = aes_key_unwrap_with_padding(kek_bytes, wrapped.encrypted_key)

    # The TEE: its runtime key and a token from the emulator's attestation authority.
    state = os.path.dirname(os.environ["MHSM_CLOUD"])
    authority = CLOUD["arm_url"].rstrip("/") + "/attestation"
    admin = json.load(open(os.path.join(state, "admin.json")))["admin_token"]
    tee = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    tee_pem = tee.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    r = requests.post(
        authority + "/.emulator/token",
        json={"claims": {"x-ms-attestation-type": "sevsnpvm"}, "runtime_key_pem": tee_pem},
        headers={"x-emulator-admin": admin},
        verify=os.environ["REQUESTS_CA_BUNDLE"],
    )
    r.raise_for_status()
    tee_token = r.json()["token"]

    result = aes_crypto.secure_unwrap_key(KeySecureWrapAlgorithm.aes_256_pad, wrapped.encrypted_key, tee_token)
    check(result.key_id == aes_key.id and result.algorithm == KeySecureWrapAlgorithm.aes_256_pad,
          "secure_unwrap_key answers for the key and algorithm")
    # CKM_RSA_AES_KEY_WRAP to the runtime key, opened with pyca/cryptography.
    released = aes_key_unwrap_with_padding(tee.decrypt(result.key[:256], oaep), result.key[256:])
    check(released == clear, "secure_unwrap_key releases the secure-wrapped AES-256 key to the TEE's runtime key")
    tampered = bytearray(wrapped.encrypted_key)
    tampered[3] ^= 1
    for what, value, token in [("not a token", wrapped.encrypted_key, "eyJhbGciOi.x.y"),
                               ("a tampered value", bytes(tampered), tee_token)]:
        try:
            aes_crypto.secure_unwrap_key(KeySecureWrapAlgorithm.aes_256_pad, value, token)
            check(False, f"secure_unwrap_key refuses {what}")
        except HttpResponseError as e:
            check(e.status_code == 400 and "BadParameter" in str(e), f"secure_unwrap_key refuses {what} (400 BadParameter)")
print("interop keys: all checks passed")
