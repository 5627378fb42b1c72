"""Update the Swedish catalogue from the sources, or (--check) fail when it is stale or incomplete.

One place for makemessages' options, so that `make messages` and CI agree.
"""

import difflib
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

IGNORE = [".venv", "staticfiles", "media", "node_modules", "screenshots"]


def _comparable(text: str) -> list[str]:
    return [line for line in text.splitlines() if not line.startswith('"POT-Creation-Date:')]


class Command(BaseCommand):
    help = "Run makemessages for Swedish; with --check, change nothing and fail if it would."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true")

    def handle(self, *args, check=False, **options):
        locale_dir = Path(settings.LOCALE_PATHS[0])
        po = locale_dir / "sv" / "LC_MESSAGES" / "django.po"
        before = po.read_text(encoding="utf-8") if po.exists() else ""
        with tempfile.TemporaryDirectory() as tmp:
            backup = Path(tmp) / "django.po"
            if po.exists():
                shutil.copy(po, backup)
            call_command(
                "makemessages",
                locale=["sv"],
                no_obsolete=True,
                add_location="file",
                ignore_patterns=IGNORE,
                verbosity=0,
            )
            after = po.read_text(encoding="utf-8")
            if check and po.exists() and backup.exists():
                shutil.copy(backup, po)
        if not check:
            self.stdout.write(f"Updated {po}")
            return
        diff = list(
            difflib.unified_diff(
                _comparable(before), _comparable(after), "committed", "sources", lineterm=""
            )
        )
        if diff:
            raise CommandError(
                "locale/sv/LC_MESSAGES/django.po is out of date; run `make messages`:\n"
                + "\n".join(diff[:80])
            )
        result = subprocess.run(
            ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],
            capture_output=True,
            text=True,
            env={"LC_ALL": "C"},
        )
        stats = result.stderr.strip()
        if result.returncode != 0 or "untranslated" in stats or "fuzzy" in stats:
            raise CommandError(f"Swedish strings are missing or fuzzy: {stats}")
        self.stdout.write(f"Messages are up to date and complete ({stats}).")
