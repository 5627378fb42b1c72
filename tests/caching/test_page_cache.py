"""The anonymous page cache: hits, invalidation on publish, languages, ETags, Redis."""

import os
import socket

import pytest
from django.core.cache import caches
from django.test import override_settings
from django.utils.module_loading import import_string

from portal.caching.generation import GENERATION_KEY
from tests.factories import (
    HotlineFactory,
    SectionPageFactory,
    StandardPageFactory,
    ThemePageFactory,
    stream,
)
from tests.helpers import url_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    caches["default"].clear()
    yield
    caches["default"].clear()


@pytest.fixture
def violence():
    return SectionPageFactory(
        title_sv="Våld", title_en="Violence", slug_sv="vald", slug_en="violence"
    )


@pytest.fixture
def contact():
    return StandardPageFactory(
        title_sv="Kontakt", title_en="Contact", slug_sv="kontakt", slug_en="contact"
    )


def test_second_view_is_served_from_the_cache_without_the_database(
    client, violence, django_assert_num_queries
):
    first = client.get("/sv/vald/")
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/sv/vald/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_each_language_is_cached_apart(client, violence):
    client.get("/sv/vald/")
    client.get("/en/violence/")
    assert ">Våld</h1>" in client.get("/sv/vald/").content.decode()
    assert ">Violence</h1>" in client.get("/en/violence/").content.decode()


def test_publishing_unpublishing_and_moving_reach_visitors_at_once(client, violence, contact):
    client.get("/sv/vald/")
    violence.title_sv = "Våld och förtryck"
    violence.save_revision().publish()
    response = client.get("/sv/vald/")
    assert response["X-Page-Cache"] == "miss"
    assert ">Våld och förtryck</h1>" in response.content.decode()

    client.get("/sv/kontakt/")
    contact.unpublish()
    assert client.get("/sv/kontakt/").status_code == 404

    contact.save_revision().publish()
    contact.move(violence, pos="last-child")
    assert client.get("/sv/vald/kontakt/").status_code == 200


def test_a_changed_snippet_reaches_the_pages_that_show_it(client):
    hotline = HotlineFactory(name_sv="Nationella stödtelefonen")
    theme = ThemePageFactory(
        body_sv=stream(("hotline", hotline.pk)), body_en=stream(("hotline", hotline.pk))
    )
    url = url_in(theme, "sv")
    assert "Nationella stödtelefonen" in client.get(url).content.decode()
    hotline.name_sv = "Stödtelefonen mot människohandel"
    hotline.save()
    assert "Stödtelefonen mot människohandel" in client.get(url).content.decode()


def test_conditional_get_answers_304(client, violence):
    etag = client.get("/en/violence/")["ETag"]
    response = client.get("/en/violence/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304


def test_logged_in_editors_are_never_served_a_cached_page(client, violence, django_user_model):
    client.get("/sv/vald/")
    django_user_model.objects.create_superuser("e", "e@example.org", "pw")
    # Through the admin's sign-in, which marks the editor (portal.caching.editors).
    assert client.post("/admin/login/", {"username": "e", "password": "pw"}).status_code == 302
    response = client.get("/sv/vald/")
    assert "X-Page-Cache" not in response


def _redis_up() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/15",
        "KEY_PREFIX": "portal-test",
        "OPTIONS": {
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
            "IGNORE_EXCEPTIONS": True,
        },
    }
}


def _another_process(config):
    """A cache client of its own on the same Redis, as another app process has."""
    options = {name: value for name, value in config.items() if name not in ("BACKEND", "LOCATION")}
    return import_string(config["BACKEND"])(config["LOCATION"], options)


