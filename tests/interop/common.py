"""Shared helpers of the interop scripts: the emulator's cloud profile and principals, and
credentials of the official azure-identity library pointed at the emulator's authority."""
import json
import os

from azure.identity import ClientSecretCredential, UsernamePasswordCredential

CLOUD = json.load(open(os.environ["MHSM_CLOUD"]))
PRINCIPALS = json.load(open(os.path.join(os.path.dirname(os.environ["MHSM_CLOUD"]), "principals.json")))


def principal(name):
    return next(p for p in PRINCIPALS["principals"] if p["name"] == name)


def credential(name):
    """An azure-identity credential signing in as a principal of the emulator's directory."""
    p = principal(name)
    c = p["credential"]
    common = dict(authority=CLOUD["authority"], disable_instance_discovery=True)
    if "client_secret" in c:
        return ClientSecretCredential(PRINCIPALS["tenant_id"], p["client_id"], c["client_secret"]["client_secret"], **common)
    if "password" in c:
        return UsernamePasswordCredential(
            "04b07795-8ddb-461a-bbee-02f9e1bf7b46",
            c["password"]["username"],
            c["password"]["password"],
            tenant_id=PRINCIPALS["tenant_id"],
            **common,
        )
    raise ValueError(f"{name} cannot sign in with a secret or password")


def check(cond, what):
    if not cond:
        raise AssertionError(what)
    print(f"ok: {what}")
