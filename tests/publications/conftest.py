import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import override_settings

from publications.models import Organisation, Publication, PublicationIndexPage, Topic
from tests.factories import sample_catalogue


@pytest.fixture(scope="module")
def _sample_in_module(django_db_setup, django_db_blocker, tmp_path_factory):
    """The sample catalogue, built once per test module inside a transaction of its own that
    is rolled back after the module (as Django's TestCase.setUpTestData does per class);
    each test's own changes are rolled back after it, in a savepoint within."""
    media = tmp_path_factory.mktemp("media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=str(media)),
        transaction.atomic(),
    ):
        cache.clear()
        built = sample_catalogue.build()
        yield built, media
        transaction.set_rollback(True)
    cache.clear()


@pytest.fixture
def sample(_sample_in_module, db, settings) -> sample_catalogue.SampleCatalogue:
    """The small catalogue of tests/factories/sample_catalogue.py, on the test's own site:
    read afresh for each test, so that what one test changes never reaches the next."""
    built, media = _sample_in_module
    settings.MEDIA_ROOT = str(media)
    return sample_catalogue.SampleCatalogue(
        page=PublicationIndexPage.objects.get(pk=built.page.pk),
        topics={key: Topic.objects.get(pk=t.pk) for key, t in built.topics.items()},
        organisations={
            key: Organisation.objects.get(pk=o.pk) for key, o in built.organisations.items()
        },
        publications={
            slug: Publication.objects.get(pk=p.pk) for slug, p in built.publications.items()
        },
    )
