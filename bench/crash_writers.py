#!/usr/bin/env python3
"""Driver of bench/crash.sh: ROUNDS times, WRITERS concurrent writers (key create, role
assignment create, settings update) against one HSM; the emulator is killed with SIGKILL at a
random moment, restarted on the same state directory and ports, and every write it acknowledged
(2xx) is read back. Prints the figures; exits 1 if an acknowledged write is missing.

Writer 1 also starts a full backup every 20th request (to the container of $BACKUP_SAS, when
set): an acknowledged (202) job must still be known after the restart (its status answers 200).

Usage: crash_writers.py STATE_DIR HSM_URI ROUNDS WRITERS -- EMULATOR_COMMAND...
Environment: AZURE_USERNAME, AZURE_PASSWORD, AZURE_TENANT_ID (a user holding Administrator at /
and Crypto User at /keys); writes the emulator's pid to STATE_DIR/emulator.pid.
"""
import http.client, json, os, random, signal, ssl, subprocess, sys, threading, time, urllib.parse, uuid

state, uri, rounds, writers = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
cmd = sys.argv[sys.argv.index("--") + 1:]
ctx = ssl.create_default_context(cafile=os.path.join(state, "ca.pem"))
host = urllib.parse.urlparse(uri)
CRYPTO_USER = "Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/21dbd100-6940-42c2-9190-5d6cb909625b"
SETTING = "settings/AllowKeyManagementOperationsThroughARM?api-version=7.4"


def conn(timeout=10):
    return http.client.HTTPSConnection(host.hostname, host.port, context=ctx, timeout=timeout)


def token():
    cloud = json.load(open(os.path.join(state, "cloud.json")))
    a = urllib.parse.urlparse(cloud["authority"])
    c = http.client.HTTPSConnection(a.hostname, a.port, context=ctx, timeout=10)
    body = urllib.parse.urlencode({"grant_type": "password", "username": os.environ["AZURE_USERNAME"],
                                   "password": os.environ["AZURE_PASSWORD"],
                                   "scope": "https://managedhsm.azure.net/.default"})
    c.request("POST", f"{a.path}/{os.environ['AZURE_TENANT_ID']}/oauth2/v2.0/token", body,
              {"content-type": "application/x-www-form-urlencoded"})
    r = c.getresponse()
    return json.loads(r.read())["access_token"]


def call(c, tok, method, path, body=None):
    h = {"authorization": f"Bearer {tok}"}
    if body is not None:
        body = json.dumps(body)
        h["content-type"] = "application/json"
    c.request(method, "/" + path, body, h)
    r = c.getresponse()
    return r.status, r.read()


acked = []          # (kind, path, expected) of every acknowledged write
lock = threading.Lock()
setting = {"acked": None, "inflight": None}
stop = threading.Event()


def writer(i, rnd, tok):
    c = conn()
    n = 0
    try:
        while not stop.is_set():
            n += 1
            op = n % 3 if i == 0 else n % 2
            if i == 1 and n % 20 == 0 and os.environ.get("BACKUP_SAS"):
                s, b = call(c, tok, "POST", "backup?api-version=7.6",
                            {"storageResourceUri": os.environ["BACKUP_URI"], "token": os.environ["BACKUP_SAS"]})
                if s == 202:
                    with lock:
                        acked.append(("backup", f"backup/{json.loads(b)['jobId']}/pending?api-version=7.6", None))
                elif s != 409:  # 409: one full backup at a time
                    print(f"writer {i}: backup {s} {b[:200]!r}", file=sys.stderr)
                continue
            if op == 2:  # settings, writer 0 only: one writer, so "the last acknowledged value" is defined
                v = random.choice(["true", "false"])
                setting["inflight"] = v
                s, b = call(c, tok, "PATCH", SETTING, {"value": v})
                if 200 <= s < 300:
                    with lock:
                        setting["acked"], setting["inflight"] = v, None
                        acked.append(("setting", SETTING, v))
                else:
                    setting["inflight"] = None
            elif op == 0:
                name = f"k-{rnd}-{i}-{n}"
                s, b = call(c, tok, "POST", f"keys/{name}/create?api-version=7.6", {"kty": "EC-HSM", "crv": "P-256"})
                if 200 <= s < 300:
                    with lock:
                        acked.append(("key", f"keys/{name}?api-version=7.6", json.loads(b)["key"]["kid"]))
            else:
                path = (f"keys/ra-{rnd}-{i}-{n}/providers/Microsoft.Authorization/roleAssignments/"
                        f"{uuid.uuid4()}?api-version=7.6")
                s, b = call(c, tok, "PUT", path, {"properties": {"roleDefinitionId": CRYPTO_USER,
                                                                  "principalId": str(uuid.uuid4())}})
                if 200 <= s < 300:
                    with lock:
                        acked.append(("assignment", path, json.loads(b)["properties"]["principalId"]))
            if not (200 <= s < 300):
                print(f"writer {i}: {s} {b[:200]!r}", file=sys.stderr)
    except (OSError, http.client.HTTPException):
        pass  # the emulator died under us: the request in flight was not acknowledged


