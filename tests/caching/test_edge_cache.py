"""The shared cache in front: the app behind a real nginx (deploy/nginx/portal.conf).

One nginx per module, in a temporary prefix, in front of Django's live server; Wagtail's
frontend cache purges through the config's purge server. Skipped only where nginx is not
installed (CI installs it).
"""

from __future__ import annotations

import gzip
import socket
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.factories import (
    PublicationFactory,
    PublicationIndexPageFactory,
    SectionPageFactory,
    ThemeIndexPageFactory,
    ThemePageFactory,
)
from tests.seed_snapshot import kept_seed
from tools import nginx_conf, serve

pytestmark = [
    pytest.mark.skipif(nginx_conf.nginx() is None, reason="nginx is not installed"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
HOST = "testserver"  # the test site's host name: the purges name it too


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect is the answer looked at


NO_REDIRECTS = urllib.request.build_opener(_NoRedirect)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def _seeded_snapshot(django_db_setup, django_db_blocker):
    """These tests flush the database (the live server needs committed rows): each starts
    from the seed, and the seed is put back for the tests that come after."""
    with kept_seed(django_db_blocker) as snapshot:
        yield snapshot


@pytest.fixture(autouse=True)
def _starts_from_the_seed(_seeded_snapshot, transactional_db):
    _seeded_snapshot.restore()


@pytest.fixture(scope="module")
def proxy(_seeded_snapshot, live_server, tmp_path_factory, django_db_blocker):
    """nginx in front of the live server: (its address, the media folder it serves)."""
    prefix = tmp_path_factory.mktemp("nginx")
    media = tmp_path_factory.mktemp("media")
    port, purge_port = _free_port(), _free_port()
    conf = nginx_conf.prepare(
        prefix,
        listen=f"127.0.0.1:{port}",
        app=live_server.url.removeprefix("http://"),
        purge=f"127.0.0.1:{purge_port}",
        static_root=Path(__file__).resolve().parents[2] / "static",
        media_root=media,
    )
    process = subprocess.Popen(nginx_conf.command(prefix, conf), start_new_session=True)
    try:
        with django_db_blocker.unblock():
            serve.wait_for(f"http://127.0.0.1:{port}/healthz/live/", process)
        yield f"http://127.0.0.1:{port}", purge_port, media
    finally:
        serve.stop(process)


@pytest.fixture
def through(proxy, settings):
    """GET through nginx as a visitor of the test site: (status, headers, body)."""
    base, purge_port, _media = proxy
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{purge_port}",
        }
    }

    def get(path: str, **headers):
        request = urllib.request.Request(base + path, headers={"Host": HOST, **headers})
        try:
            with NO_REDIRECTS.open(request, timeout=10) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    return get


def text(body: bytes) -> str:
    return body.decode()


def test_a_page_is_kept_and_a_publish_shows_at_once_in_both_languages(through):
    section = SectionPageFactory(title_sv="Våld", title_en="Violence", slug_sv="vald")
    index = ThemeIndexPageFactory(parent=section, slug_sv="teman", slug_en="themes")
    theme = ThemePageFactory(
        parent=index, title_sv="Barn", title_en="Children", slug_sv="barn", slug_en="children"
    )
    sv, en, listing = (
        "/sv/vald/teman/barn/",
        f"/en/{section.slug_en}/themes/children/",
        "/sv/vald/teman/",
    )

    status, headers, body = through(sv)
    assert status == 200 and headers["X-Cache-Status"] == "MISS"
    assert "public" in headers["Cache-Control"] and "s-maxage=300" in headers["Cache-Control"]
    assert "max-age=0" in headers["Cache-Control"]  # browsers revalidate
    assert through(sv)[1]["X-Cache-Status"] == "HIT"
    for path in (en, listing, en, listing):
        through(path)
    assert through(en)[1]["X-Cache-Status"] == "HIT"
    assert ">Barn<" in text(through(listing)[2])

    theme.title_sv, theme.title_en = "Barn som utsätts", "Children at risk"
    theme.save_revision().publish()

    status, headers, body = through(sv)
    assert headers["X-Cache-Status"] == "MISS" and ">Barn som utsätts</h1>" in text(body)
    assert ">Children at risk</h1>" in text(through(en)[2])
    assert "Barn som utsätts" in text(through(listing)[2])  # the theme index lists it
    assert through(sv)[1]["X-Cache-Status"] == "HIT"


