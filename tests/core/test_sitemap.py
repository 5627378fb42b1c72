"""Crawlers find every public page and publication in both languages, and nothing else."""

import re

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import (
    PublicationFactory,
    PublicationIndexPageFactory,
    StandardPageFactory,
    site_home,
)
from tests.factories.trees import CONTACT_SV, THEME_EN, THEME_SV, violence_theme

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


@pytest.fixture
def content():
    """The violence theme with its frame and Kontakt, the catalogue, three publications."""
    theme = violence_theme()
    PublicationIndexPageFactory(slug_sv="publikationer", slug_en="publications")
    publications = PublicationFactory.create_batch(3)
    return theme, publications


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return response.content.decode()


def locations(xml: str) -> set[str]:
    return set(re.findall(r"<loc>(.*?)</loc>", xml))


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_admin_and_search(client):
    site_home()
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert f"Sitemap: {BASE}/sitemap.xml" in lines
    assert {"Disallow: /admin/", "Disallow: /sv/sok/", "Disallow: /en/search/"} <= set(lines)


def test_every_page_and_publication_is_listed_in_both_languages_with_alternates(client, content):
    theme, publications = content
    xml = sitemap(client)
    found = locations(xml)
    for page in (theme.section, theme.index, theme.page, theme.support, theme.contact):
        urls = page.language_urls(full=True)
        assert {urls["sv"], urls["en"]} <= found, page.title_sv
    assert BASE + THEME_SV in found and BASE + THEME_EN in found
    for publication in publications:
        assert f"{BASE}/sv/publikationer/{publication.slug}/" in found
        assert f"{BASE}/en/publications/{publication.slug}/" in found
    entry = re.search(rf"<url><loc>{BASE}{THEME_EN}</loc>(.*?)</url>", xml).group(1)
    assert "<lastmod>" in entry
    assert f'<xhtml:link rel="alternate" hreflang="sv" href="{BASE}{THEME_SV}"/>' in entry
    assert '<xhtml:link rel="alternate" hreflang="en"' in entry


def test_restricted_draft_and_unpublished_pages_and_publications_are_left_out(client, content):
    theme, publications = content
    PageViewRestriction.objects.create(page=theme.page, restriction_type=PageViewRestriction.LOGIN)
    theme.contact.unpublish()
    draft = StandardPageFactory(live=False)
    gone, kept = publications[0], publications[1]
    gone.unpublish()
    found = locations(sitemap(client))
    assert BASE + theme.section.language_urls()["sv"] in found  # the rest stays
    assert f"{BASE}/sv/publikationer/{kept.slug}/" in found
    assert not any(THEME_SV in url or THEME_EN in url for url in found)
    assert theme.support.language_urls(full=True)["en"] not in found  # below the theme
    assert BASE + draft.language_urls()["sv"] not in found
    assert BASE + CONTACT_SV not in found
    assert not any(url.endswith(f"/{gone.slug}/") for url in found)
