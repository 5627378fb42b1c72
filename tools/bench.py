"""HTTP benchmark of the production-like server (not a test): `make bench`.

Creates a throwaway PostgreSQL database, migrates and seeds it, collects static files,
starts the server twice with the production settings (page cache on, and off for the
uncached figures) and measures with wrk, in one run:

- a static file of about a page's size (whitenoise),
- the theme page, cached and uncached,
- the catalogue (filtered, with text, with a word in most of it) and a search, uncached,
  at the seed's size and again on a second database with --size publications (10,000;
  tools.catalogue_data generates them), with the targets each must reach;
- through nginx in front of the cached server (deploy/nginx/portal.conf, as `make serve`):
  the static file (from disk) and the theme page (from nginx's cache),

reporting requests/s, p50 and p99 latency, errors, each figure's ratio to the static
file, and the resident memory of every app process after each of two consecutive runs
(or `--runs N`).

    .venv/bin/python -m tools.bench [--server gunicorn|granian] [--duration 10] [--runs 2]
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import psycopg

from tools import nginx_conf, serve

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
THEME = "/sv/vald/teman/manniskohandel-med-barn/"
CATALOGUE = "/sv/publikationer/?topic=manniskohandel&sort=newest"
CATALOGUE_TEXT = "/sv/publikationer/?q=m%C3%A4nniskohandel+barn"
# A word in most of the generated catalogue (71 %): the worst case for counting and facets.
CATALOGUE_BROAD = "/sv/publikationer/?q=socialtj%C3%A4nsten"
SEARCH = "/sv/sok/?q=m%C3%A4nniskohandeln"
# The least share of the static file's throughput each may reach (issue: speed where
# visitors wait), page cache off, at the seed's size and at --size publications.
TARGETS = {
    "catalogue, filtered": 0.10,
    "catalogue, text": 0.08,
    "catalogue, broad text": 0.08,
    "search": 0.15,
}


def environment(database_url: str, page_cache: bool) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=env.get("SECRET_KEY") or secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        REDIS_URL=env.get("REDIS_URL", "redis://127.0.0.1:6379/14"),
        SECURE_SSL_REDIRECT="false",
        PAGE_CACHE="on" if page_cache else "off",
        # nginx keeps the theme page through the whole run (no publish happens).
        EDGE_CACHE_SECONDS="3600",
    )
    return env


def recreate_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def sized_databases(url: str, sizes: list[int]) -> dict[int, str]:
    """Empty databases named after `url`'s, one per catalogue size: size → name.

    The benchmarks of the catalogue and of search prepare one database per size, then
    measure them in alternation, round after round: a slower or faster spell of the
    machine then weighs on every size alike, instead of on whichever ran during it.
    """
    base = url.rsplit("/", 1)[0]
    names = {}
    for size in sizes:
        name = f"{url.rsplit('/', 1)[1]}_{size}"
        recreate_database(f"{base}/{name}")
        names[size] = name
    return names


def use_database(name: str) -> None:
    """Point Django's default connection at another database (Django already set up);
    the cache is emptied, so that nothing of the other database's pages is served."""
    from django.core.cache import cache
    from django.db import connections

    connection = connections["default"]
    connection.close()
    connection.settings_dict["NAME"] = name
    cache.clear()


def manage(env, *args) -> None:
    subprocess.run(
        [PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, stdout=subprocess.DEVNULL
    )


def start(server: str, port: int, env: dict, workers: int, log=None) -> subprocess.Popen:
    """Start the server; its output goes to `log` (an open file) when given."""
    if server == "granian":
        command = [
            str(Path(PYTHON).parent / "granian"),
            "--interface",
            "wsgi",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--no-ws",
            "portal.wsgi:application",
        ]
    else:
        command = [
            str(Path(PYTHON).parent / "gunicorn"),
            "portal.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--worker-class",
            "sync",
            "--max-requests",
            "0",
            "--log-level",
            "warning",
        ]
    process = subprocess.Popen(
        command, cwd=BASE_DIR, env=env, start_new_session=True, stdout=log, stderr=log
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz/ready/", timeout=2):
                return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit(f"{server} did not start on port {port}")


def stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=20)


def worker_rss_mb(process: subprocess.Popen) -> list[float]:
    """Resident memory of the server's processes (master and workers), in MB."""
    pids = [process.pid]
    children = subprocess.run(["pgrep", "-g", str(process.pid)], capture_output=True, text=True)
    pids = sorted({*pids, *(int(p) for p in children.stdout.split())})
    sizes = []
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        match = re.search(r"VmRSS:\s+(\d+) kB", status)
        if match:
            sizes.append(int(match.group(1)) / 1024)
    return sizes


def _ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk_errors(out: str) -> int:
    """Failed requests in wrk's report: non-2xx/3xx answers and socket errors."""
    errors = 0
    for pattern in (
        r"Non-2xx or 3xx responses: (\d+)",
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
    ):
        match = re.search(pattern, out)
        if match:
            errors += sum(int(g) for g in match.groups())
    return errors


def wrk(url: str, duration: int, connections: int) -> dict[str, float]:
    urllib.request.urlopen(url, timeout=10).read()  # warm: the first view fills the cache
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        # The latency distribution's own lines ("     50%    6.15ms"), not a "+/- Stdev"
        # column that happens to end in 50%.
        "p50": _ms(re.search(r"^\s+50%\s+(\S+)\s*$", out, re.M).group(1)),
        "p99": _ms(re.search(r"^\s+99%\s+(\S+)\s*$", out, re.M).group(1)),
        "errors": wrk_errors(out),
    }


