"""Bad input never breaks the catalogue, and its cost does not grow with its size."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from publications.models import Publication
from tests.factories import (
    OrganisationFactory,
    PublicationFactory,
    PublicationIndexPageFactory,
    PublicationTypeFactory,
    TopicFactory,
)
from tests.factories.catalogue import generate
from tests.helpers import elements

pytestmark = pytest.mark.django_db

ALL = 4  # the publications of the catalogue built for each test


@pytest.fixture
def catalogue():
    """Publikationer / Publications with four publications, all about human trafficking:
    one on the topic "familj", two on "skydd"; one by "regionen", of the type "broschyr-om"."""
    index = PublicationIndexPageFactory(slug_sv="publikationer", slug_en="publications")
    family = TopicFactory(slug="familj", name_sv="Familj", name_en="Family")
    protection = TopicFactory(slug="skydd", name_sv="Skydd", name_en="Protection")
    region = OrganisationFactory(slug="regionen", name_sv="Regionen", name_en="The Region")
    brochure = PublicationTypeFactory(slug="broschyr-om", name_sv="Broschyr", name_en="Brochure")
    built = [
        PublicationFactory(
            title_sv="Människohandel med barn",
            title_en="Trafficking in children",
            year=2019,
            topics=[family],
            languages=["sv", "en"],
        ),
        PublicationFactory(
            title_sv="Skydd för offer för människohandel",
            year=2021,
            topics=[protection],
            authors=[region],
            publication_type=brochure,
        ),
        PublicationFactory(
            title_sv="Stöd vid människohandel",
            description_sv="<p>Om barn och vuxna.</p>",
            year=2023,
            topics=[protection],
        ),
        PublicationFactory(title_sv="Människohandel i siffror", year=2024),
    ]
    assert len(built) == ALL
    return index


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
        ("year_from=abc", ALL, "abc"),
        ("year_to=20199", ALL, "20199"),
        ("year_from=%EF%BC%92%EF%BC%90%EF%BC%91%EF%BC%99", ALL, "２０１９"),  # full-width digits
        ("topic=does-not-exist", ALL, "does-not-exist"),
        ("type=%27%3B+DROP+TABLE+publications_publication%3B--", ALL, "DROP TABLE"),
        ("author=..%2F..%2Fetc%2Fpasswd", ALL, "passwd"),
        ("language=klingon", ALL, "klingon"),
        ("sort=random()", ALL, "random()"),
        ("page=999999", ALL, "999999"),
        ("page=-1", ALL, "-1"),
        ("page=1e9", ALL, "1e9"),
        ("page=0", ALL, "0"),
        ("topic=familj&topic=skydd", 2, ""),  # the last of a repeated parameter counts
        ("year_from=2018&year_from=abc", ALL, "abc"),
        ("q=%00", ALL, ""),
        ("q=%27+OR+1%3D1+--", None, ""),  # searched for as the words "or" and "1"
        ("q=%25", ALL, ""),  # a word of punctuation alone is not searched for
        ("q=_", 0, ""),
    ],
)
def test_malformed_values_are_ignored_with_a_clear_message(
    client, catalogue, path, query, shown, notice
):
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
    assert Publication.objects.filter(live=True).count() == ALL


def test_wildcards_in_the_search_text_are_not_wildcards(client):
    PublicationIndexPageFactory(slug_sv="publikationer", slug_en="publications")
    PublicationFactory(slug="procent", title_sv="Hundra % säkert_ord", year=2020)
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
def test_html_in_the_query_is_shown_escaped_everywhere(client, catalogue, path):
    html = client.get(path, {"q": PROBE, "topic": PROBE, "year_from": PROBE}).content.decode()
    assert "<x-probe" not in html
    assert "&lt;x-probe onload=alert(1)&gt;" in html  # in the search box, the notices, the chip


def test_a_very_long_query_is_shortened_not_refused(client, catalogue):
    response = client.get("/sv/publikationer/", {"q": "människohandel " * 700})
    assert response.status_code == 200
    html = response.content.decode()
    assert "200" in notices(html)
    assert result_count(html) == ALL
    field = elements(html, "input", name="q")[0]
    assert len(field["value"]) <= 200


@pytest.mark.parametrize("suffix", ["feed/", "api/"])
def test_feed_and_json_survive_bad_input_too(client, catalogue, suffix):
    for query in ("year_from=abc&page=-1", "q=" + "x" * 10_000, "topic=a&topic=b&sort=%00"):
        response = client.get(f"/sv/publikationer/{suffix}?{query}")
        assert response.status_code == 200, query


parameter_values = st.one_of(
    st.text(max_size=60),
    st.sampled_from(
        ["abc", "-1", "0", "999999", "2018", "skydd", "regionen", "title", "%", "'", PROBE]
    ),
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
def test_any_query_string_gives_a_page_never_an_error(client, catalogue, pairs, path):
    response = client.get(f"{path}?{urlencode(pairs)}")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<x-probe" not in body
    if not path.endswith("api/"):
        assert elements(body, "h2", id="pub-count")


# Scale ------------------------------------------------------------------------------

# A view of the catalogue, whatever its filters and text, with the page cache off.
MAX_QUERIES = 10
FILTERED = "/sv/publikationer/?topic=familj&year_from=1990&language=sv&q=barn&sort=title"


def queries_for(client, path: str) -> tuple[int, int]:
    client.get(path)  # warm caches that are not the catalogue's (site root paths)
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200
    return len(context.captured_queries), result_count(response.content.decode())


@pytest.mark.parametrize(
    ("path", "grows"),
    [
        (FILTERED, True),
        ("/sv/publikationer/?q=barn", True),
        ("/en/publications/", True),
        # No generated publication has this author and type.
        ("/en/publications/?author=regionen&type=broschyr-om", False),
    ],
)
def test_query_count_does_not_grow_with_the_catalogue(client, catalogue, path, grows):
    live = Publication.objects.filter(live=True)
    generate(10 - live.count(), seed=3)
    small, shown_small = queries_for(client, path)
    generate(200 - live.count(), seed=4)
    assert live.count() == 200
    large, shown_large = queries_for(client, path)
    assert shown_small > 0
    # The larger catalogue is the one listed.
    assert shown_large > shown_small if grows else shown_large == shown_small
    assert small == large
    assert large <= MAX_QUERIES
