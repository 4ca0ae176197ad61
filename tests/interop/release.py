"""Interop: azure-keyvault-keys' secure key release against an emulated HSM — create_rsa_key with
exportable=True and a release policy, release_key with a token of the emulator's attestation
authority (unwrapped here with `cryptography`, an implementation independent of mhsm's), the
service's refusals, and get_key_attestation."""
import base64
import hashlib
import json
import os

import requests
from azure.core.exceptions import HttpResponseError
from azure.keyvault.keys import KeyClient, KeyReleasePolicy
from azure.keyvault.keys.crypto import CryptographyClient, SignatureAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import Prehashed
from cryptography.hazmat.primitives.keywrap import aes_key_unwrap_with_padding

from common import CLOUD, check, credential

STATE = os.path.dirname(os.environ["MHSM_CLOUD"])
CONTROL = CLOUD["arm_url"].rstrip("/")
AUTHORITY = CONTROL + "/attestation"
ADMIN = json.load(open(os.path.join(STATE, "admin.json")))["admin_token"]

cred = credential("subscription-admin")
client = KeyClient(os.environ["HSM_URI"], cred, verify_challenge_resource=False)


def b64d(s):
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


# The confidential VM's runtime key, and a token the emulator's authority issues for it.
tee = rsa.generate_private_key(public_exponent=65537, key_size=2048)
tee_pem = tee.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def token(claims):
    r = requests.post(
        AUTHORITY + "/.emulator/token",
        json={"claims": claims, "runtime_key_pem": tee_pem},
        headers={"x-emulator-admin": ADMIN},
        verify=os.environ["REQUESTS_CA_BUNDLE"],
    )
    r.raise_for_status()
    return r.json()["token"]


meta = requests.get(AUTHORITY + "/.well-known/openid-configuration", verify=os.environ["REQUESTS_CA_BUNDLE"]).json()
check(meta["issuer"] == AUTHORITY and meta["jwks_uri"] == AUTHORITY + "/certs", "the authority's OIDC metadata")

policy = {"version": "1.0.0", "anyOf": [{"authority": AUTHORITY, "allOf": [
    {"claim": "x-ms-attestation-type", "equals": "sevsnpvm"},
    {"claim": "x-ms-compliance-status", "equals": "azure-compliant-cvm"},
]}]}
try:
    client.create_rsa_key("py-no-policy", hardware_protected=True, exportable=True)
    raise AssertionError("an exportable key without a policy was created")
except HttpResponseError as e:
    check("AKV.SKR.1004" in str(e), "exportable without a release policy: AKV.SKR.1004")

key = client.create_rsa_key(
    "py-skr", size=2048, hardware_protected=True, exportable=True,
    release_policy=KeyReleasePolicy(json.dumps(policy).encode(), immutable=True),
)
check(key.properties.exportable is True, "create_rsa_key(exportable=True)")
check(json.loads(key.properties.release_policy.encoded_policy) == policy and key.properties.release_policy.immutable,
      "the release policy comes back, immutable")

good = token({"x-ms-attestation-type": "sevsnpvm", "x-ms-compliance-status": "azure-compliant-cvm"})
result = client.release_key("py-skr", good)
header, payload, _ = result.value.split(".")
header = json.loads(b64d(header))
payload = json.loads(b64d(payload))
check(header["alg"] == "RS256" and len(header["x5c"]) == 2, "release_key returns the HSM's JWS with an x5c chain")
check(payload["request"]["enc"] == "CKM_RSA_AES_KEY_WRAP", "the default enc is CKM_RSA_AES_KEY_WRAP")
key_hsm = json.loads(b64d(payload["response"]["key"]["key"]["key_hsm"]))
ct = b64d(key_hsm["ciphertext"])
kek = tee.decrypt(ct[:256], padding.OAEP(mgf=padding.MGF1(hashes.SHA1()), algorithm=hashes.SHA1(), label=None))
released = serialization.load_der_private_key(aes_key_unwrap_with_padding(kek, ct[256:]), password=None)
digest = hashlib.sha256(b"released to a CVM").digest()
sig = released.sign(digest, padding.PKCS1v15(), Prehashed(hashes.SHA256()))
crypto = CryptographyClient(key, cred, verify_challenge_resource=False)
check(crypto.verify(SignatureAlgorithm.rs256, digest, sig).is_valid, "the released key (unwrapped with cryptography) signs what the HSM verifies")

r256 = client.release_key("py-skr", good, algorithm="RSA_AES_KEY_WRAP_256", nonce="py-nonce")
p256 = json.loads(b64d(r256.value.split(".")[1]))
ct = b64d(json.loads(b64d(p256["response"]["key"]["key"]["key_hsm"]))["ciphertext"])
kek = tee.decrypt(ct[:256], padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None))
again = serialization.load_der_private_key(aes_key_unwrap_with_padding(kek, ct[256:]), password=None)
check(again.private_numbers() == released.private_numbers() and p256["request"]["nonce"] == "py-nonce",
      "release_key(algorithm=RSA_AES_KEY_WRAP_256, nonce=...) unwraps with OAEP-SHA-256 to the same key")

try:
    client.release_key("py-skr", token({"x-ms-attestation-type": "sgx", "x-ms-compliance-status": "azure-compliant-cvm"}))
    raise AssertionError("a wrong claim released the key")
except HttpResponseError as e:
    check(e.status_code == 403 and "x-ms-attestation-type" in str(e), "a wrong claim is refused (403)")

attested = client.get_key_attestation("py-skr")
att = attested.properties.attestation
check(att is not None and att.version == "1.0" and b"BEGIN CERTIFICATE" in att.certificate_pem_file, "get_key_attestation")
statement = json.loads(b64d(att.public_key_attestation.decode().split(".")[1]))
check(statement["emulated"] is True and statement["kid"] == attested.id, "the attestation says plainly it is emulated")

print("interop release: all checks passed")
