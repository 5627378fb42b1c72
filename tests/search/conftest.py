import pytest
from django.core.cache import cache
from django.db import transaction

from tests.factories import search


@pytest.fixture(scope="module")
def _theme_in_module(django_db_setup, django_db_blocker):
    """The trafficking theme of tests/factories/search.py with an index of its own, built
    once per test module inside a transaction rolled back after the module; each test's
    own changes are rolled back after it, in a savepoint within."""
    with django_db_blocker.unblock(), transaction.atomic():
        cache.clear()
        built = search.trafficking_theme()
        yield built
        transaction.set_rollback(True)
    cache.clear()


@pytest.fixture
def tree(_theme_in_module, db) -> search.TraffickingTheme:
    """The theme's pages, read afresh for each test."""
    return search.refreshed(_theme_in_module)
