"""Fault demonstration (not a test): PostgreSQL stopped under load, `make fault-demo`.

Prepares a throwaway database, starts the production-like server (gunicorn, production
settings, the page cache in Redis) and sends a bounded load from a few client threads
on 127.0.0.1: cached pages (the theme page in Swedish and English, warmed first) and
uncached requests (searches, never cached, in both languages). Then it stops the
machine's PostgreSQL, keeps the load going, starts PostgreSQL again and keeps going
until the uncached requests answer 200 again. It prints, per phase, the count of each
status for each kind of request and the slowest answer, and checks what the portal
promises:

- cached pages keep answering 200 while the database is away;
- uncached requests get a 503 page in their own language within a few seconds, never
  a 500 and never a hang;
- the server recovers by itself within 10 seconds of the database coming back, with
  no restart.

Exits 1 when a promise is broken. PostgreSQL is started again whatever happens.

    .venv/bin/python -m tools.faults [--down 10] [--clients 4]

Needs the right to stop and start the local cluster (root, as on the CI machine) and
stops every database on it for the length of the demonstration.
"""

from __future__ import annotations

import argparse
import itertools
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

from tools.bench import THEME, environment, manage, recreate_database, start, stop

PORT = 8711
THEME_EN = "/en/violence/themes/child-trafficking/"
RECOVERY_LIMIT = 10.0
ANSWER_LIMIT = 5.0  # "within a few seconds": connect_timeout is 3 s


def cluster_command(action: str) -> list[str]:
    version = sorted(p.name for p in Path("/etc/postgresql").iterdir())[-1]
    return ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action, "-m", "fast"]


def postgres_ready() -> bool:
    return (
        subprocess.run(
            ["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"], check=False
        ).returncode
        == 0
    )


class Load:
    """A few client threads, each sending one request at a time with a pause between."""

    def __init__(self, base: str, clients: int, pause: float):
        self.base = base
        self.clients = clients
        self.pause = pause
        self.phase = "before"
        self.records: list[tuple[str, str, int, float, bool, float]] = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.counter = itertools.count()

    def targets(self):
        n = next(self.counter)
        # Unique searches, so nothing can answer them from a cache.
        return [
            ("cached sv", THEME, "sv"),
            ("cached en", THEME_EN, "en"),
            ("uncached sv", f"/sv/sok/?q=barn+{n}", "sv"),
            ("uncached en", f"/en/search/?q=children+{n}", "en"),
        ]

    def one(self, kind: str, path: str, language: str) -> None:
        started = time.monotonic()
        right_language = True
        try:
            with urllib.request.urlopen(self.base + path, timeout=30) as response:
                status = response.status
                response.read()
        except urllib.error.HTTPError as error:
            status = error.code
            body = error.read().decode("utf-8", "replace")
            right_language = f'lang="{language}"' in body
        except OSError:
            status = 0  # no answer at all: connection refused, reset or timed out
        elapsed = time.monotonic() - started
        with self.lock:
            self.records.append(
                (self.phase, kind, status, elapsed, right_language, time.monotonic())
            )

    def client(self) -> None:
        while not self.stopping.is_set():
            for kind, path, language in self.targets():
                self.one(kind, path, language)
                time.sleep(self.pause)

    def __enter__(self):
        self.threads = [
            threading.Thread(target=self.client, daemon=True) for _ in range(self.clients)
        ]
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=40)


