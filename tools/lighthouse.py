"""Lighthouse on one page of every type, in Swedish and English: `make lighthouse`.

    .venv/bin/python -m tools.lighthouse [--preset desktop] [--pages start-sv,theme-en]
                                         [--min-seo 100] [--port 8770]

Installs Lighthouse (LIGHTHOUSE_MAJOR, from the npm registry) into .lighthouse/ (git-ignored)
when it is missing; migrates and seeds a throwaway SQLite database and serves it as
`make serve` does (tools/serve.py: nginx in front of gunicorn, production settings, DEBUG
off); starts Debian's chromium (CHROME_PATH, default /usr/bin/chromium; no browser is
downloaded) and runs Lighthouse's performance, accessibility, best-practices and SEO
categories on every address of tests/e2e/pages.py, one after the other, each in a fresh
browser. Prints the scores as a Markdown table, with Lighthouse's CPU benchmark index (low
when the machine is busy, and the simulated performance figures then worse), and every
failing audit; keeps each report in .lighthouse/reports/.

Search results and near-duplicate catalogue views carry `noindex` on purpose (issue 20), so
they fail Lighthouse's is-crawlable, and the 404 pages its http-status-code: for them the
SEO score is also given without that audit, and that audit must fail there (a page that
lost its noindex, or a 404 page answering 200, is reported). The exit status is 1 when any page's
SEO score (so counted) is below --min-seo or a page gave no result. Ctrl-C or SIGTERM stops
the server, nginx, chromium and Lighthouse.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from tests.e2e.pages import PAGES, expected_status
from tools import serve

BASE_DIR = Path(__file__).resolve().parent.parent
LIGHTHOUSE_DIR = BASE_DIR / ".lighthouse"
REPORTS = LIGHTHOUSE_DIR / "reports"
LIGHTHOUSE_MAJOR = "12"  # 13 needs Node 22; the machines have Node 20
CLI = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SHORT = {"performance": "perf", "accessibility": "a11y", "best-practices": "bp", "seo": "seo"}
RUN_SECONDS = 240
# Lighthouse now and then records no navigation start in its trace (NO_NAVSTART), mostly on
# the first page of a run: another fresh browser gets it.
ATTEMPTS = (1, 2, 3)


def expected_failures(name: str) -> set[str]:
    """The SEO audits a page fails by design (see the module's docstring)."""
    if expected_status(name) == 404:
        return {"http-status-code"}
    if name.startswith(("search-", "catalogue-filtered", "catalogue-none")):
        return {"is-crawlable"}
    return set()


def installed_version() -> str:
    try:
        package = json.loads((CLI.parent.parent / "package.json").read_text())
    except OSError:
        return ""
    return package["version"]


def install() -> str:
    if installed_version().split(".")[0] != LIGHTHOUSE_MAJOR:
        print(f"Installing lighthouse@{LIGHTHOUSE_MAJOR} into {LIGHTHOUSE_DIR} …", flush=True)
        env = dict(os.environ, PUPPETEER_SKIP_DOWNLOAD="1")
        subprocess.run(
            ["npm", "install", "--prefix", str(LIGHTHOUSE_DIR), "--no-audit", "--no-fund"]
            + ["--loglevel", "error", f"lighthouse@{LIGHTHOUSE_MAJOR}"],
            env=env,
            check=True,
        )
    return installed_version()


def free(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def environment(database: Path, purge_port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DEBUG"}}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=f"sqlite:///{database}",
        SECURE_SSL_REDIRECT="false",
        PROXY_COUNT="1",
        FRONTEND_CACHE_PURGE_URL=f"http://127.0.0.1:{purge_port}",
    )
    return env


def start_chromium(port: int, profile: Path) -> subprocess.Popen:
    """Headless chromium with a debugging port that Lighthouse connects to (--port)."""
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    if not Path(chrome).exists():
        raise SystemExit(f"no browser at {chrome}: apt-get install -y chromium, or set CHROME_PATH")
    command = [
        chrome,
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-default-apps",
        "--disable-sync",
        "--no-first-run",
        "--no-default-browser-check",
        "--mute-audio",
        f"--user-data-dir={profile}",
        f"--remote-debugging-port={port}",
        "about:blank",
    ]
    process = subprocess.Popen(
        command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    serve.wait_for(f"http://127.0.0.1:{port}/json/version", process)
    return process


class LighthouseError(Exception):
    pass


def warm(url: str) -> None:
    """One request before Lighthouse's: the server answers as it does to visitors after the
    first (workers warm, the page in nginx's cache), not as to the first visitor."""
    with contextlib.suppress(urllib.error.HTTPError):  # the 404 pages
        urllib.request.urlopen(urllib.parse.quote(url, safe=":/?&=%"), timeout=30).read()


def run_lighthouse(url: str, report: Path, chrome_port: int, preset: str, stopping) -> dict:
    command = ["node", str(CLI), url, "--output=json", f"--output-path={report}", "--quiet"]
    command += [f"--port={chrome_port}", "--only-categories=" + ",".join(CATEGORIES)]
    # Without this Lighthouse stops on the 404 pages instead of scoring them.
    command.append("--ignore-status-code")
    if preset == "desktop":
        command.append("--preset=desktop")
    process = subprocess.Popen(command, cwd=BASE_DIR, start_new_session=True)
    deadline = time.monotonic() + RUN_SECONDS
    try:
        while process.poll() is None:
            if stopping or time.monotonic() > deadline:
                raise SystemExit("stopped" if stopping else f"Lighthouse took over {RUN_SECONDS} s")
            time.sleep(0.2)
    finally:
        serve.stop(process)
    if process.returncode != 0:
        raise LighthouseError(f"Lighthouse failed on {url} (exit {process.returncode})")
    return json.loads(report.read_text())


def score(result: dict, category: str, leave_out: set[str] = frozenset()) -> float | None:
    """The category's score as Lighthouse weighs it, optionally without some audits."""
    total = weights = 0.0
    for ref in result["categories"][category]["auditRefs"]:
        audit = result["audits"][ref["id"]]
        if ref["id"] in leave_out or audit["scoreDisplayMode"] in {"notApplicable", "manual"}:
            continue
        if ref["weight"] and audit["score"] is not None:
            total += ref["weight"] * audit["score"]
            weights += ref["weight"]
    return round(100 * total / weights) if weights else None


def failing(result: dict, category: str) -> list[tuple[str, str]]:
    out = []
    for ref in result["categories"][category]["auditRefs"]:
        audit = result["audits"][ref["id"]]
        if audit["score"] is not None and audit["score"] < 1 and ref["weight"]:
            out.append((ref["id"], audit["title"]))
    return out


def judge(name: str, result: dict) -> dict:
    """Scores and the SEO verdict of one page."""
    expected = expected_failures(name)
    seo_failing = {audit_id for audit_id, _title in failing(result, "seo")}
    row = {
        "name": name,
        "scores": {c: round(100 * (result["categories"][c]["score"] or 0)) for c in CATEGORIES},
        "seo_counted": score(result, "seo", expected),
        "missing": sorted(expected - seo_failing),  # expected to fail, but passed
        "failing": {c: failing(result, c) for c in CATEGORIES},
        "expected": sorted(expected),
        # Lighthouse's own measure of the CPU at hand: low on a busy machine, where the
        # simulated performance figures (total blocking time above all) come out worse.
        "benchmark": round(result.get("environment", {}).get("benchmarkIndex", 0)),
    }
    return row


def table(rows: list[dict]) -> str:
    lines = [
        "| page | " + " | ".join(SHORT[c] for c in CATEGORIES) + " | SEO counted | CPU | note |",
        "|---|" + "---:|" * (len(CATEGORIES) + 2) + "---|",
    ]
    for row in rows:
        if row.get("error"):
            lines.append(f"| {row['name']} |" + " – |" * (len(CATEGORIES) + 2) + " no result |")
            continue
        note = ", ".join(f"{a} fails by design" for a in row["expected"])
        if row["missing"]:
            note = "expected to fail but passed: " + ", ".join(row["missing"])
        scores = " | ".join(str(row["scores"][c]) for c in CATEGORIES)
        counted = f"{row['seo_counted']} | {row['benchmark']}"
        lines.append(f"| {row['name']} | {scores} | {counted} | {note} |")
    return "\n".join(lines)


def verdict(rows: list[dict], min_seo: int) -> list[str]:
    """Print every failing audit; the names of the pages below min_seo or not as designed."""
    below = []
    for row in rows:
        if row.get("error"):
            below.append(row["name"])
            continue
        for category in CATEGORIES:
            for audit_id, title in row["failing"][category]:
                mark = " (by design)" if audit_id in row["expected"] else ""
                print(f"{row['name']}: {category} {audit_id} — {title}{mark}")
        if row["seo_counted"] is None or row["seo_counted"] < min_seo or row["missing"]:
            below.append(row["name"])
    return below


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", choices=["mobile", "desktop"], default="mobile")
    parser.add_argument("--pages", help="comma-separated names from tests/e2e/pages.py")
    parser.add_argument("--min-seo", type=int, default=100, help="exit 1 below this SEO score")
    parser.add_argument("--port", type=int, default=int(os.environ.get("LIGHTHOUSE_PORT", 8770)))
    args = parser.parse_args(argv)
    pages = PAGES
    if args.pages:
        wanted = set(args.pages.split(","))
        pages = [(name, url) for name, url in PAGES if name in wanted]
        if unknown := wanted - {name for name, _url in pages}:
            parser.error("unknown pages: " + ", ".join(sorted(unknown)))
    ports = [args.port + i for i in range(4)]  # nginx, gunicorn, purge, chromium
    if busy := [p for p in ports if not free(p)]:
        raise SystemExit(f"ports in use: {busy}; choose others with --port")

    version = install()
    stopping: list = []

    def on_signal(signum, _frame):
        stopping.append(signum)

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    work = Path(tempfile.mkdtemp(prefix="portal-lighthouse-"))
    env = environment(work / "db.sqlite3", ports[2])
    stack = serve.Stack(*ports[:3], serve.gunicorn_command(f"127.0.0.1:{ports[1]}", 2), env)
    chromium = None
    rows = []
    try:
        print("Preparing a throwaway SQLite database (migrate, seed, collectstatic) …", flush=True)
        # Nothing to purge yet (nginx is not up): the seed's purges would only fail.
        quiet_env = {k: v for k, v in env.items() if k != "FRONTEND_CACHE_PURGE_URL"}
        serve.prepare(os.getppid(), stopping, env=quiet_env, quiet=True)
        stack.start()
        REPORTS.mkdir(parents=True, exist_ok=True)
        for name, path in pages:
            url = f"http://127.0.0.1:{ports[0]}{path}"
            report = REPORTS / f"{name}-{args.preset}.json"
            warm(url)
            result = None
            for attempt in ATTEMPTS:  # a fresh browser per run, more tries after an error
                print(f"Lighthouse {version} ({args.preset}): {name} {path}", flush=True)
                chromium = start_chromium(ports[3], work / f"chromium-{name}-{attempt}")
                try:
                    result = run_lighthouse(url, report, ports[3], args.preset, stopping)
                    break
                except LighthouseError as error:
                    print(f"{error}{'; once more' if attempt < ATTEMPTS[-1] else ''}", flush=True)
                finally:
                    serve.stop(chromium)
            rows.append(judge(name, result) if result else {"name": name, "error": True})
    finally:
        serve.stop(chromium)
        stack.stop()
        shutil.rmtree(work, ignore_errors=True)

    load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print(f"\nLighthouse {version}, {args.preset}, {time.strftime('%Y-%m-%d %H:%M %Z')}")
    print(f"Machine: {load}\n")
    print(table(rows))
    print()
    if below := verdict(rows, args.min_seo):
        print(f"\nSEO below {args.min_seo}, not as designed or no result: {', '.join(below)}")
        return 1
    print(f"\nSEO {args.min_seo} or more on all {len(rows)} pages (as counted).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
