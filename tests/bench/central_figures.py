#!/usr/bin/env python3
# central_figures.py: what an attacker without credentials gets from a running central server, for
# tests/bench/central-hardening-bench.sh (which starts the server and passes its process and ports).
# Python 3 from Debian's python3 package, standard library only. Loopback only; every connection is bounded
# in time. Prints one JSON object.
#
#   --what memory    32 clients each send a 64 MiB chunked POST /v1/requests (a third anonymous on the public
#                    port, a third without a certificate on the kiosk port, a third with the kiosk's
#                    certificate); the server's peak RSS before and after, the answers, then one /v1/health.
#   --what slow      200 slow connections held (a third plain TCP, a third idle TLS, a third a request head
#                    sent a byte at a time) from 20 addresses, each opened again when the server closes it;
#                    /v1/health probed every 0.5 s meanwhile.
#   --what lookups   one attacker with 256 source addresses (127.0.x.7, each in its own /24) looks up
#                    well-formed codes (--guesses, one a line) as fast as it can for --seconds, one
#                    connection a lookup; counts the lookups answered (200 or 404) and refused (429).
import argparse
import functools
import json
import socket
import ssl
import statistics
import threading
import time

ap = argparse.ArgumentParser()
ap.add_argument("--pid", type=int, required=True)
ap.add_argument("--public-port", type=int, required=True)  # where anonymous clients go
ap.add_argument("--kiosk-port", type=int, required=True)  # where certificate holders go
ap.add_argument("--pki", required=True)
ap.add_argument("--what", choices=["memory", "slow", "lookups"], required=True)
ap.add_argument("--seconds", type=float, default=60)
ap.add_argument("--guesses")
a = ap.parse_args()


def status_kib(field):
    with open(f"/proc/{a.pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


@functools.lru_cache(maxsize=None)
def context(cert=None):
    c = ssl.create_default_context(cafile=f"{a.pki}/ca.crt")
    if cert:
        c.load_cert_chain(f"{a.pki}/{cert}.crt", f"{a.pki}/{cert}.key")
    return c


def connect(port, source="127.0.0.1", cert=None, tls=True, timeout=10):
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout, source_address=(source, 0))
    if not tls:
        return s
    return context(cert).wrap_socket(s, server_hostname="127.0.0.1")


def health(timeout=5):
    t0 = time.monotonic()
    try:
        s = connect(a.public_port, timeout=timeout)
        s.sendall(b"GET /v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        ok = s.recv(100).startswith(b"HTTP/1.1 200")
        s.close()
    except Exception:
        ok = False
    return ok, (time.monotonic() - t0) * 1000


def memory():
    answers = []
    lock = threading.Lock()

    def client(i):
        cert = "kiosk" if i % 3 == 2 else None
        port = a.kiosk_port if i % 3 != 0 else a.public_port
        status = "closed"
        try:
            s = connect(port, f"127.0.1.{1 + i % 8}", cert, timeout=60)
        except Exception:
            s = None
            status = "no-handshake"
        if s:
            try:
                s.sendall(b"POST /v1/requests HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                          b"Transfer-Encoding: chunked\r\n\r\n")
                chunk = b"10000\r\n" + b"a" * 0x10000 + b"\r\n"
                for _ in range(1024):
                    s.sendall(chunk)
                s.sendall(b"0\r\n\r\n")
            except Exception:
                pass  # the server stopped reading: its answer may still be there
            try:
                status = s.recv(20).decode(errors="replace")[9:12] or "closed"
            except Exception:
                status = "closed"
        with lock:
            answers.append(status)

    before = status_kib("VmHWM")
    t0 = time.monotonic()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(32)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ok, ms = health()
    counts = {k: answers.count(k) for k in sorted(set(answers))}
    return {"peak_rss_before_kib": before, "peak_rss_after_kib": status_kib("VmHWM"),
            "seconds": round(time.monotonic() - t0, 1), "answers": counts, "health_after": ok,
            "health_after_ms": round(ms)}


def slow():
    # An attacker keeps them held: one the server closed is opened again before the next probe.
    def open_slow(i):
        source = f"127.0.2.{1 + i % 20}"
        try:
            if i % 3 == 0:
                return connect(a.public_port, source, tls=False, timeout=5)
            s = connect(a.public_port, source, timeout=5)
            if i % 3 == 2:
                s.sendall(b"GET /v1/health HTTP/1.1\r\nHost: x\r\n")
            return s
        except Exception:
            return None

    def still_open(s):
        try:
            s.setblocking(False)
            return bool(s.recv(1))
        except (BlockingIOError, ssl.SSLWantReadError):
            return True
        except Exception:
            return False
        finally:
            try:
                s.setblocking(True)
            except Exception:
                pass

    held = [open_slow(i) for i in range(200)]
    first_held = sum(s is not None for s in held)
    end = time.monotonic() + a.seconds
    reopened = 0

    def keep():  # on its own thread, so a server slow to accept does not slow the probes
        nonlocal reopened
        while time.monotonic() < end:
            for i, s in enumerate(held):
                if time.monotonic() >= end:
                    break
                if s is not None and i % 3 == 2:
                    try:
                        s.sendall(b"X")
                    except Exception:
                        pass
                if s is None or not still_open(s):
                    if s is not None:
                        s.close()
                    held[i] = open_slow(i)
                    reopened += 1
            time.sleep(0.5)

    keeper = threading.Thread(target=keep)
    keeper.start()
    latencies, failures = [], 0
    while time.monotonic() < end:
        ok, ms = health()
        latencies.append(ms)
        failures += not ok
        time.sleep(0.5)
    keeper.join()
    for s in held:
        if s is not None:
            s.close()
    return {"held": first_held, "reopened": reopened, "probes": len(latencies),
            "median_ms": round(statistics.median(latencies)), "max_ms": round(max(latencies)), "failed": failures}


def lookups():
    with open(a.guesses) as f:
        codes = [line.strip() for line in f if line.strip()]
    sources = [f"127.0.{x}.7" for x in range(256)]
    counts = {"answered": 0, "hits": 0, "refused": 0, "other": 0}
    lock = threading.Lock()
    end = time.monotonic() + a.seconds
    next_code = iter(range(len(codes) * 1000))

    # One connection a lookup (Connection: close): a server that holds a thread per keep-alive connection
    # cannot make the attacker wait on its own idle connections.
    def attacker(mine):
        while time.monotonic() < end:
            for source in mine:
                if time.monotonic() >= end:
                    break
                with lock:
                    code = codes[next(next_code) % len(codes)]
                try:
                    s = connect(a.public_port, source, timeout=5)
                    s.sendall(f"GET /v1/requests/{code} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                              .encode())
                    status = int(s.recv(64).split()[1])
                    s.close()
                except Exception:
                    status = 0
                key = "answered" if status in (200, 404) else "refused" if status == 429 else "other"
                with lock:
                    counts[key] += 1
                    counts["hits"] += status == 200

    t0 = time.monotonic()
    threads = [threading.Thread(target=attacker, args=(sources[i::32],)) for i in range(32)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - t0
    counts["seconds"] = round(elapsed, 1)
    counts["answered_per_minute"] = round(counts["answered"] * 60 / elapsed)
    return counts


print(json.dumps({"memory": memory, "slow": slow, "lookups": lookups}[a.what]()))
