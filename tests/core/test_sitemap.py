"""Crawlers find every public page and publication in both languages, and nothing else."""

import re

import pytest
from wagtail.models import PageViewRestriction, Site

from guidance.models import StandardPage, ThemePage
from publications.models import Publication

pytestmark = pytest.mark.django_db


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return response.content.decode()


def locations(xml: str) -> set[str]:
    return set(re.findall(r"<loc>(.*?)</loc>", xml))


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_admin_and_search(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert {"Disallow: /admin/", "Disallow: /sv/sok/", "Disallow: /en/search/"} <= set(lines)


def test_every_page_and_publication_is_listed_in_both_languages_with_alternates(client):
    base = Site.objects.get(is_default_site=True).root_url
    xml = sitemap(client).replace(base, "http://testserver")
    found = locations(xml)
    assert "http://testserver/sv/vald/teman/manniskohandel-med-barn/" in found
    assert "http://testserver/en/violence/themes/child-trafficking/" in found
    for publication in Publication.objects.live():
        assert f"http://testserver/sv/publikationer/{publication.slug}/" in found
        assert f"http://testserver/en/publications/{publication.slug}/" in found
    entry = re.search(
        r"<url><loc>http://testserver/en/violence/themes/child-trafficking/</loc>(.*?)</url>",
        xml,
    ).group(1)
    assert "<lastmod>" in entry
    assert (
        '<xhtml:link rel="alternate" hreflang="sv" '
        'href="http://testserver/sv/vald/teman/manniskohandel-med-barn/"/>'
    ) in entry
    assert '<xhtml:link rel="alternate" hreflang="en"' in entry


def test_restricted_draft_and_unpublished_pages_and_publications_are_left_out(client):
    theme = ThemePage.objects.get(slug_sv="manniskohandel-med-barn")
    PageViewRestriction.objects.create(page=theme, restriction_type=PageViewRestriction.LOGIN)
    contact = StandardPage.objects.get(slug_sv="kontakt")
    contact.unpublish()
    publication = Publication.objects.live().order_by("pk").first()
    publication.unpublish()
    base = Site.objects.get(is_default_site=True).root_url
    found = locations(sitemap(client).replace(base, "http://testserver"))
    assert found
    assert not any("manniskohandel-med-barn" in url for url in found)
    assert not any("child-trafficking" in url for url in found)
    assert "http://testserver/sv/kontakt/" not in found
    assert not any(url.endswith(f"/{publication.slug}/") for url in found)
