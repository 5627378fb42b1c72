"""A publication's own page (both languages, schema.org), the Atom feed and the JSON."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from publications.models import Publication, PublicationPageLink
from tests.factories import (
    OrganisationFactory,
    PublicationFactory,
    PublicationIndexPageFactory,
    SectionPageFactory,
    TopicFactory,
)
from tests.factories.sample_catalogue import TITLE_ORDER_EN
from tests.helpers import elements, section

pytestmark = pytest.mark.django_db

SLUG = "atervandandeprogrammet-handbok"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def catalogue():
    return PublicationIndexPageFactory(slug_sv="publikationer", slug_en="publications")


@pytest.fixture
def manual(catalogue):
    """A third edition with two authors, in Swedish only (SLUG)."""
    return PublicationFactory(
        slug=SLUG,
        title_sv="Återvändandeprogrammet",
        title_en="The Return Programme",
        year=2019,
        edition=3,
        editions=[
            {
                "number": 1,
                "year": 2014,
                "publisher_sv": "Länsstyrelsen Stockholm och IOM",
                "publisher_en": "the County Administrative Board of Stockholm and IOM",
            }
        ],
        authors=[
            OrganisationFactory(),
            OrganisationFactory(slug="iom-org", name_sv="IOM", name_en="IOM"),
        ],
        languages=["sv"],
    )


def json_ld(html: str) -> dict:
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(scripts) == 1
    return json.loads(scripts[0])


@pytest.mark.parametrize(
    ("path", "other", "title", "edition"),
    [
        (
            f"/sv/publikationer/{SLUG}/",
            f"/en/publications/{SLUG}/",
            "Återvändandeprogrammet",
            "first edition 2014",
        ),
        (
            f"/en/publications/{SLUG}/",
            f"/sv/publikationer/{SLUG}/",
            "The Return Programme",
            "3rd edition; first edition 2014 by the County Administrative Board of Stockholm and IOM",
        ),
    ],
)
def test_publication_page_in_both_languages(client, manual, path, other, title, edition):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert f">{title}</h1>" in html
    assert f"<title>{title} – " in html
    # The language switcher and hreflang lead to the same publication.
    switcher = elements(section(html, '<nav class="language-switcher"'), "a")
    assert [a["href"] for a in switcher] == [other]
    alternates = {a["hreflang"]: a["href"] for a in elements(html, "link", rel="alternate")}
    assert alternates[other[1:3]] == f"http://testserver{other}"
    crumbs = elements(section(html, '<nav class="breadcrumbs"'), "a")
    assert crumbs[-1]["aria-current"] == "page" and crumbs[-1]["href"] == path
    assert crumbs[-2]["href"] == path.rsplit("/", 2)[0] + "/"
    data = json_ld(html)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Book"
    assert data["name"] == title
    assert data["url"] == f"http://testserver{path}"
    assert data["datePublished"] == "2019"
    assert len(data["author"]) == 2 and data["author"][1] == {
        "@type": "Organization",
        "name": "IOM",
    }
    assert data["inLanguage"] == ["sv"]
    if path.startswith("/en/"):
        assert edition in html and data["bookEdition"].startswith("3rd edition")


def test_publication_page_links_back_to_topics_and_related_pages(client, catalogue):
    topic = TopicFactory()
    publication = PublicationFactory(topics=[topic])
    violence = SectionPageFactory(slug_sv="vald", slug_en="violence")
    PublicationPageLink.objects.create(publication=publication, page=violence)
    html = client.get(publication.url_in(catalogue, language="en")).content.decode()
    assert elements(html, "a", href=f"/en/publications/?topic={topic.slug}")
    assert elements(html, "a", href="/en/violence/")
    assert list(Publication.objects.for_page(violence)) == [publication]


def test_unknown_or_draft_publication_is_not_found(client, catalogue):
    assert client.get("/sv/publikationer/finns-inte/").status_code == 404
    PublicationFactory(slug="utkast", title_sv="Utkast", live=False)
    assert client.get("/sv/publikationer/utkast/").status_code == 404
    assert "Utkast" not in client.get("/sv/publikationer/").content.decode()


def test_json_ld_cannot_break_out_of_its_script(client, catalogue):
    PublicationFactory(slug="script", title_sv="</script><script>alert(1)</script>")
    html = client.get("/sv/publikationer/script/").content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld(html)["name"] == "</script><script>alert(1)</script>"


# Atom -------------------------------------------------------------------------------


def feed_entries(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    return root, root.findall(f"{ATOM}entry")


def test_feed_lists_the_newest_publications(client, sample):
    root, entries = feed_entries(client, "/sv/publikationer/feed/")
    assert len(entries) == len(sample.publications)
    years = []
    for entry in entries:
        link = entry.find(f"{ATOM}link").get("href")
        assert link.startswith("http://testserver/sv/publikationer/")
        slug = link.rstrip("/").rsplit("/", 1)[1]
        years.append(sample[slug].year)
    assert years == sorted(years, reverse=True)
    assert root.find(f"{ATOM}title").text.startswith(sample.page.title_sv)
    self_link = [link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert self_link[0].get("href") == "http://testserver/sv/publikationer/feed/"


def test_feed_follows_the_current_filter_and_language(client, sample):
    topic = sample.topics["barn"]
    root, entries = feed_entries(client, f"/en/publications/feed/?topic={topic.slug}")
    titles = sorted(entry.find(f"{ATOM}title").text for entry in entries)
    on_topic = [sample[slug] for slug in sample.with_topic(topic.slug)]
    assert len(on_topic) == 2
    assert titles == sorted(f"{p.title_en} – {p.subtitle_en}" for p in on_topic)
    assert topic.name_en in root.find(f"{ATOM}title").text
    catalogue_page = client.get(f"/en/publications/?topic={topic.slug}").content.decode()
    assert elements(catalogue_page, "link", type="application/atom+xml")[0]["href"] == (
        f"/en/publications/feed/?topic={topic.slug}"
    )


def test_feed_ignores_bad_input(client, sample):
    _root, entries = feed_entries(client, "/sv/publikationer/feed/?year_from=abc&topic=nej&q=%00")
    assert len(entries) == len(sample.publications)


# JSON -------------------------------------------------------------------------------


def test_json_has_count_pagination_and_items_with_the_same_filters(client, sample):
    topic = sample.topics["heder"]
    response = client.get("/en/publications/api/", {"topic": topic.slug, "sort": "title"})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    data = response.json()
    assert data["count"] == 3 and data["page"] == 1 and data["pages"] == 1
    assert data["next"] is None and data["previous"] is None
    assert data["filters"] == {"topic": topic.slug, "sort": "title"}
    in_order = [slug for slug in TITLE_ORDER_EN if slug in sample.with_topic(topic.slug)]
    assert [item["subtitle"] for item in data["items"]] == [
        sample[slug].subtitle_en for slug in in_order
    ]
    leaflet = sample["hedersrelaterat-skolan"]  # five languages, a fourth edition
    url = f"http://testserver/en/publications/{leaflet.slug}/"
    (item,) = [item for item in data["items"] if item["url"] == url]
    assert [lang["code"] for lang in item["languages"]] == ["sv", "en", "ar", "fa", "so"]
    arabic = item["languages"][2]
    assert (arabic["code"], arabic["name"], arabic["status"]) == ("ar", "العربية", "available")
    assert arabic["document"] is None and "link" in arabic
    (author,) = leaflet.authors
    assert item["authors"] == [{"slug": author.slug, "name": author.name_en}]
    assert item["edition"] == 4 and item["editions"][0]["year"] == 2012
    kind = leaflet.publication_type
    assert item["type"] == {"slug": kind.slug, "name": kind.name_en}


def test_json_paginates_and_reports_ignored_parameters(client, sample):
    page = sample.page
    page.per_page = 5
    page.save_revision().publish()
    total = len(sample.publications)
    data = client.get("/sv/publikationer/api/", {"year_from": "abc"}).json()
    assert data["count"] == total and data["pages"] == 2
    assert data["next"] == "http://testserver/sv/publikationer/api/?page=2"
    assert len(data["items"]) == 5
    assert [notice for notice in data["ignored"] if "”abc”" in notice] == data["ignored"]
    assert len(data["ignored"]) == 1
    last = client.get("/sv/publikationer/api/", {"page": "999999"}).json()
    assert last["page"] == 2 and len(last["items"]) == total - 5
    assert last["previous"] == "http://testserver/sv/publikationer/api/"
