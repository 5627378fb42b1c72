"""A PostgreSQL database holding the seed and generated publications, for `make bench`.

Not a test. DROPS and creates the database named by the address, migrates it, loads the
seed, adds generated publications (tests.factories.catalogue.generate, the texts
tools.publications_bench measures) until the catalogue holds SIZE, and runs VACUUM
ANALYZE, as autovacuum would on a table in use.

    .venv/bin/python -m tools.catalogue_data postgres://postgres@127.0.0.1:5432/x 10000

The settings are the caller's DJANGO_SETTINGS_MODULE (the test settings when unset).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database_url")
    parser.add_argument("size", type=int)
    args = parser.parse_args(argv)
    if not args.database_url.startswith("postgres"):
        sys.exit("Give a postgres:// address: the benchmarks run on PostgreSQL.")

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tools.bench import recreate_database

    recreate_database(args.database_url)
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from publications.models import Publication
    from tests.factories.catalogue import generate  # imports Wagtail: after setup()

    with contextlib.redirect_stdout(io.StringIO()):  # what post_migrate handlers print
        call_command("migrate", "--noinput", verbosity=0)
        call_command("seed", verbosity=0)
    generate(args.size - Publication.objects.count(), seed=args.size)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"{args.database_url}: {Publication.objects.count()} publications", flush=True)


if __name__ == "__main__":
    main()