def report(load: Load) -> list[str]:
    """Print the counts; return the broken promises."""
    problems = []
    phases = ["before", "stopping", "down", "starting", "after"]
    kinds = ["cached sv", "cached en", "uncached sv", "uncached en"]
    print(f"\n{'phase':8} {'request':12} {'statuses (count)':34} {'slowest':>8}")
    for phase in phases:
        for kind in kinds:
            rows = [r for r in load.records if r[0] == phase and r[1] == kind]
            if not rows:
                continue
            counts = Counter(r[2] for r in rows)
            statuses = ", ".join(
                f"{'no answer' if s == 0 else s}: {n}" for s, n in sorted(counts.items())
            )
            slowest = max(r[3] for r in rows)
            print(f"{phase:8} {kind:12} {statuses:34} {slowest:7.2f}s")
            if any(s == 0 or s >= 500 and s != 503 for s in counts):
                problems.append(f"{phase}, {kind}: an error or no answer ({statuses})")
            if slowest > ANSWER_LIMIT:
                problems.append(f"{phase}, {kind}: an answer took {slowest:.1f} s")
            if phase == "down" and kind.startswith("uncached") and set(counts) != {503}:
                problems.append(
                    f"down, {kind}: an answer other than 503 while the database was away"
                )
            if kind.startswith("cached") and set(counts) != {200}:
                problems.append(f"{phase}, {kind}: a cached page did not answer 200")
            if phase == "before" and 503 in counts:
                problems.append(f"{phase}, {kind}: 503 while the database was up")
            wrong = [r for r in rows if r[2] == 503 and not r[4]]
            if wrong:
                problems.append(
                    f"{phase}, {kind}: {len(wrong)} 503 pages not in the request's language"
                )
    down = [r for r in load.records if r[0] == "down" and r[1].startswith("uncached")]
    if down and not any(r[2] == 503 for r in down):
        problems.append("down: no uncached request got the 503 page")
    return problems


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/portal_faults"
    )
    parser.add_argument("--down", type=float, default=10.0, help="seconds PostgreSQL stays stopped")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument(
        "--pause", type=float, default=0.05, help="seconds between a client's requests"
    )
    args = parser.parse_args(argv)

    print(f"Preparing {args.database_url} …", flush=True)
    recreate_database(args.database_url)
    env = environment(args.database_url, page_cache=True)
    manage(env, "migrate", "--noinput")
    manage(env, "seed")
    manage(env, "collectstatic", "--noinput")
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import redis,os; redis.Redis.from_url(os.environ['REDIS_URL']).flushdb()",
        ],
        env=env,
        check=True,
    )
    log_path = Path(tempfile.gettempdir()) / "portal-faults-server.log"
    log = log_path.open("w")
    server = start("gunicorn", PORT, env, 2, log=log)
    print(f"Server log: {log_path}", flush=True)
    base = f"http://127.0.0.1:{PORT}"
    recovered_after = None
    try:
        for path in (THEME, THEME_EN):  # the first views fill the page cache
            urllib.request.urlopen(base + path, timeout=10).read()
        with Load(base, args.clients, args.pause) as load:
            time.sleep(5)
            print(f"Stopping PostgreSQL for {args.down:.0f} s under load …", flush=True)
            load.phase = "stopping"
            try:
                subprocess.run(cluster_command("stop"), check=True)
                load.phase = "down"
                time.sleep(args.down)
                load.phase = "starting"
            finally:
                start_issued = time.monotonic()
                subprocess.run(cluster_command("start"), check=True)
            while not postgres_ready():
                time.sleep(0.1)
            load.phase = "after"
            print("PostgreSQL is accepting connections again.", flush=True)
            deadline = start_issued + 30
            while time.monotonic() < deadline and recovered_after is None:
                time.sleep(0.2)
                with load.lock:
                    ok = [
                        r[5]
                        for r in load.records
                        if r[0] in ("starting", "after")
                        and r[1].startswith("uncached")
                        and r[2] == 200
                    ]
                if ok:
                    # Counted from the start command, so PostgreSQL's own start-up is in it.
                    recovered_after = min(ok) - start_issued
            time.sleep(5)
    finally:
        if not postgres_ready():
            subprocess.run(cluster_command("start"), check=False)
        stop(server)
        log.close()

    problems = report(load)
    if recovered_after is None:
        problems.append("after: the uncached requests did not recover within 30 s")
    else:
        print(
            f"\nUncached requests answered 200 again {recovered_after:.1f} s after PostgreSQL "
            "was told to start (its own start-up included)."
        )
        if recovered_after > RECOVERY_LIMIT:
            problems.append(
                f"after: recovery took {recovered_after:.1f} s (limit {RECOVERY_LIMIT:.0f} s)"
            )
    if problems:
        print("\nBroken promises:\n- " + "\n- ".join(problems))
        sys.exit(1)
    print("All promises kept: cached pages served, 503 in the right language, recovery by itself.")


if __name__ == "__main__":
    main()
