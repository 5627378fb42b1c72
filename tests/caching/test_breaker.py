"""A hung or missing cache costs milliseconds: time-outs, then a circuit breaker that stops
asking the cache for a while; pages are kept in each process meanwhile
(tests/caching/test_outage.py), readiness says degraded."""

import logging
import os
import socket
import time

import pytest
from django.core.cache import caches

from portal.caching import generation, outage
from tests.caching.standin import StandIn, closed_port
from tests.factories.trees import THEME_SV, violence_theme

pytestmark = pytest.mark.django_db

VIEWS = 20
# Generous on purpose: without the breaker each view would wait at least one time-out.
TIMEOUT = 1.0


def breaker_cache(location, breaker_seconds=5, timeout=TIMEOUT):
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": "portal-test-breaker",
            "OPTIONS": {
                "CLIENT_CLASS": "portal.caching.breaker.BreakerClient",
                "BREAKER_SECONDS": breaker_seconds,
                "SOCKET_CONNECT_TIMEOUT": timeout,
                "SOCKET_TIMEOUT": timeout,
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }


@pytest.fixture
def cache_errors_logged(settings):
    settings.DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    settings.DJANGO_REDIS_LOGGER = outage.LOGGER_NAME
    settings.PAGE_CACHE_ENABLED = True
    generation.local.clear()
    yield settings
    outage.answered()
    generation.local.clear()


@pytest.fixture
def theme():
    """A theme page with its frame (THEME_SV), built before the cache is taken away."""
    return violence_theme().page


@pytest.fixture
def hung():
    stand_in = StandIn()
    yield stand_in
    stand_in.close()


def redis_up() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        if os.environ.get("CI"):
            pytest.fail("Redis must run on 127.0.0.1:6379 in CI")
        return False


def views(client, theme, count=VIEWS) -> float:
    started = time.monotonic()
    for _ in range(count):
        response = client.get(THEME_SV)
        assert response.status_code == 200
        assert f">{theme.title_sv}</h1>" in response.content.decode()
    return time.monotonic() - started


@pytest.mark.parametrize("where", ["hung", "closed"])
def test_pages_are_made_without_a_hung_or_missing_cache_at_the_cost_of_one_time_out(
    client, cache_errors_logged, hung, caplog, where, theme
):
    location = hung.location() if where == "hung" else f"redis://127.0.0.1:{closed_port()}/12"
    cache_errors_logged.CACHES = breaker_cache(location)
    with caplog.at_level(logging.WARNING, logger=outage.LOGGER_NAME):
        elapsed = views(client, theme)
    # One time-out per view would be VIEWS seconds; the breaker pays one in all.
    assert elapsed < VIEWS * TIMEOUT / 2, f"{VIEWS} views took {elapsed:.1f} s"
    logged = [r.getMessage() for r in caplog.records if r.name == outage.LOGGER_NAME]
    assert len(logged) == 1 and logged[0].startswith("Cache unavailable (")


def test_asking_again_after_each_pause_is_no_false_all_clear(
    client, cache_errors_logged, hung, caplog, theme
):
    """Every call may be the first after a pause (a pause shorter than a page): whichever
    it is, a hung cache never counts as answering, so the log stays at one line."""
    cache_errors_logged.CACHES = breaker_cache(hung.location(), breaker_seconds=0.01, timeout=0.05)
    with caplog.at_level(logging.WARNING, logger=outage.LOGGER_NAME):
        views(client, theme, 10)
    logged = [r.getMessage() for r in caplog.records if r.name == outage.LOGGER_NAME]
    assert len(logged) == 1 and logged[0].startswith("Cache unavailable (")


def test_readiness_reports_a_hung_cache_as_degraded_and_stays_in_the_balancer(
    client, cache_errors_logged, hung
):
    cache_errors_logged.CACHES = breaker_cache(hung.location())
    started = time.monotonic()
    response = client.get("/healthz/ready/")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "unavailable"}
    again = client.get("/healthz/ready/")  # the breaker is open: no time-out this time
    assert again.json()["cache"] == "unavailable"
    assert time.monotonic() - started < 2 * TIMEOUT


def test_the_breaker_closes_when_redis_answers_again(
    client, cache_errors_logged, hung, caplog, theme
):
    if not redis_up():
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    cache_errors_logged.CACHES = breaker_cache(hung.location(12), breaker_seconds=0.5)
    with caplog.at_level(logging.WARNING, logger=outage.LOGGER_NAME):
        views(client, theme, 3)
        assert client.get("/healthz/ready/").json()["cache"] == "unavailable"

        hung.forwarding = True  # the stand-in now passes everything on to the real Redis
        time.sleep(0.6)
        caches["default"].clear()  # nothing of an earlier run
        assert client.get(THEME_SV)["X-Page-Cache"] == "miss"
        hit = client.get(THEME_SV)
        assert hit["X-Page-Cache"] == "hit"
        assert f">{theme.title_sv}</h1>" in hit.content.decode()
        assert client.get("/healthz/ready/").json()["cache"] == "ok"
        caches["default"].clear()
    logged = [r.getMessage() for r in caplog.records if r.name == outage.LOGGER_NAME]
    assert len(logged) == 2
    assert logged[0].startswith("Cache unavailable (")
    assert logged[1].startswith("Cache answers again after")


def test_without_the_cache_the_sites_are_read_once_per_process_not_per_address(
    client, cache_errors_logged, theme
):
    """While the cache is away, the sites' root paths are kept in the process: a page reads
    the sites once at most, not once for every address it draws."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from portal.caching import breaker

    cache_errors_logged.CACHES = breaker_cache(f"redis://127.0.0.1:{closed_port()}/12")
    breaker.local.forget()
    views(client, theme, 2)
    with CaptureQueriesContext(connection) as queries:
        views(client, theme, 1)
    site_reads = [q["sql"] for q in queries if 'FROM "wagtailcore_site"' in q["sql"]]
    assert len(site_reads) <= 1, f"{len(site_reads)} reads of the sites in one view"
    breaker.local.forget()
