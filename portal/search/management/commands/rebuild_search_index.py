"""Rebuild the site search index from the live pages and publications."""

from django.core.management.base import BaseCommand

from portal.search import index


class Command(BaseCommand):
    help = "Rebuild the search index (pages and publications, both languages)."

    def handle(self, *args, **options):
        index.rebuild(self.stdout)
