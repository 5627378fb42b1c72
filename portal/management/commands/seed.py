"""Load the portal's seed content, idempotently.

Each installed app of the project may have a `seed` module with a
`run(command)` function; they run in INSTALLED_APPS order, so the page tree
(guidance) exists before what hangs off it. Running the command again creates
nothing twice and overwrites nothing an editor changed.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

PROJECT_APPS = ("portal", "guidance", "publications")


class Command(BaseCommand):
    help = "Load the seed content (pages, publications) in Swedish and English. Idempotent."

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        # Pages made by Wagtail's own migrations (Root, the default home) have
        # empty *_sv columns until this runs; children would get bad url_paths.
        call_command("update_translation_fields", verbosity=0)
        with transaction.atomic():
            for config in apps.get_app_configs():
                if config.name not in PROJECT_APPS:
                    continue
                module_name = f"{config.name}.seed"
                if find_spec(module_name) is None:
                    continue
                self.stdout.write(f"Seeding {config.name}")
                import_module(module_name).run(self)
        self.stdout.write(self.style.SUCCESS("Seed content is in place."))

    def log(self, message: str) -> None:
        if self.verbosity >= 1:
            self.stdout.write(message)
