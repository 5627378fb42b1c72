"""Pages, the feed and JSON go out compressed to clients that accept it."""

import gzip

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "kind", "marker"),
    [
        ("/sv/vald/teman/manniskohandel-med-barn/", "text/html", b"<h1"),
        ("/sv/publikationer/", "text/html", b"pub-count"),
        ("/sv/publikationer/feed/", "application/atom+xml", b"<feed"),
        ("/sv/publikationer/api/", "application/json", b'"items"'),
    ],
)
def test_compressed_for_clients_that_ask(client, path, kind, marker):
    plain = client.get(path)
    packed = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
    assert packed.status_code == 200
    assert packed["Content-Type"].startswith(kind)
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    body = gzip.decompress(packed.content)
    assert marker in body
    assert len(packed.content) < len(plain.content) / 2
    assert "Content-Encoding" not in plain
