"""Fixtures for every test.

The seed content (the apps' data files, `manage.py seed`) is loaded once per run, in
django_db_setup. It is there for the tests about the seed's content itself, and those
say so by requesting `seeded`: the seed command's own tests (tests/core/test_seed.py)
and the search quality set (tests/search/test_quality.py), whose queries and expected
hits are written against the seed's pages and publications.

Every other test builds the few objects it needs with tests/factories (the catalogue's
tests, for instance, a small sample catalogue: tests/factories/sample_catalogue.py). Its
first page builds a site of the test's own, and the seeded content steps aside for that
test (SiteFactory), so what it asserts follows from what it built. (That is the rule.
Besides those two, these modules have tests about the seed's own content, each requesting
`seeded`: editorial/test_history.py and test_translation_status.py, guidance/
test_accessibility_statement.py, test_hotline_hours.py and test_pages.py, publications/
test_models.py and test_reading.py, search/test_one_result_per_document.py and
test_questions.py. The browser tests (tests/e2e) start from the seeded database on
purpose: they walk the site as visitors and editors meet it. A test found reading the
seed without `seeded` is to be converted, not copied.)
"""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from wagtail.models import Site

from tests import smtp as smtp_server


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The seed content, loaded once per run, for the tests about it (`seeded`)."""
    with django_db_blocker.unblock():
        call_command("seed", verbosity=0)


@pytest.fixture
def seeded(db) -> Site:
    """The seeded site (its start page: `seeded.root_page`), for a test that reads the
    seed's content on purpose. Not to be combined with the factories' own site."""
    site = Site.objects.select_related("root_page").get(is_default_site=True)
    assert site.root_page.specific_class.__name__ == "HomePage", "the seed is not loaded"
    assert site.root_page.get_children().live().exists(), "the seed's pages are not live"
    return site


@pytest.fixture(autouse=True)
def _clear_cache():
    # wagtail-modeltranslation caches site root paths per language in Django's cache.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def admin_client_sv(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def smtp(settings):
    """`smtp(refuse=False)`: a real SMTP server on loopback, Django's mail sent to it
    (tests/smtp.py); its handler holds what arrived."""
    started = []

    def start(refuse=False):
        handler, controller = smtp_server.start(settings, refuse)
        started.append(controller)
        return handler

    yield start
    for controller in started:
        controller.stop()
