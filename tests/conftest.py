import pytest
from django.core.cache import cache
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The seed content, loaded once per run, for the tests about it.

    Other tests build the few objects they need with tests.factories; their first page
    builds a site of the test's own, and the seeded content steps aside for that test.
    """
    with django_db_blocker.unblock():
        call_command("seed", verbosity=0)


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