def start_nginx(port: int, app_port: int, purge_port: int, prefix: Path) -> subprocess.Popen:
    """nginx with the portal's configuration in front of the server on `app_port`."""
    conf = nginx_conf.prepare(
        prefix,
        listen=f"127.0.0.1:{port}",
        app=f"127.0.0.1:{app_port}",
        purge=f"127.0.0.1:{purge_port}",
        static_root=BASE_DIR / "staticfiles",
        media_root=BASE_DIR / "media",
    )
    process = subprocess.Popen(nginx_conf.command(prefix, conf), start_new_session=True)
    serve.wait_for(f"http://127.0.0.1:{port}/healthz/live/", process)
    return process


def static_url(port: int) -> str:
    html = urllib.request.urlopen(f"http://127.0.0.1:{port}{THEME}", timeout=10).read().decode()
    return f"http://127.0.0.1:{port}" + re.search(
        r'href="(/static/css/portal\.[^"]+\.css)"', html
    ).group(1)


def visitor_targets(port: int, suffix: str) -> list[tuple[str, str]]:
    """What visitors wait for, uncached, on the server at `port`."""
    return [
        (f"catalogue, filtered{suffix}", f"http://127.0.0.1:{port}{CATALOGUE}"),
        (f"catalogue, text{suffix}", f"http://127.0.0.1:{port}{CATALOGUE_TEXT}"),
        (f"catalogue, broad text{suffix}", f"http://127.0.0.1:{port}{CATALOGUE_BROAD}"),
        (f"search{suffix}", f"http://127.0.0.1:{port}{SEARCH}"),
    ]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/portal_bench")
    parser.add_argument("--server", choices=["gunicorn", "granian"], default="gunicorn")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--warmup", type=int, default=5, help="seconds per target before run 1")
    parser.add_argument(
        "--size", type=int, default=10_000, help="publications in the large catalogue; 0: none"
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=2,
        help="consecutive runs; more than two tell whether memory grows or levels off",
    )
    args = parser.parse_args(argv)

    print(f"Preparing {args.database_url} …", flush=True)
    recreate_database(args.database_url)
    env_cached = environment(args.database_url, page_cache=True)
    env_uncached = environment(args.database_url, page_cache=False)
    manage(env_cached, "migrate", "--noinput")
    manage(env_cached, "seed")
    manage(env_cached, "collectstatic", "--noinput")

    if args.size:
        large_url = f"{args.database_url}_{args.size}"
        print(f"Preparing {large_url} ({args.size} publications) …", flush=True)
        subprocess.run(
            [PYTHON, "-m", "tools.catalogue_data", large_url, str(args.size)],
            cwd=BASE_DIR,
            env=env_uncached,
            check=True,
        )
    servers = {}
    prefix = Path(tempfile.mkdtemp(prefix="portal-bench-nginx-"))
    proxy = None
    try:
        if args.size:
            # A Redis database of its own: the catalogue's counts and options are kept per
            # generation, not per site, and must not come from the seed's database.
            env_large = environment(large_url, page_cache=False)
            redis = urlsplit(env_large["REDIS_URL"])
            env_large["REDIS_URL"] = redis._replace(path="/13").geturl()
            servers["large"] = start(args.server, 8705, env_large, args.workers)
        servers["cached"] = start(args.server, 8701, env_cached, args.workers)
        servers["uncached"] = start(args.server, 8702, env_uncached, args.workers)
        proxy = start_nginx(8703, 8701, 8704, prefix)
        targets = [
            ("static file (portal.css)", static_url(8701)),
            ("theme page, cached", f"http://127.0.0.1:8701{THEME}"),
            ("theme page, uncached", f"http://127.0.0.1:8702{THEME}"),
            *visitor_targets(8702, ""),
            *(visitor_targets(8705, f", N={args.size:,}") if args.size else []),
            ("static file via nginx", static_url(8703)),
            ("theme page via nginx cache", f"http://127.0.0.1:8703{THEME}"),
        ]
        if args.warmup:
            # Each worker fills its caches (lemmas, templates, navigation) before anything
            # is counted, so the two runs compare steady states.
            print(f"\nWarm-up: {args.warmup} s per target, not counted")
            for _label, url in targets:
                wrk(url, args.warmup, args.connections)
            for name, process in servers.items():
                sizes = ", ".join(f"{mb:.0f}" for mb in worker_rss_mb(process))
                print(f"RSS after the warm-up, {name} server (MB, master and workers): {sizes}")
        for run in range(1, args.runs + 1):
            load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
            print(
                f"\nRun {run}: {args.server}, {args.workers} workers, wrk -t2"
                f" -c{args.connections} -d{args.duration}s; load average {load}"
                f" on {os.cpu_count()} CPUs"
            )
            print(
                f"{'target':36} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'vs static':>9}"
            )
            base = None
            missed = []
            for label, url in targets:
                result = wrk(url, args.duration, args.connections)
                base = base or result["rps"]
                share = result["rps"] / base
                target = next((t for name, t in TARGETS.items() if label.startswith(name)), None)
                verdict = "" if target is None else f"  target {target:.0%}"
                if target is not None and (share < target or result["errors"]):
                    missed.append(label)
                    verdict += ": MISSED"
                print(
                    f"{label:36} {result['rps']:9.0f} {result['p50']:8.2f} {result['p99']:8.2f} "
                    f"{result['errors']:7d} {share:9.0%}{verdict}",
                    flush=True,
                )
            print(f"Targets missed in run {run}: {', '.join(missed) or 'none'}")
            for name, process in servers.items():
                sizes = ", ".join(f"{mb:.0f}" for mb in worker_rss_mb(process))
                print(f"RSS after run {run}, {name} server (MB, master and workers): {sizes}")
    finally:
        if proxy is not None:
            serve.stop(proxy)
        shutil.rmtree(prefix, ignore_errors=True)
        for process in servers.values():
            stop(process)


if __name__ == "__main__":
    main()
