#!/usr/bin/env python3
"""Starts the emulator command and measures the time from the start of the process to the first
answer of the HSM's data plane (any HTTP status: `GET /` without a token answers 401), as
bench/crash.sh measures a restart. Prints milliseconds; the emulator keeps running (its pid goes
to PIDFILE, its output to LOG).

Usage: first_answer.py HSM_URI CA_PEM PIDFILE LOG -- EMULATOR_COMMAND...
"""
import http.client, ssl, subprocess, sys, time, urllib.parse

uri, ca, pidfile, log = sys.argv[1:5]
cmd = sys.argv[sys.argv.index("--") + 1:]
ctx = ssl.create_default_context(cafile=ca)
host = urllib.parse.urlparse(uri)
t0 = time.monotonic()
p = subprocess.Popen(cmd, stdout=open(log, "ab"), stderr=subprocess.STDOUT, start_new_session=True)
open(pidfile, "w").write(str(p.pid))
while time.monotonic() - t0 < 30:
    try:
        c = http.client.HTTPSConnection(host.hostname, host.port, context=ctx, timeout=2)
        c.request("GET", "/")
        c.getresponse().read()
        print(f"{(time.monotonic() - t0) * 1000:.1f}")
        sys.exit(0)
    except (OSError, http.client.HTTPException):
        if p.poll() is not None:
            sys.exit(f"the emulator exited ({p.returncode}) before answering")
        time.sleep(0.002)
sys.exit("the emulator did not answer within 30 s")
