"""Benchmark of the catalogue: server time at N=100 and N=10,000 publications.

Not a test. It creates a throwaway PostgreSQL database, migrates and seeds it, generates
publications with realistic variety (`tests.factories.catalogue.generate`, also used by the query-count test),
and reports p50/p95 of the server time of the catalogue page unfiltered, filtered and
with text, through Django's full request handling (middleware, routing, templates), with
the number of results each shows.

The generated texts draw on 48 subjects and some 40 sentences, so that a word is in a
share of the catalogue like the share a real one shows: "människohandel barn" finds 6 %
of it. The "text, broad" row is a word in most of it ("socialtjänsten", 71 %), the worst
case for counting and facets.

    .venv/bin/python -m tools.publications_bench              # N=100 and N=10,000
    .venv/bin/python -m tools.publications_bench --sizes 100 1000 --requests 30
    .venv/bin/python -m tools.publications_bench --database-url postgres://postgres@127.0.0.1:5432/x

One database per size is DROPPED and created again, named after --database-url's with
the size appended (portal_bench_100, portal_bench_10000). The sizes are measured in
alternation, in rounds, so that the machine's slower spells weigh on both alike.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path

SCENARIOS = {
    "unfiltered": "",
    "filtered": "topic=manniskohandel&type=manual&year_from=2005&year_to=2020&language=sv",
    "text": "q=m%C3%A4nniskohandel+barn",
    "text+filter+title": "q=%C3%A5terv%C3%A4ndande&language=sv&sort=title",
    # A word in a large share of the catalogue: the worst case for counting and facets.
    "text, broad": "q=socialtj%C3%A4nsten",
}
COUNT = re.compile(r'id="pub-count"[^>]*>([^<]*)<')


class QueryTimer:
    """Counts the SQL queries of a request and the time spent waiting for them."""

    def __init__(self):
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started
            self.count += 1


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(round(share * len(ordered))) - 1)]


def measure(client, path: str, requests: int, into: dict) -> None:
    """Time `requests` requests of `path` (after 3 for warming up), adding the request
    times, the database times, the query count and the result count to `into`."""
    from django.db import connection

    for _ in range(3):  # warm up caches and the connection
        client.get(path)
    for _ in range(requests):
        timer = QueryTimer()
        with connection.execute_wrapper(timer):
            started = time.perf_counter()
            response = client.get(path)
            into.setdefault("totals", []).append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
        into.setdefault("database", []).append(timer.seconds * 1000)
        into["queries"] = timer.count
    # The result count as the page shows it ("4 730 publikationer").
    shown = COUNT.search(response.content.decode())
    into["matches"] = int(re.sub(r"\D", "", shown.group(1))) if shown else -1


def summary(timings: dict) -> dict[str, float]:
    """p50/p95 of the whole request and of the time spent in the database."""
    return {
        "p50": statistics.median(timings["totals"]),
        "p95": percentile(timings["totals"], 0.95),
        "db50": statistics.median(timings["database"]),
        "db95": percentile(timings["database"], 0.95),
        "queries": timings["queries"],
        "matches": timings["matches"],
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/portal_bench")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 10_000])
    parser.add_argument("--requests", type=int, default=50, help="per scenario and size")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)

    if not args.database_url.startswith("postgres"):
        sys.exit("The benchmark runs on PostgreSQL: give a postgres:// --database-url.")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tools.bench import sized_databases, use_database

    sizes = sorted(args.sizes)
    names = sized_databases(args.database_url, sizes)
    os.environ["DATABASE_URL"] = f"{args.database_url.rsplit('/', 1)[0]}/{names[sizes[0]]}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client, override_settings

    from publications.models import Publication
    from tests.factories.catalogue import generate  # imports Wagtail: after setup()

    counts = {}
    for size in sizes:
        use_database(names[size])
        call_command("migrate", "--noinput", verbosity=0)
        call_command("seed", verbosity=0)
        generate(size - Publication.objects.count(), seed=size)
        with connection.cursor() as cursor:
            # What autovacuum does to a table in use: statistics and the visibility map.
            cursor.execute("VACUUM ANALYZE")
        counts[size] = Publication.objects.count()
        print(f"database {names[size]}: {counts[size]} publications", flush=True)
    # Server time of the catalogue itself: the portal's cache of anonymous page views
    # (portal.caching) would answer repeated requests without running it.
    override_settings(PAGE_CACHE_ENABLED=False).enable()
    client = Client(HTTP_HOST="localhost")
    timings: dict[tuple[int, str], dict] = {}
    per_round = max(1, args.requests // args.rounds)
    for _round in range(args.rounds):
        for size in sizes:  # in alternation: see tools.bench.sized_databases
            use_database(names[size])
            for name, query in SCENARIOS.items():
                path = "/sv/publikationer/" + (f"?{query}" if query else "")
                measure(client, path, per_round, timings.setdefault((size, name), {}))
    rows = []
    for size in sizes:
        for name in SCENARIOS:
            result = summary(timings[(size, name)])
            result.update(n=counts[size], name=name)
            rows.append(result)
            print(
                "N={n:>6}  {name:<18} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  "
                "database p50 {db50:5.1f} ms p95 {db95:5.1f} ms  {queries} queries  "
                "{matches} results".format(**result)
            )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print()
    print(
        f"{per_round * args.rounds} requests per row, in {args.rounds} rounds alternating the"
        f" sizes; load average {load:.1f} on {os.cpu_count()} CPUs"
    )
    print(
        "| N | scenario | results | p50 (ms) | p95 (ms) | database p50 (ms)"
        " | database p95 (ms) | queries |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(
            "| {n} | {name} | {matches} | {p50:.1f} | {p95:.1f} | {db50:.1f} | {db95:.1f}"
            " | {queries} |".format(**row)
        )
    for name in SCENARIOS:
        small, large = (summary(timings[(size, name)])["p95"] for size in (sizes[0], sizes[-1]))
        print(
            f"p95 ratio N={counts[sizes[-1]]} / N={counts[sizes[0]]}, {name}: {large / small:.2f}×"
        )


if __name__ == "__main__":
    main()
