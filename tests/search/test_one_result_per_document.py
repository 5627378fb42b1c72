"""One result per document: a resource page and the catalogue entry it describes
(`catalogue_entry`) come back as one result, the page, which carries the entry's facts.

Written against the seed's two documents that are both a resource page and a catalogue
entry (the manual, and the county board's guidance), in both languages."""

import re

import pytest

from guidance.models import DocumentResourcePage
from publications.models import Publication, PublicationIndexPage

pytestmark = pytest.mark.django_db

LINKED = ["manual-vid-misstanke-om-manniskohandel", "vagledning-barn-i-manniskohandel"]
QUERIES = {
    "sv": ["människohandeln", "manual", "vägledning", "misstanke om människohandel", "unicef"],
    "en": ["trafficking", "manual", "guidance", "suspected human trafficking", "unicef"],
}
SEARCH = {"sv": "/sv/sok/", "en": "/en/search/"}


def result_urls(client, language: str, query: str) -> list[str]:
    response = client.get(SEARCH[language], {"q": query})
    assert response.status_code == 200
    return re.findall(
        r'<h2 class="search-result__title"><a href="([^"]+)"', response.content.decode()
    )


def pages_and_entries(language: str):
    from django.utils import translation

    catalogue = PublicationIndexPage.objects.live().get()
    pairs = []
    for slug in LINKED:
        page = DocumentResourcePage.objects.get(slug_sv=slug)
        with translation.override(language):
            pairs.append((page.url, page.catalogue_entry.url_in(catalogue)))
    return pairs


@pytest.mark.parametrize("language", ["sv", "en"])
def test_each_document_comes_back_once_as_its_page(client, seeded, language):
    pairs = pages_and_entries(language)
    found_pages = set()
    for query in QUERIES[language]:
        urls = result_urls(client, language, query)
        assert len(urls) == len(set(urls)), query
        for page_url, entry_url in pairs:
            assert entry_url not in urls, f"{query!r} lists the catalogue entry of {page_url}"
            if page_url in urls:
                found_pages.add(page_url)
    assert found_pages == {page_url for page_url, _ in pairs}


def test_the_entry_comes_back_when_its_page_goes_and_leaves_when_it_returns(client, seeded):
    page = DocumentResourcePage.objects.get(slug_sv=LINKED[0])
    catalogue = PublicationIndexPage.objects.live().get()
    entry_url = page.catalogue_entry.url_in(catalogue, language="sv")
    page.unpublish()
    assert entry_url in result_urls(client, "sv", "manual")
    page.get_latest_revision().publish()
    urls = result_urls(client, "sv", "manual")
    assert entry_url not in urls and page.url in urls


def test_an_unpublished_entry_lends_its_page_nothing(client, seeded):
    """The page carries the entry's facts only while the entry is live."""
    page = DocumentResourcePage.objects.get(slug_sv=LINKED[0])
    entry = Publication.objects.get(pk=page.catalogue_entry_id)
    only_in_entry = "samordningsansvaret"  # in the entry's description, not on the page
    assert page.url in result_urls(client, "sv", only_in_entry)
    entry.unpublish()
    assert page.url not in result_urls(client, "sv", only_in_entry)
