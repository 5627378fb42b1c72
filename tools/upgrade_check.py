"""Upgrade check: a database made and edited with an older release keeps everything.

Not a test: it needs two checkouts. It creates a throwaway PostgreSQL database, migrates
and seeds it with the OLD checkout's code, makes an editor's changes there (a page
retitled and republished, a snippet changed, a translation recorded), takes a census of
every table's rows and of the edited values, then migrates the same database with THIS
checkout's code and takes the census again. Any table whose rows were lost, or an edit
undone, fails the check. The tables that moved between apps are compared by their old
and new names.

    git worktree add --detach /tmp/old <old commit>
    .venv/bin/python -m tools.upgrade_check --old /tmp/old \
        --database-url postgres://postgres@127.0.0.1:5432/portal_upgrade
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
# Tables renamed by the split of portal/ into apps (portal.search, portal.editorial).
RENAMED = {
    "portal_searchentry": "search_searchentry",
    "portal_searchword": "search_searchword",
    "portal_searchposting": "search_searchposting",
    "portal_translationtimestamps": "editorial_translationtimestamps",
}

EDIT = """
from django.utils import translation
from guidance.models import Hotline, StandardPage
page = StandardPage.objects.get(slug_sv="kontakt")
with translation.override("sv"):
    page.title_sv = "Kontakta oss (ändrad före uppgraderingen)"
    page.save_revision().publish()
hotline = Hotline.objects.first()
hotline.opening_hours_sv = "Dygnet runt (ändrad före uppgraderingen)"
hotline.save()
"""

CENSUS = """
import json
from django.db import connection
from guidance.models import Hotline, StandardPage
tables = {}
with connection.cursor() as cursor:
    for table in connection.introspection.table_names():
        if table.startswith("django_migrations"):
            continue
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
        tables[table] = cursor.fetchone()[0]
edits = {
    "page": StandardPage.objects.filter(title_sv__contains="före uppgraderingen").count(),
    "hotline": Hotline.objects.filter(opening_hours_sv__contains="före uppgraderingen").count(),
    "live_pages": StandardPage.objects.live().count(),
}
print(json.dumps({"tables": tables, "edits": edits}))
"""


def manage(checkout: Path, env: dict, *args: str, stdin: str | None = None) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=checkout,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        sys.exit(f"{checkout}: manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def census(checkout: Path, env: dict) -> dict:
    out = manage(checkout, env, "shell", stdin=CENSUS)
    return json.loads(out.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--old", type=Path, required=True, help="checkout of the old release")
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/portal_upgrade"
    )
    args = parser.parse_args(argv)
    name = args.database_url.rsplit("/", 1)[1]
    base = args.database_url.rsplit("/", 1)[0]
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name], check=True)
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
    # Each checkout's manage.py picks its own settings.
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["DATABASE_URL"] = f"{base}/{name}"

    manage(args.old, env, "migrate", "--noinput")
    manage(args.old, env, "seed")
    manage(args.old, env, "shell", stdin=EDIT)
    before = census(args.old, env)

    manage(HERE, env, "migrate", "--noinput")
    manage(HERE, env, "seed")  # the seed after a deploy: creates nothing, undoes nothing
    after = census(HERE, env)

    lost = []
    for table, rows in before["tables"].items():
        now = after["tables"].get(RENAMED.get(table, table))
        if now is None or now < rows:
            lost.append(f"{table}: {rows} rows before, {now} after")
    for name_, value in before["edits"].items():
        if after["edits"][name_] != value:
            lost.append(f"edit {name_}: {value} before, {after['edits'][name_]} after")
    moved = ", ".join(
        f"{old} → {new} ({after['tables'][new]} rows)" for old, new in RENAMED.items()
    )
    print(f"{len(before['tables'])} tables compared; moved: {moved}")
    print(f"edits kept: {after['edits']}")
    if lost:
        print("LOST:\n  " + "\n  ".join(lost))
        sys.exit(1)
    print("upgrade check passed: nothing lost")


if __name__ == "__main__":
    main()
