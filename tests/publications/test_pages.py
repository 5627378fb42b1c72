"""A publication's own page (both languages, schema.org), the Atom feed and the JSON."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from publications.models import Publication, PublicationIndexPage, PublicationPageLink
from tests.factories import (
    PublicationFactory,
    PublicationIndexPageFactory,
    SectionPageFactory,
    TopicFactory,
)
from tests.helpers import elements, section

pytestmark = pytest.mark.django_db

SLUG = "atervandandeprogrammet-manual"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def catalogue():
    return PublicationIndexPageFactory(slug_sv="publikationer", slug_en="publications")


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
def test_publication_page_in_both_languages(client, path, other, title, edition):
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


def test_feed_lists_the_newest_publications(client):
    root, entries = feed_entries(client, "/sv/publikationer/feed/")
    assert len(entries) == 9
    years = []
    for entry in entries:
        link = entry.find(f"{ATOM}link").get("href")
        assert link.startswith("http://testserver/sv/publikationer/")
        slug = link.rstrip("/").rsplit("/", 1)[1]
        years.append(Publication.objects.get(slug=slug).year)
    assert years == sorted(years, reverse=True)
    assert root.find(f"{ATOM}title").text.startswith("Publikationer")
    self_link = [link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert self_link[0].get("href") == "http://testserver/sv/publikationer/feed/"


def test_feed_follows_the_current_filter_and_language(client):
    root, entries = feed_entries(client, "/en/publications/feed/?topic=barn")
    titles = sorted(entry.find(f"{ATOM}title").text for entry in entries)
    assert titles == [
        "Children in international human trafficking and exploitation – Guidance for the social services",
        "“They can always find me” – A study of human trafficking and the living conditions of "
        "vulnerable groups of children",
    ]
    assert "Children" in root.find(f"{ATOM}title").text
    catalogue_page = client.get("/en/publications/?topic=barn").content.decode()
    assert elements(catalogue_page, "link", type="application/atom+xml")[0]["href"] == (
        "/en/publications/feed/?topic=barn"
    )


def test_feed_ignores_bad_input(client):
    _root, entries = feed_entries(client, "/sv/publikationer/feed/?year_from=abc&topic=nej&q=%00")
    assert len(entries) == 9


# JSON -------------------------------------------------------------------------------


def test_json_has_count_pagination_and_items_with_the_same_filters(client):
    response = client.get("/en/publications/api/", {"topic": "atervandande", "sort": "title"})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    data = response.json()
    assert data["count"] == 3 and data["page"] == 1 and data["pages"] == 1
    assert data["next"] is None and data["previous"] is None
    assert data["filters"] == {"topic": "atervandande", "sort": "title"}
    assert [item["subtitle"] for item in data["items"]] == [
        "Information for authorities and voluntary organisations",
        "Manual for voluntary return and reintegration for people subjected to human "
        "trafficking and prostitution in Sweden",
        "Returning home",
    ]
    home = data["items"][2]
    assert (
        home["url"] == "http://testserver/en/publications/atervandandeprogrammet-att-atervanda-hem/"
    )
    assert [lang["code"] for lang in home["languages"]] == [
        "sv",
        "en",
        "ar",
        "bg",
        "es",
        "ro",
        "ru",
        "sr",
    ]
    assert home["languages"][2] == {
        "code": "ar",
        "name": "العربية",
        "status": "available",
        "document": None,
        "link": "https://www.jamstalldhetsmyndigheten.se/",
    }
    assert home["authors"] == [
        {"slug": "jamstalldhetsmyndigheten", "name": "Swedish Gender Equality Agency"},
        {"slug": "iom", "name": "IOM"},
    ]
    assert home["edition"] == 4 and home["editions"][0]["year"] == 2015
    assert home["type"] == {"slug": "broschyr", "name": "Brochure"}


def test_json_paginates_and_reports_ignored_parameters(client):
    page = PublicationIndexPage.objects.get()
    page.per_page = 5
    page.save_revision().publish()
    data = client.get("/sv/publikationer/api/", {"year_from": "abc"}).json()
    assert data["count"] == 9 and data["pages"] == 2
    assert data["next"] == "http://testserver/sv/publikationer/api/?page=2"
    assert len(data["items"]) == 5
    assert [notice for notice in data["ignored"] if "”abc”" in notice] == data["ignored"]
    assert len(data["ignored"]) == 1
    last = client.get("/sv/publikationer/api/", {"page": "999999"}).json()
    assert last["page"] == 2 and len(last["items"]) == 4
    assert last["previous"] == "http://testserver/sv/publikationer/api/"
