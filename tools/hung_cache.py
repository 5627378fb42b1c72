"""A hung or missing cache costs milliseconds (not a test; run by hand): issue 19, point 2.

Starts the production-like server (tools/bench.py's gunicorn, settings and throwaway
PostgreSQL database) once per case, all at once, and measures the theme page with wrk on
each in turn, round after round (the median round is reported):

- Redis answering (for comparison: the page is served from the page cache),
- the page cache off, Redis answering (bench's "uncached": the page made anew from the
  parts, routes and counts Redis keeps),
- no cache at all (Django's dummy cache: every page and part made anew),
- Redis replaced by a stand-in that accepts connections and never answers,
- Redis' port closed (nothing listens).

Reports requests/s, p50, p95 and p99, errors and the server's log lines per case, and checks
the targets: hung p95 under 200 ms above no cache with no errors; closed port at least half
the uncached throughput (bench's "uncached": the page cache off, Redis answering).

    .venv/bin/python -m tools.hung_cache [--duration 8] [--rounds 3] [--connections 16]
"""

from __future__ import annotations

import argparse
import re
import socket
import statistics
import subprocess
import tempfile
import threading
import urllib.request
from pathlib import Path

from tools.bench import (
    THEME,
    environment,
    manage,
    recreate_database,
    start,
    stop,
    wrk_errors,
)

LUA = """
done = function(summary, latency, requests)
  for _, p in pairs({50, 95, 99}) do
    io.write(string.format("p%d %d\\n", p, latency:percentile(p)))
  end
end
"""


def hung_stand_in() -> int:
    """A listening socket on loopback that accepts and never answers: its port."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(256)
    held = []

    def accept():
        while True:
            connection, _ = server.accept()
            held.append(connection)

    threading.Thread(target=accept, daemon=True).start()
    return server.getsockname()[1]


def closed_port() -> int:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


def measure(url: str, duration: int, connections: int, script: str) -> dict[str, float]:
    urllib.request.urlopen(url, timeout=30).read()
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "-s", script, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    result = {"rps": rps, "errors": wrk_errors(out)}
    for percentile in (50, 95, 99):
        micros = int(re.search(rf"^p{percentile} (\d+)$", out, re.M).group(1))
        result[f"p{percentile}"] = micros / 1000
    return result


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/portal_cache")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/12")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--duration", type=int, default=8)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)

    print(f"Preparing {args.database_url} …", flush=True)
    recreate_database(args.database_url)
    base = environment(args.database_url, page_cache=True)
    base["REDIS_URL"] = args.redis_url  # for migrate and seed; each case sets its own
    manage(base, "migrate", "--noinput")
    manage(base, "seed")
    manage(base, "collectstatic", "--noinput")

    cases = [
        ("Redis answers", {"REDIS_URL": args.redis_url}),
        ("page cache off", {"REDIS_URL": args.redis_url, "PAGE_CACHE": "off"}),
        ("no cache", {"DJANGO_SETTINGS_MODULE": "tools.nocache_settings"}),
        ("hung Redis", {"REDIS_URL": f"redis://127.0.0.1:{hung_stand_in()}/0"}),
        ("closed port", {"REDIS_URL": f"redis://127.0.0.1:{closed_port()}/0"}),
    ]
    results, logged = {}, {}
    with tempfile.TemporaryDirectory() as scratch:
        script = Path(scratch, "percentiles.lua")
        script.write_text(LUA)
        servers, logs = {}, {}
        try:
            # All servers at once, measured in turn, round after round: a slower or faster
            # spell of the (shared) machine weighs on every case alike. The median round counts.
            for number, (label, changes) in enumerate(cases):
                logs[label] = Path(scratch, f"{number}.log")
                with logs[label].open("w") as log:
                    servers[label] = start(
                        "gunicorn", 8711 + number, {**base, **changes}, args.workers, log=log
                    )
            urls = {
                label: f"http://127.0.0.1:{8711 + n}{THEME}" for n, (label, _) in enumerate(cases)
            }
            if args.warmup:
                for url in urls.values():
                    measure(url, args.warmup, args.connections, str(script))
            rounds = {label: [] for label in urls}
            for _ in range(args.rounds):
                for label, url in urls.items():
                    rounds[label].append(measure(url, args.duration, args.connections, str(script)))
        finally:
            for server in servers.values():
                stop(server)
        for label, measured in rounds.items():
            results[label] = sorted(measured, key=lambda result: result["p95"])[len(measured) // 2]
            results[label]["errors"] = sum(result["errors"] for result in measured)
            results[label]["rps"] = statistics.median(result["rps"] for result in measured)
            logged[label] = logs[label].read_text().splitlines()

    print(
        f"\ngunicorn, {args.workers} workers, wrk -t2 -c{args.connections} -d{args.duration}s, "
        f"theme page {THEME}; median of {args.rounds} rounds (errors: all rounds)"
    )
    print(
        f"{'case':15} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7} {'log lines':>9}"
    )
    for label, result in results.items():
        print(
            f"{label:15} {result['rps']:8.0f} {result['p50']:8.1f} {result['p95']:8.1f} "
            f"{result['p99']:8.1f} {result['errors']:7d} {len(logged[label]):9d}"
        )

    none, hung, closed = results["no cache"], results["hung Redis"], results["closed port"]
    parts = results["page cache off"]
    checks = [
        (
            f"hung: p95 {hung['p95'] - none['p95']:+.0f} ms vs no cache (target < +200), "
            f"{hung['errors']} errors (target 0)",
            hung["p95"] - none["p95"] < 200 and hung["errors"] == 0,
        ),
        (
            f"closed port: {closed['rps'] / parts['rps']:.0%} of the uncached (page cache off) "
            "throughput (target ≥ 50%)",
            closed["rps"] >= parts["rps"] / 2,
        ),
    ]
    print(
        f"\n(closed port: {closed['rps'] / none['rps']:.0%} of the throughput with no cache at all)"
    )
    for label, lines in logged.items():
        if lines:
            print(f"\nThe log of {label}:")
            print("\n".join(f"  {line[:160]}" for line in lines[:6]))
    print()
    for text, ok in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {text}")
    if not all(ok for _, ok in checks):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
