"""A cache outage: one line in the log when it starts and one when it ends (a bad Host header
one line, not thousands of tracebacks); pages kept in each process meanwhile, renewed by any
change an editor makes in any process; nothing from before it served after it."""

import logging

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from portal.caching import generation, outage
from tests.caching.standin import closed_port
from tests.factories.trees import THEME_SV, violence_theme

pytestmark = pytest.mark.django_db


BREAKER = "portal.caching.breaker.BreakerClient"


def redis_cache(location, client_class="django_redis.client.DefaultClient"):
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": "portal-test-outage",
            "OPTIONS": {
                "CLIENT_CLASS": client_class,
                "BREAKER_SECONDS": 0,
                "SOCKET_CONNECT_TIMEOUT": 0.2,
                "SOCKET_TIMEOUT": 0.2,
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }


@pytest.fixture
def cache_errors_logged(settings):
    settings.DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    settings.DJANGO_REDIS_LOGGER = outage.LOGGER_NAME
    yield settings
    outage.answered()  # leave no outage behind for the next test


@pytest.fixture
def theme():
    """A theme page with its frame (THEME_SV), built before the cache is taken away."""
    return violence_theme().page


def test_a_cache_outage_is_logged_once_when_it_starts_and_once_when_it_ends(
    client, cache_errors_logged, caplog, theme
):
    settings = cache_errors_logged
    settings.PAGE_CACHE_ENABLED = True
    settings.CACHES = redis_cache("redis://127.0.0.1:1/0")  # nothing listens there
    with caplog.at_level(logging.WARNING, logger=outage.LOGGER_NAME):
        for _ in range(10):
            response = client.get(THEME_SV)  # the site works without its cache
            assert response.status_code == 200
            assert f">{theme.title_sv}</h1>" in response.content.decode()
        started = [r for r in caplog.records if r.name == outage.LOGGER_NAME]
        assert len(started) == 1
        assert started[0].getMessage().startswith("Cache unavailable (")
        assert "Connection refused" in started[0].getMessage()
        assert started[0].exc_info is None

        caplog.clear()
        settings.CACHES = redis_cache("redis://127.0.0.1:6379/15")
        assert client.get(THEME_SV).status_code == 200
        assert client.get(THEME_SV).status_code == 200
        ended = [r for r in caplog.records if r.name == outage.LOGGER_NAME]
    assert len(ended) == 1
    message = ended[0].getMessage()
    assert message.startswith("Cache answers again after")
    more = int(message.split("; ")[1].split()[0])
    assert more > 10  # every ignored error of the ten requests, counted and not logged


def test_a_bad_host_header_is_one_line_and_a_400(client, caplog, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    with caplog.at_level(logging.ERROR, logger="django.security.DisallowedHost"):
        response = client.get("/sv/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    records = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    assert len(records) == 1
    assert records[0].exc_info is None
    assert "evil.example" in records[0].getMessage()


@pytest.mark.parametrize("logged", [True, False], ids=["errors-logged", "errors-not-logged"])
@pytest.mark.parametrize("client_class", ["django_redis.client.DefaultClient", BREAKER])
def test_a_page_unpublished_during_an_outage_is_not_served_from_before_it(
    client, cache_errors_logged, theme, client_class, logged
):
    """The change could not start a new generation with the cache away; the page kept
    before the outage must not come back when the cache does."""
    settings = cache_errors_logged
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = logged
    settings.PAGE_CACHE_ENABLED = True
    settings.CACHES = redis_cache("redis://127.0.0.1:6379/15", client_class)
    caches["default"].clear()
    assert client.get(THEME_SV).status_code == 200
    assert client.get(THEME_SV)["X-Page-Cache"] == "hit"  # kept

    settings.CACHES = redis_cache("redis://127.0.0.1:1/0", client_class)  # the outage
    theme.unpublish()
    assert client.get(THEME_SV).status_code == 404

    settings.CACHES = redis_cache("redis://127.0.0.1:6379/15", client_class)  # back
    assert client.get(THEME_SV).status_code == 404
    assert client.get(THEME_SV).status_code == 404


@pytest.fixture
def away(cache_errors_logged):
    """The production cache (django-redis with the breaker) on a port nothing listens on."""
    settings = cache_errors_logged
    settings.PAGE_CACHE_ENABLED = True
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{closed_port()}/0", BREAKER)
    generation.local.clear()
    yield settings
    generation.local.clear()


def test_while_the_cache_is_away_each_process_keeps_pages_and_their_parts(
    client, away, theme, django_assert_num_queries
):
    first = client.get(THEME_SV)
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(1):  # the database's generation, nothing else
        kept = client.get(THEME_SV)
    assert kept["X-Page-Cache"] == "hit"
    assert f">{theme.title_sv}</h1>" in kept.content.decode()

    away.PAGE_CACHE_ENABLED = False  # the parts of the page (navigation, resource cards)
    with CaptureQueriesContext(connection) as made:
        client.get("/en/violence/themes/")
    with CaptureQueriesContext(connection) as again:
        assert client.get("/en/violence/themes/").status_code == 200
    assert len(again) < len(made) / 2, f"{len(made)} queries, then {len(again)}"


def _unpublish(theme):
    theme.unpublish()


def _make_private(theme):
    PageViewRestriction.objects.create(page=theme, restriction_type=PageViewRestriction.LOGIN)


@pytest.mark.parametrize("change", [_unpublish, _make_private], ids=["unpublished", "private"])
@pytest.mark.parametrize("where", ["this process", "another process whose cache answers"])
def test_a_page_that_stops_being_public_while_the_cache_is_away_is_not_served_from_a_process(
    client, away, theme, change, where, django_capture_on_commit_callbacks
):
    """The database's generation changes when the change commits, whichever process made it,
    and whether or not its own cache answered."""
    client.get(THEME_SV)
    assert client.get(THEME_SV)["X-Page-Cache"] == "hit"
    closed = away.CACHES
    if where != "this process":
        away.CACHES = redis_cache("redis://127.0.0.1:6379/15", BREAKER)
    with django_capture_on_commit_callbacks(execute=True):
        change(theme)
    away.CACHES = closed
    response = client.get(THEME_SV)
    assert response.status_code in (302, 404)
    assert theme.title_sv not in response.content.decode()


def test_a_change_made_while_only_its_own_process_cannot_reach_redis_reaches_the_others(
    client, cache_errors_logged, theme, django_capture_on_commit_callbacks
):
    """The editor's process had a blip (its breaker is open; it would not ask Redis for a
    while): the generation is still incremented in Redis when the change commits, so the
    other processes, whose Redis answers all along, stop serving the page at once."""
    settings = cache_errors_logged
    settings.PAGE_CACHE_ENABLED = True
    shared = redis_cache("redis://127.0.0.1:6379/15", BREAKER)
    shared["default"]["OPTIONS"]["BREAKER_SECONDS"] = 60
    settings.CACHES = shared
    caches["default"].clear()
    client.get(THEME_SV)
    assert client.get(THEME_SV)["X-Page-Cache"] == "hit"

    caches["default"].client.breaker.failed()  # the editor's process: one time-out
    with django_capture_on_commit_callbacks(execute=True):
        theme.unpublish()
    caches["default"].client.breaker.answered()  # another process, whose Redis answered
    outage.answered()  # ... and which saw no outage
    assert client.get(THEME_SV).status_code == 404
