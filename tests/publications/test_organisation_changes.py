"""An organisation renamed in the admin is found under its new name, in site search and in
the catalogue's free text, at once; its old name finds its publications no more.

The test builds a catalogue with the organisation's publications: one that names it in its
own text, one that has it only as its author, and one by another organisation."""

import re

import pytest
from django.utils import translation

from tests.factories import (
    OrganisationFactory,
    PublicationFactory,
    PublicationIndexPageFactory,
)
from tests.factories.search import own_index

pytestmark = pytest.mark.django_db


def catalogue_slugs(client, catalogue, query):
    with translation.override("sv"):
        api = catalogue.url + "api/"
    data = client.get(api, {"q": query}).json()
    return {item["slug"] for item in data["items"]}


def search_titles(client, query):
    html = client.get("/sv/sok/", {"q": query}).content.decode()
    return [
        re.sub(r"<[^>]+>", "", t).strip()
        for t in re.findall(r'<h2 class="search-result__title">(.*?)</h2>', html, re.S)
    ]


def test_renaming_an_organisation_reindexes_its_publications(client):
    own_index()
    catalogue = PublicationIndexPageFactory(slug_sv="publikationer", slug_en="publications")
    organisation = OrganisationFactory(
        name_sv="Jämställdhetsmyndigheten", name_en="Swedish Gender Equality Agency"
    )
    named = PublicationFactory(
        title_sv="Uppdrag till Jämställdhetsmyndigheten",
        subtitle_sv="En redovisning",
        authors=[organisation],
    )
    only_as_author = PublicationFactory(
        title_sv="Stöd till kommunerna", subtitle_sv="En vägledning", authors=[organisation]
    )
    other = PublicationFactory(title_sv="Stöd till regionerna", subtitle_sv="En vägledning")
    assert (
        "jämställdhetsmyndighet"
        not in (
            f"{only_as_author.title_sv} {only_as_author.subtitle_sv} {only_as_author.description_sv}"
        ).lower()
    )
    written = {named.slug, only_as_author.slug}
    assert catalogue_slugs(client, catalogue, "jämställdhetsmyndigheten") == written

    organisation.name_sv = "Myndigheten för likabehandlingsfrågor"
    organisation.save()

    assert catalogue_slugs(client, catalogue, "likabehandlingsfrågor") == written
    # The one that named it only as its author (not in its own text) is no longer found;
    # the one that names it in its title still is.
    assert catalogue_slugs(client, catalogue, "jämställdhetsmyndigheten") == {named.slug}
    titles = search_titles(client, "likabehandlingsfrågor")
    assert {t.split(" – ")[0] for t in titles} == {named.title_sv, only_as_author.title_sv}
    assert other.title_sv not in " ".join(titles)
