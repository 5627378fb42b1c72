"""An organisation renamed in the admin is found under its new name, in site search and in
the catalogue's free text, at once; its old name finds its publications no more."""

import pytest

from publications.models import Organisation, Publication

pytestmark = pytest.mark.django_db


def catalogue_slugs(client, query):
    data = client.get("/sv/publikationer/api/", {"q": query}).json()
    return {item["slug"] for item in data["items"]}


def test_renaming_an_organisation_reindexes_its_publications(client):
    organisation = Organisation.objects.get(slug="jamstalldhetsmyndigheten")
    written = set(
        Publication.objects.live()
        .filter(author_links__organisation=organisation)
        .values_list("slug", flat=True)
    )
    assert written
    assert written <= catalogue_slugs(client, "jämställdhetsmyndigheten")

    organisation.name_sv = "Myndigheten för likabehandlingsfrågor"
    organisation.save()

    assert written <= catalogue_slugs(client, "likabehandlingsfrågor")
    # Those that named it only as their author (not in their own text) are no longer found.
    only_as_author = {
        p.slug
        for p in Publication.objects.filter(slug__in=written)
        if "jämställdhetsmyndighet"
        not in f"{p.title_sv} {p.subtitle_sv} {p.description_sv}".lower()
    }
    assert only_as_author
    assert not only_as_author & catalogue_slugs(client, "jämställdhetsmyndigheten")
    html = client.get("/sv/sok/", {"q": "likabehandlingsfrågor"}).content.decode()
    assert "0 träffar" not in html
