"""Interop: azure-keyvault-securitydomain's SecurityDomainClient against the emulator.

Phase "download": activates HSM A (begin_download with three certificates, quorum 2), checks the
download status, fetches HSM B's transfer key, and writes the security domain and B's exchange
certificate to files. Phase "upload": uploads a restore blob (made by `mhsm security-domain
restore-blob` in between) to HSM B and checks the upload status."""
import base64
import hashlib
import json
import os

from azure.keyvault.securitydomain import SecurityDomainClient
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from common import check, credential

KEYS = os.environ["SD_KEYS_DIR"]
OUT = os.environ["SD_OUT_DIR"]


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jwk(path):
    cert = x509.load_pem_x509_certificate(open(path, "rb").read())
    der = cert.public_bytes(Encoding.DER)
    nums = cert.public_key().public_numbers()
    n = nums.n.to_bytes((nums.n.bit_length() + 7) // 8, "big")
    e = nums.e.to_bytes((nums.e.bit_length() + 7) // 8, "big")
    return {
        "kid": "not used", "kty": "RSA", "key_ops": ["verify", "encrypt", "wrapKey"], "alg": "RSA-OAEP-256",
        "n": b64url(n), "e": b64url(e), "x5c": [base64.b64encode(der).decode()],
        "x5t": b64url(hashlib.sha1(der).digest()), "x5t#S256": b64url(hashlib.sha256(der).digest()),
    }


def client(uri):
    return SecurityDomainClient(uri, credential("subscription-admin"), verify_challenge_resource=False)


if os.environ["PHASE"] == "download":
    a = client(os.environ["HSM_A"])
    certs = [jwk(os.path.join(KEYS, f"wrap{i}.cer")) for i in (1, 2, 3)]
    poller = a.begin_download({"certificates": certs, "required": 2}, polling_interval=0.2)
    sd = poller.result()
    doc = json.loads(sd.value)
    check(doc["SharedKeys"]["required"] == 2 and len(doc["SharedKeys"]["enc_shares"]) == 3, "begin_download returns a 2-of-3 security domain")
    status = a.get_download_status()
    check(str(status.status).lower().endswith("success"), f"get_download_status reports Success ({status.status})")
    open(os.path.join(OUT, "sd.json"), "w").write(sd.value)

    b = client(os.environ["HSM_B"])
    tk = b.get_transfer_key()
    raw = tk.transfer_key
    key = json.loads(raw) if isinstance(raw, str) else dict(raw)
    check(tk.key_format == "jwk", "get_transfer_key: key_format jwk")
    x5c = key["x5c"][0]
    der = base64.b64decode(x5c)
    check(len(base64.urlsafe_b64decode(key["n"] + "==")) == 512, "the transfer key is RSA-4096")
    pem = "-----BEGIN CERTIFICATE-----\n" + base64.encodebytes(der).decode() + "-----END CERTIFICATE-----\n"
    open(os.path.join(OUT, "exchange.pem"), "w").write(pem)
    print("interop security domain (download): all checks passed")
else:
    b = client(os.environ["HSM_B"])
    blob = open(os.path.join(OUT, "blob.json")).read()
    b.begin_upload({"value": blob}, polling_interval=0.2).result()
    status = b.get_upload_status()
    check(str(status.status).lower().endswith("success"), f"get_upload_status reports Success ({status.status})")
    print("interop security domain (upload): all checks passed")