def start():
    p = subprocess.Popen(cmd, stdout=open(os.path.join(state, "emulator.log"), "ab"), stderr=subprocess.STDOUT)
    open(os.path.join(state, "emulator.pid"), "w").write(str(p.pid))
    return p


def wait_ready(t0):
    while time.monotonic() - t0 < 30:
        try:
            c = conn(2)
            c.request("GET", "/")
            c.getresponse().read()
            return time.monotonic() - t0
        except (OSError, http.client.HTTPException):
            time.sleep(0.005)
    sys.exit("the emulator did not come back within 30 s")


def verify(items, tok):
    c, missing = conn(), 0
    for kind, path, want in items:
        if kind == "setting":
            continue
        s, b = call(c, tok, "GET", path)
        got = None
        if kind == "backup":
            want, got = 200, s
        elif s == 200:
            j = json.loads(b)
            got = j["key"]["kid"] if kind == "key" else j["properties"]["principalId"]
        if got != want:
            missing += 1
            print(f"MISSING {kind} {path}: {s} {b[:200]!r}", file=sys.stderr)
    s, b = call(c, tok, "GET", SETTING)
    now = json.loads(b)["value"] if s == 200 else None
    if setting["acked"] is not None and now not in (setting["acked"], setting["inflight"]):
        missing += 1
        print(f"MISSING setting: {now} but {setting['acked']} was acknowledged", file=sys.stderr)
    return missing


emu = None
with open(os.path.join(state, "emulator.pid")) as f:
    emu_pid = int(f.read())
restarts, missing, per_round = [], 0, []
for rnd in range(1, rounds + 1):
    tok = token()
    stop.clear()
    before = len(acked)
    ts = [threading.Thread(target=writer, args=(i, rnd, tok)) for i in range(writers)]
    for t in ts:
        t.start()
    ran = random.uniform(0.5, 1.5)
    time.sleep(ran)
    os.kill(emu_pid, signal.SIGKILL)
    if emu is not None:
        emu.wait()
    stop.set()
    for t in ts:
        t.join()
    t0 = time.monotonic()
    emu = start()
    emu_pid = emu.pid
    restarts.append(wait_ready(t0))
    tok = token()
    m = verify(acked[before:], tok)
    missing += m
    per_round.append(len(acked) - before)
    print(f"round {rnd}: {len(acked) - before} writes acknowledged in {ran:.2f} s ({(len(acked) - before) / ran:.0f}/s), "
          f"{m} missing, restart {restarts[-1] * 1000:.0f} ms", flush=True)
final = verify(acked, token())
kinds = {k: sum(1 for a in acked if a[0] == k) for k in ("key", "assignment", "setting", "backup")}
restarts.sort()
print(f"rounds: {rounds}, writers: {writers}")
print(f"acknowledged writes: {len(acked)} (keys {kinds['key']}, role assignments {kinds['assignment']}, settings {kinds['setting']}, backup starts {kinds['backup']})")
print(f"missing after restart: {missing}; missing at the end (all rounds re-read): {final}")
print(f"restart to first data-plane answer: median {restarts[len(restarts) // 2] * 1000:.0f} ms, max {restarts[-1] * 1000:.0f} ms")
emu.send_signal(signal.SIGTERM)
emu.wait()
sys.exit(1 if missing or final else 0)