def test_invalidation_is_shared_through_redis(client, violence):
    if not _redis_up():
        if os.environ.get("CI"):
            pytest.fail("Redis must run on 127.0.0.1:6379 in CI")
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    with override_settings(CACHES=REDIS):
        caches["default"].clear()
        assert client.get("/sv/vald/")["X-Page-Cache"] == "miss"
        assert client.get("/sv/vald/")["X-Page-Cache"] == "hit"
        # Another app process bumps the generation in Redis: this one sees it at once.
        other_process = _another_process(REDIS["default"])
        other_process.incr(GENERATION_KEY)
        assert client.get("/sv/vald/")["X-Page-Cache"] == "miss"
        caches["default"].clear()


def test_site_keeps_serving_when_redis_is_down(client, violence):
    down = {"default": {**REDIS["default"], "LOCATION": "redis://127.0.0.1:1/0"}}
    with override_settings(CACHES=down):
        for _ in range(2):
            response = client.get("/sv/vald/")
            assert response.status_code == 200
            assert ">Våld</h1>" in response.content.decode()


SECURITY_HEADERS = (
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "X-Frame-Options",
    "Content-Language",
    "Cache-Control",
)


def test_a_hit_carries_the_same_headers_as_the_page_it_keeps(client, violence):
    miss = client.get("/en/violence/")
    hit = client.get("/en/violence/")
    assert hit["X-Page-Cache"] == "hit"
    for header in SECURITY_HEADERS:
        assert hit.get(header) == miss.get(header) is not None, header
    assert hit["Content-Language"] == "en"


def test_a_hit_asks_the_cache_once(client, violence, monkeypatch):
    """The generation and the page come in one round trip (one MGET in Redis)."""
    from portal.caching import generation as page_cache

    client.get("/sv/vald/")
    calls = []
    real = page_cache.cache

    class Counting:
        def __getattr__(self, name):
            calls.append(name)
            return getattr(real, name)

    monkeypatch.setattr(page_cache, "cache", Counting())
    assert client.get("/sv/vald/")["X-Page-Cache"] == "hit"
    assert calls == ["get_many"]


def test_a_draft_saved_keeps_the_cache_and_publishing_it_renews_it(client, contact):
    from portal.caching import generation as page_cache

    page = contact
    before = page_cache.generation()
    page.title_sv = "Kontakta oss"
    page.save_revision()  # an editor's draft, or the editor's autosave
    assert page_cache.generation() == before
    assert client.get("/sv/kontakt/")["X-Page-Cache"] == "miss"
    assert client.get("/sv/kontakt/")["X-Page-Cache"] == "hit"

    page.get_latest_revision().publish()
    assert page_cache.generation() > before
    response = client.get("/sv/kontakt/")
    assert response["X-Page-Cache"] == "miss"
    assert "Kontakta oss" in response.content.decode()


def test_a_change_saved_in_a_transaction_starts_a_generation_again_when_committed(
    django_capture_on_commit_callbacks,
):
    """What another process kept between the save and the commit (the old rows under
    the new generation) is superseded when the change is committed."""
    from django.db import transaction

    from portal.caching import generation as page_cache

    hotline = HotlineFactory()
    before = page_cache.generation()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        hotline.opening_hours_sv = "Dygnet runt"
        hotline.save()
        during = page_cache.generation()
    assert before < during < page_cache.generation()


def test_a_document_measured_on_first_view_keeps_the_cache(client, tmp_path, settings):
    """Wagtail fills in a document's size on first read when it is missing (a file added in
    code rather than uploaded), saving the row: the file is the same, so the cached pages
    stay."""
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    from portal.caching import generation as page_cache

    settings.MEDIA_ROOT = str(tmp_path)
    document = Document(title="Manual")
    document.file.save("manual.pdf", ContentFile(b"%PDF-1.4 a manual"), save=False)
    document.file_size = None
    document.save()
    before = page_cache.generation()
    assert Document.objects.get(pk=document.pk).get_file_size() == 17
    assert Document.objects.get(pk=document.pk).file_size == 17  # saved
    assert page_cache.generation() == before
    document.title = "Manualen"
    document.save()  # a change visitors see
    assert page_cache.generation() > before
