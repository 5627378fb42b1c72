"""Benchmark of site search (not a test): p95 time with 100 and with 10,000 publications.

    .venv/bin/python -m portal.search.bench [--sizes 100 10000] [--database-url …]

The database named in --database-url is DROPPED and created again. It is migrated and
seeded, filled with generated publications (publications.bench.generate), indexed, and
then each query of tests/search_queries.py is timed through Django's full request
handling of /sv/sok/ and /en/search/. It also prints how many results the queries find:
the cost of a search follows that number.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/portal_search_bench"
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 10_000])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)

    os.environ["DATABASE_URL"] = args.database_url
    # As the catalogue's benchmark: DEBUG off, no page cache, none of the development
    # server's conveniences (whitenoise re-scanning static files on every request).
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    sys.path.insert(0, str(BASE_DIR))
    from portal.bench import recreate_database

    recreate_database(args.database_url)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from portal.management.commands.search_report import DEFAULT, load_queries
    from portal.models import SearchEntry
    from portal.search.query import search
    from publications.bench import generate
    from publications.models import Publication

    call_command("migrate", "--noinput", verbosity=0)
    call_command("seed", verbosity=0)
    queries = load_queries(DEFAULT)
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{len(queries)} queries × {args.rounds} rounds, database {args.database_url}")
    results = {}
    for size in sorted(args.sizes):
        missing = size - Publication.objects.count()
        if missing > 0:
            started = time.perf_counter()
            generate(missing, prefix=f"b{size}")  # indexes them too, in batches
            with connection.cursor() as cursor:
                # What autovacuum does to tables in use: statistics and the visibility
                # map (for index-only scans of the postings).
                cursor.execute("VACUUM ANALYZE")
            print(
                f"  {size:>6} publications generated and indexed in {time.perf_counter() - started:.0f} s"
            )
        timings = []
        for _round in range(args.rounds):
            for language, query, _label, _expected in queries:
                path = "/sv/sok/" if language == "sv" else "/en/search/"
                started = time.perf_counter()
                response = client.get(path, {"q": query})
                timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200
        timings.sort()
        p50 = statistics.median(timings)
        p95 = timings[int(len(timings) * 0.95) - 1]
        results[size] = p95
        print(f"  N={size:>6}: p50 {p50:6.1f} ms, p95 {p95:6.1f} ms ({len(timings)} requests)")
        # How much of the index the queries find: the cost of a search follows it.
        found = sorted(
            len(entries) if (entries := search(query, language).entries) is not None else 0
            for language, query, _label, _expected in queries
        )
        entries = SearchEntry.objects.filter(language="sv").count()
        print(
            f"           results per query: median {statistics.median(found):.0f},"
            f" most {found[-1]} ({100 * found[-1] / max(entries, 1):.0f} % of {entries}"
            " entries in one language)"
        )
    if len(results) > 1:
        small, large = results[min(results)], results[max(results)]
        print(f"  p95 ratio N={max(results)} / N={min(results)}: {large / small:.2f}×")
    print(f"  load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
