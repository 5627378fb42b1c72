"""Benchmark of site search (not a test): p95 time with 100 and with 10,000 publications.

    .venv/bin/python -m tools.search_bench [--sizes 100 10000] [--database-url …]

One database per size is DROPPED and created again, named after --database-url's with
the size appended. Each is migrated and seeded, filled with generated publications
(tests.factories.catalogue.generate) and indexed; then each query of portal/search/quality_queries.json
is timed through Django's full request handling of /sv/sok/ and /en/search/, in rounds
that alternate the sizes (so that the machine's slower spells weigh on both alike). It
also prints how many results the queries find: the cost of a search follows that number.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/portal_search_bench"
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 10_000])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)

    sys.path.insert(0, str(BASE_DIR))
    from tools.bench import sized_databases, use_database

    sizes = sorted(args.sizes)
    names = sized_databases(args.database_url, sizes)
    os.environ["DATABASE_URL"] = f"{args.database_url.rsplit('/', 1)[0]}/{names[sizes[0]]}"
    # As the catalogue's benchmark: DEBUG off, no page cache, none of the development
    # server's conveniences (whitenoise re-scanning static files on every request).
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from portal.search.evaluation import load_queries
    from portal.search.models import SearchEntry
    from portal.search.query import search
    from publications.models import Publication
    from tests.factories.catalogue import generate

    queries = load_queries()
    found = {}
    for size in sizes:
        use_database(names[size])
        call_command("migrate", "--noinput", verbosity=0)
        call_command("seed", verbosity=0)
        started = time.perf_counter()
        generate(size - Publication.objects.count(), prefix=f"b{size}")  # indexed in batches
        with connection.cursor() as cursor:
            # What autovacuum does to tables in use: statistics and the visibility map
            # (for index-only scans of the postings).
            cursor.execute("VACUUM ANALYZE")
        # How much of the index the queries find: the cost of a search follows it.
        found[size] = sorted(
            len(entries) if (entries := search(query, language).entries) is not None else 0
            for language, query, _label, _expected in queries
        )
        print(
            f"  {names[size]}: {Publication.objects.count()} publications, generated and"
            f" indexed in {time.perf_counter() - started:.0f} s;"
            f" {SearchEntry.objects.filter(language='sv').count()} Swedish entries",
            flush=True,
        )
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{len(queries)} queries × {args.rounds} rounds, the sizes in alternation")
    timings: dict[int, list[float]] = {size: [] for size in sizes}
    for _round in range(args.rounds):
        for size in sizes:  # see tools.bench.sized_databases
            use_database(names[size])
            client.get("/sv/sok/", {"q": "barn"})  # the connection and caches, warm
            for language, query, _label, _expected in queries:
                path = "/sv/sok/" if language == "sv" else "/en/search/"
                started = time.perf_counter()
                response = client.get(path, {"q": query})
                timings[size].append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200
    results = {}
    for size in sizes:
        ordered = sorted(timings[size])
        p50 = statistics.median(ordered)
        p95 = ordered[int(len(ordered) * 0.95) - 1]
        results[size] = p95
        print(f"  N={size:>6}: p50 {p50:6.1f} ms, p95 {p95:6.1f} ms ({len(ordered)} requests)")
        print(
            f"           results per query: median {statistics.median(found[size]):.0f},"
            f" most {found[size][-1]}"
        )
    if len(results) > 1:
        small, large = results[min(results)], results[max(results)]
        print(f"  p95 ratio N={max(results)} / N={min(results)}: {large / small:.2f}×")
    print(f"  load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