def test_a_moved_page_leaves_its_old_place_at_once(through):
    violence = SectionPageFactory(title_sv="Våld", slug_sv="vald")
    support = SectionPageFactory(title_sv="Stöd", slug_sv="stod")
    contact = SectionPageFactory(parent=violence, title_sv="Kontakt", slug_sv="kontakt")
    for path in ("/sv/vald/kontakt/", "/sv/vald/", "/sv/vald/kontakt/", "/sv/vald/"):
        through(path)
    assert through("/sv/vald/kontakt/")[1]["X-Cache-Status"] == "HIT"

    contact.move(support, pos="last-child")

    status, headers, _body = through("/sv/vald/kontakt/")
    assert status in (301, 302) and headers["Location"].endswith("/sv/stod/kontakt/")
    assert "Kontakt" not in text(through("/sv/vald/")[2]).split("<main", 1)[-1]
    assert through("/sv/stod/kontakt/")[0] == 200


def test_a_renamed_page_and_those_below_it_leave_their_old_addresses_at_once(through):
    violence = SectionPageFactory(title_sv="Våld", slug_sv="vald")
    SectionPageFactory(parent=violence, title_sv="Kontakt", slug_sv="kontakt")
    for path in ("/sv/vald/", "/sv/vald/kontakt/", "/sv/vald/", "/sv/vald/kontakt/"):
        through(path)
    assert through("/sv/vald/kontakt/")[1]["X-Cache-Status"] == "HIT"

    violence.slug_sv = "vald-i-nara-relationer"
    violence.save_revision().publish()

    for old, new in (("/sv/vald/", ""), ("/sv/vald/kontakt/", "kontakt/")):
        status, headers, _body = through(old)
        assert status in (301, 302)
        assert headers["Location"].endswith(f"/sv/vald-i-nara-relationer/{new}")


def test_a_publication_change_shows_on_its_page_and_in_the_catalogue(through):
    catalogue = PublicationIndexPageFactory(slug_sv="publikationer", slug_en="publications")
    publication = PublicationFactory(title_sv="Vägledning om våld", slug="vagledning")
    own, listing = "/sv/publikationer/vagledning/", "/sv/publikationer/"
    for path in (own, listing, own, listing):
        through(path)
    assert through(own)[1]["X-Cache-Status"] == "HIT"
    assert through(listing)[1]["X-Cache-Status"] == "HIT"
    assert catalogue.live

    publication.title_sv = "Vägledning om våld i nära relationer"
    publication.save_revision().publish()

    assert "Vägledning om våld i nära relationer" in text(through(own)[2])
    assert "Vägledning om våld i nära relationer" in text(through(listing)[2])


def test_editors_and_unknown_query_strings_are_not_kept(through):
    SectionPageFactory(title_sv="Våld", slug_sv="vald")
    through("/sv/vald/")
    assert through("/sv/vald/")[1]["X-Cache-Status"] == "HIT"
    assert through("/sv/vald/", Cookie="portal_editor=x")[1]["X-Cache-Status"] == "BYPASS"
    through("/sv/vald/?utm_source=x")
    status, headers, _body = through("/sv/vald/?utm_source=x")
    assert status == 200 and headers["X-Cache-Status"] == "MISS"
    assert "s-maxage" not in headers.get("Cache-Control", "")


def test_static_and_media_are_served_by_nginx_and_text_is_compressed(through, proxy):
    _base, _purge, media = proxy
    (media / "images").mkdir(exist_ok=True)
    (media / "images" / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    (media / "documents").mkdir(exist_ok=True)
    (media / "documents" / "private.pdf").write_bytes(b"%PDF-1.4")
    SectionPageFactory(title_sv="Våld", slug_sv="vald")

    status, headers, body = through("/media/images/cover.png")
    assert status == 200 and body.startswith(b"\x89PNG") and "Server" in headers
    assert "gunicorn" not in headers.get("Server", "") and "WSGIServer" not in headers["Server"]
    # Documents keep their permissions: only the app serves them.
    assert through("/media/documents/private.pdf")[0] == 404

    status, headers, body = through("/static/css/portal.css", **{"Accept-Encoding": "gzip"})
    assert status == 200 and "WSGIServer" not in headers["Server"]
    assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body)

    status, headers, body = through("/sv/vald/", **{"Accept-Encoding": "gzip"})
    assert headers["Content-Encoding"] == "gzip" and ">Våld</h1>" in gzip.decompress(body).decode()
    if nginx_conf.BROTLI_MODULE.exists():
        status, headers, body = through("/sv/vald/", **{"Accept-Encoding": "br"})
        assert headers["Content-Encoding"] == "br"
