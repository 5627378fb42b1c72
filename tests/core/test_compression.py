"""Pages, the feed and JSON go out compressed to clients that accept it."""

import gzip

import pytest

from tests.factories import PublicationFactory, PublicationIndexPageFactory
from tests.factories.trees import THEME_SV, violence_theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    """A theme page, and the catalogue with two publications (for its feed and JSON)."""
    violence_theme()
    catalogue = PublicationIndexPageFactory(slug_sv="publikationer", slug_en="publications")
    PublicationFactory.create_batch(2)
    return catalogue


@pytest.mark.parametrize(
    ("path", "kind", "marker"),
    [
        (THEME_SV, "text/html", b"<h1"),
        ("/sv/publikationer/", "text/html", b"pub-count"),
        ("/sv/publikationer/feed/", "application/atom+xml", b"<feed"),
        ("/sv/publikationer/api/", "application/json", b'"items"'),
    ],
)
def test_compressed_for_clients_that_ask(client, content, path, kind, marker):
    plain = client.get(path)
    packed = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
    assert plain.status_code == 200
    assert packed.status_code == 200
    assert packed["Content-Type"].startswith(kind)
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    body = gzip.decompress(packed.content)
    assert marker in body
    assert body == plain.content
    assert len(packed.content) < len(plain.content) / 2
    assert "Content-Encoding" not in plain
