"""The page cache cannot be flooded or bypassed: only canonical addresses are kept, one
generation holds a bounded number of pages, and a cookie does not turn the cache off;
only an editor signed in through the admin is never served a kept page."""

import os
import socket

import pytest
from django.core.cache import caches
from django.test import override_settings

from tests.factories import (
    PublicationFactory,
    PublicationIndexPageFactory,
    SectionPageFactory,
    TopicFactory,
)
from tests.factories.trees import THEME_SV, violence_theme

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

CATALOGUE = "/sv/publikationer/"
PREFIX = "portal-test-bounds"


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def theme():
    """A theme page with its frame, at THEME_SV."""
    return violence_theme().page


@pytest.fixture
def topic():
    """The catalogue (CATALOGUE) with one publication on a topic, which is returned."""
    PublicationIndexPageFactory(slug_sv="publikationer", slug_en="publications")
    topic = TopicFactory()
    PublicationFactory(topics=[topic])
    return topic


def kept(client, url, **extra) -> bool:
    """Asked twice: whether the second answer came from the cache."""
    first = client.get(url, **extra)
    assert first.status_code == 200
    return client.get(url, **extra).get("X-Page-Cache") == "hit"


def redis_up() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        if os.environ.get("CI"):
            pytest.fail("Redis must run on 127.0.0.1:6379 in CI")
        return False


def redis_caches():
    config = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/12",
        "KEY_PREFIX": PREFIX,
        "OPTIONS": {"CLIENT_CLASS": "portal.caching.breaker.BreakerClient"},
    }
    # "count": a second alias on the same database, to count the keys from outside.
    return {"default": config, "count": dict(config)}


def test_a_thousand_junk_query_strings_add_nothing_to_redis(client, theme):
    if not redis_up():
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    with override_settings(CACHES=redis_caches()):
        caches["default"].clear()
        assert kept(client, THEME_SV)
        before = len(caches["count"].keys("*"))
        for number in range(1000):
            response = client.get(f"{THEME_SV}?utm_source=flood{number}")
            assert response.status_code == 200
            assert f">{theme.title_sv}</h1>" in response.content.decode()
            assert response.get("X-Page-Cache") != "hit"
        after = len(caches["count"].keys("*"))
        caches["default"].clear()
    assert after == before


def test_only_the_catalogues_canonical_addresses_are_kept(client, topic):
    assert kept(client, CATALOGUE)
    assert kept(client, f"{CATALOGUE}?topic={topic.slug}&sort=oldest")
    # The same choices in another order, an unknown topic, an unknown parameter, a search:
    # answered, not kept.
    assert not kept(client, f"{CATALOGUE}?sort=oldest&topic={topic.slug}")
    assert not kept(client, f"{CATALOGUE}?topic=no-such-topic")
    assert not kept(client, f"{CATALOGUE}?topic={topic.slug}&fbclid=x")
    assert not kept(client, f"{CATALOGUE}?q=barn")


def test_a_generation_holds_a_bounded_number_of_pages(client, settings):
    settings.PAGE_CACHE_MAX_ENTRIES = 3
    pages = [
        SectionPageFactory(slug_sv=f"sektion-{n}", slug_en=f"section-{n}", title_sv=f"S{n}")
        for n in range(5)
    ]
    urls = [f"/sv/sektion-{n}/" for n in range(5)]
    assert [kept(client, url) for url in urls] == [True, True, True, False, False]
    pages[0].save_revision().publish()  # a new generation, room for three again
    assert [kept(client, url) for url in urls[3:]] == [True, True]


@pytest.mark.parametrize(
    "cookies",
    [
        {"sessionid": "x"},
        {"sessionid": "abcdefghijklmnopqrstuvwxyz012345"},
        {"csrftoken": "y", "_ga": "z"},
        {"portal_editor": "1"},  # an editor's cookie, forged: not signed
    ],
)
def test_cookies_of_visitors_do_not_bypass_the_cache(client, cookies, theme):
    assert kept(client, THEME_SV)
    for name, value in cookies.items():
        client.cookies[name] = value
    response = client.get(THEME_SV)
    assert response["X-Page-Cache"] == "hit"
    assert f">{theme.title_sv}</h1>" in response.content.decode()


def test_an_editor_signed_in_through_the_admin_sees_fresh_pages_until_signed_out(
    client, django_user_model, theme
):
    assert kept(client, THEME_SV)
    django_user_model.objects.create_superuser("redaktor", "r@example.org", "pw-redaktor")
    signed_in = client.post("/admin/login/", {"username": "redaktor", "password": "pw-redaktor"})
    assert signed_in.status_code == 302
    for _ in range(2):
        response = client.get(THEME_SV)
        assert "X-Page-Cache" not in response
        assert "wagtail-userbar" in response.content.decode()  # made for the editor

    client.post("/admin/logout/")
    assert client.get(THEME_SV)["X-Page-Cache"] == "hit"
