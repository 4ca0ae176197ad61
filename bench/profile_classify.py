#!/usr/bin/env python3
"""Where the emulator's CPU goes, by component, from `perf script -F comm,tid,ip,sym` output
(bench/profile.sh). Each sample goes to the first specific component found anywhere in its
stack (the signature, the kernel's TCP path, thread wake-ups, RBAC, token checks, JSON, key
lookup, tracing), else to the innermost frame of a generic layer (TLS, HTTP/2, axum and the
emulator's own glue, tokio). Allocation is charged to whoever allocated. Prints percentages."""
import collections
import sys

SPECIFIC = [
    ("ECDSA P-256 signature (aws-lc)", ["ECDSA_", "ecdsa_sign", "EcdsaKeyPair", "keyops::ops::sign", "ec_point_mul"]),
    ("kernel: loopback TCP send/receive", ["tcp_sendmsg", "tcp_recvmsg", "sock_write_iter", "sock_read_iter", "do_writev",
                                           "__GI___writev", "__libc_recv", "ksys_read", "tcp_v4", "net_rx_action"]),
    ("thread wake-ups and parking (tokio, futex, epoll)", ["finish_task_switch", "__schedule", "epoll_wait", "futex", "Parker::park",
                                                           "Unparker::unpark", "Waker::wake", "park_internal", "try_to_wake_up"]),
    ("local RBAC decision", ["rbac::authorize", "rbac::permitted", "rbac::grants", "rbac::principal_ids", "rbac::assignments_where", "wire::rbac"]),
    ("token check (cached signature, claims)", ["auth::authenticate", "idp::"]),
    ("audit record", ["dataplane::audit"]),
    ("JSON parse/print (serde_json)", ["serde_json", "serde_core", "axum::json", "wire::keys"]),
    ("key lookup (store cache, material cache)", ["keys::store", "store::Store", "version_of", "is_external"]),
    ("tracing (h2's spans)", ["tracing::", "tracing_core"]),
]
GENERIC = [
    ("TLS records (rustls, AES-GCM)", ["rustls::", "tokio_rustls", "aes_gcm"]),
    ("HTTP/2 framing and HPACK (h2, hyper)", ["h2::", "hyper::", "hyper_util::"]),
    ("routing, middleware, response headers (axum, tower, emulator glue)", ["axum", "tower", "mhsm::"]),
    ("tokio runtime (task polling, timers, I/O driver)", ["tokio::", "mio::"]),
]


def classify(frames):
    for name, pats in SPECIFIC:
        if any(p in f for f in frames for p in pats):
            return name
    for f in frames:
        for name, pats in GENERIC:
            if any(p in f for p in pats):
                return name
    return "other (libc, kernel entry, unknown)"


def samples(path):
    frames = []
    for line in open(path, errors="replace"):
        if line.startswith("\t"):
            parts = line.strip().split(" ", 1)
            if len(parts) == 2:
                frames.append(parts[1])
        else:
            if frames:
                yield frames
            frames = []
    if frames:
        yield frames


counts = collections.Counter(classify(s) for s in samples(sys.argv[1]))
total = sum(counts.values())
for name, c in counts.most_common():
    print(f"{100 * c / total:5.1f}%  {name}")
print(f"({total} samples)")
