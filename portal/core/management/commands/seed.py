"""Load the portal's seed content into an empty site: first content, never a reset.

A site with any page of its own (anything but Wagtail's root and its placeholder home)
is left exactly as it is, and the command says so and succeeds: whatever editors
renamed, deleted or changed since stands, however often `make run` or `make serve`
runs the command again.

Each of the portal's apps (portal.*) and each content app (settings.CONTENT_APPS) may
have a `seed` module with a `run(command)` function; they run in INSTALLED_APPS order,
so the page tree (guidance) exists before what hangs off it. Then each module's optional
`link(command)` runs, for links between apps' content (a theme's manual and its
catalogue entry). Running the command again creates nothing twice and overwrites
nothing an editor changed. Last, the search index is rebuilt.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page


def seeded_apps() -> list:
    return [
        config
        for config in apps.get_app_configs()
        if (config.name.startswith("portal.") or config.label in settings.CONTENT_APPS)
        and find_spec(f"{config.name}.seed") is not None
    ]


def site_has_content() -> bool:
    """Whether the site has pages of its own (made by editors or by an earlier seed)."""
    placeholder = ContentType.objects.get_for_model(Page)
    return Page.objects.filter(depth__gt=1).exclude(content_type=placeholder).exists()


class Command(BaseCommand):
    help = (
        "Load the seed content (pages, publications) in Swedish and English into an empty "
        "site; a site with content is left as it is."
    )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        if site_has_content():
            self.stdout.write("The site has content already; the seed leaves it as it is.")
            return
        # Pages made by Wagtail's own migrations (Root, the default home) have
        # empty *_sv columns until this runs; children would get bad url_paths.
        call_command("update_translation_fields", verbosity=0)
        modules = [import_module(f"{config.name}.seed") for config in seeded_apps()]
        with transaction.atomic():
            for module in modules:
                self.stdout.write(f"Seeding {module.__name__.removesuffix('.seed')}")
                module.run(self)
            for module in modules:
                if hasattr(module, "link"):
                    module.link(self)
            # Seeded content is published without request; index it all once.
            call_command("rebuild_search_index", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Seed content is in place."))

    def log(self, message: str) -> None:
        if self.verbosity >= 1:
            self.stdout.write(message)
