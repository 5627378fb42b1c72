"""tests/seed_snapshot.py: the seeded rows kept aside and copied back, and the one Django
internal it leans on (the serialized database its test runner keeps per connection)."""

from __future__ import annotations

import pytest
from django.core import serializers
from django.db import connection
from wagtail.models import Site

from publications.models import Publication, Topic
from tests.seed_snapshot import SeedSnapshot, kept_seed

PROBE = Topic(pk=987654, name_sv="Sond", name_en="Probe", slug="snapshot-probe")


@pytest.fixture(scope="module")
def snapshot(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        seeded = Publication.objects.count()
    with kept_seed(django_db_blocker) as kept:
        # What Django's serialized rollback loads before each test: one made-up topic.
        connection._test_serialized_contents = serializers.serialize("json", [PROBE])
        yield kept, seeded


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_django_loads_the_serialized_database_its_runner_keeps(snapshot):
    """If an upgrade of Django renames `_test_serialized_contents`, the flush after each
    browser test runs post_migrate again and the copy's content types clash: this fails."""
    assert Topic.objects.filter(slug="snapshot-probe").exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_seed_comes_back_whole_after_a_flush(snapshot):
    kept, seeded = snapshot
    kept.restore()
    assert not Topic.objects.filter(slug="snapshot-probe").exists()
    assert Publication.objects.count() == seeded > 0
    assert Site.objects.get(is_default_site=True).root_page.specific_class.__name__ == "HomePage"
    Publication.objects.all().delete()
    kept.restore()
    assert Publication.objects.count() == seeded


@pytest.mark.django_db
def test_sqlite_full_text_tables_are_left_to_their_triggers():
    """Wagtail's full-text table on SQLite is filled by triggers from its entries' table;
    copying it as well would hold every entry twice after a restore."""
    tables = SeedSnapshot().tables
    assert "wagtailsearch_indexentry" in tables
    if connection.vendor == "sqlite":
        assert "wagtailsearch_indexentry_fts" not in tables
