"""Bad input never breaks the catalogue, and its cost does not grow with its size."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from publications.models import Publication
from tests.factories.catalogue import generate
from tests.helpers import elements

pytestmark = pytest.mark.django_db

PATHS = ["/sv/publikationer/", "/en/publications/"]
PARAMETERS = ["q", "topic", "type", "year_from", "year_to", "language", "author", "sort", "page"]
PROBE = "<x-probe onload=alert(1)>"


def notices(html: str) -> str:
    start = html.find('<div class="notice pub-notices"')
    return html[start : html.index("</div>", start)] if start >= 0 else ""


def result_count(html: str) -> int:
    return len(elements(html, "li", **{"class": "pub-item"}))


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize(
    ("query", "shown", "notice"),
    [
        ("year_from=abc", 9, "abc"),
        ("year_to=20199", 9, "20199"),
        ("year_from=%EF%BC%92%EF%BC%90%EF%BC%91%EF%BC%99", 9, "２０１９"),  # full-width digits
        ("topic=does-not-exist", 9, "does-not-exist"),
        ("type=%27%3B+DROP+TABLE+publications_publication%3B--", 9, "DROP TABLE"),
        ("author=..%2F..%2Fetc%2Fpasswd", 9, "passwd"),
        ("language=klingon", 9, "klingon"),
        ("sort=random()", 9, "random()"),
        ("page=999999", 9, "999999"),
        ("page=-1", 9, "-1"),
        ("page=1e9", 9, "1e9"),
        ("page=0", 9, "0"),
        ("topic=barn&topic=atervandande", 3, ""),  # the last of a repeated parameter counts
        ("year_from=2018&year_from=abc", 9, "abc"),
        ("q=%00", 9, ""),
        ("q=%27+OR+1%3D1+--", None, ""),  # searched for as the words "or" and "1"
        ("q=%25", 9, ""),  # a word of punctuation alone is not searched for
        ("q=_", 0, ""),
    ],
)
def test_malformed_values_are_ignored_with_a_clear_message(client, path, query, shown, notice):
    response = client.get(f"{path}?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    if shown is not None:
        assert result_count(html) == shown
    if notice:
        assert notice in notices(html)
    else:
        assert notices(html) == ""
    # The table is still there.
    assert Publication.objects.count() >= 9


def test_wildcards_in_the_search_text_are_not_wildcards(client):
    publication = Publication(slug="procent", title_sv="Hundra % säkert_ord", year=2020)
    publication.save()
    publication.save_revision().publish()
    for query, expected in (
        ("s_kert", 0),  # "_" is no wildcard: it does not stand for "ä"
        ("_ord", 1),  # a part of a word is found, as in compounds
        ("säkert_", 1),
        ("% säkert", 1),
        ("100 % säkert", 0),
        ("säkert_ord", 1),
    ):
        html = client.get("/sv/publikationer/", {"q": query}).content.decode()
        assert result_count(html) == expected, query


@pytest.mark.parametrize("path", PATHS)
def test_html_in_the_query_is_shown_escaped_everywhere(client, path):
    html = client.get(path, {"q": PROBE, "topic": PROBE, "year_from": PROBE}).content.decode()
    assert "<x-probe" not in html
    assert "&lt;x-probe onload=alert(1)&gt;" in html  # in the search box, the notices, the chip


def test_a_very_long_query_is_shortened_not_refused(client):
    response = client.get("/sv/publikationer/", {"q": "människohandel " * 700})
    assert response.status_code == 200
    html = response.content.decode()
    assert "200" in notices(html)
    assert result_count(html) == 9
    field = elements(html, "input", name="q")[0]
    assert len(field["value"]) <= 200


@pytest.mark.parametrize("suffix", ["feed/", "api/"])
def test_feed_and_json_survive_bad_input_too(client, suffix):
    for query in ("year_from=abc&page=-1", "q=" + "x" * 10_000, "topic=a&topic=b&sort=%00"):
        response = client.get(f"/sv/publikationer/{suffix}?{query}")
        assert response.status_code == 200, query


parameter_values = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["abc", "-1", "0", "999999", "2018", "barn", "iom", "title", "%", "'", PROBE]),
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
)
query_strings = st.lists(
    st.tuples(st.one_of(st.sampled_from(PARAMETERS), st.text(max_size=10)), parameter_values),
    max_size=8,
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(pairs=query_strings, path=st.sampled_from(PATHS + [p + "api/" for p in PATHS]))
def test_any_query_string_gives_a_page_never_an_error(client, pairs, path):
    response = client.get(f"{path}?{urlencode(pairs)}")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<x-probe" not in body
    if not path.endswith("api/"):
        assert elements(body, "h2", id="pub-count")


# Scale ------------------------------------------------------------------------------

FILTERED = "/sv/publikationer/?topic=manniskohandel&year_from=1990&language=sv&q=barn&sort=title"


def queries_for(client, path: str) -> tuple[int, int]:
    client.get(path)  # warm caches that are not the catalogue's (site root paths)
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200
    return len(context.captured_queries), result_count(response.content.decode())


@pytest.mark.parametrize(
    "path", [FILTERED, "/en/publications/", "/en/publications/?author=iom&type=broschyr"]
)
def test_query_count_does_not_grow_with_the_catalogue(client, path):
    generate(10 - Publication.objects.count() if Publication.objects.count() < 10 else 1, seed=3)
    small, shown_small = queries_for(client, path)
    generate(200 - Publication.objects.count(), seed=4)
    assert Publication.objects.count() == 200
    large, shown_large = queries_for(client, path)
    assert shown_small > 0 and shown_large > 0
    assert small == large
