"""Editors manage the catalogue in the Wagtail admin, through its real forms."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from publications.models import (
    Organisation,
    Publication,
    PublicationEdition,
    PublicationType,
    Topic,
)
from tests.factories import (
    OrganisationFactory,
    PublicationFactory,
    PublicationIndexPageFactory,
    PublicationTypeFactory,
    TopicFactory,
)
from tests.helpers import elements

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/publications/publication/"


@pytest.fixture
def shelf():
    """The catalogue with six publications, and the snippets the admin tests choose from."""
    PublicationIndexPageFactory(slug_sv="publikationer", slug_en="publications")
    children = TopicFactory(slug="barn-och-unga", name_sv="Barn och unga", name_en="Young")
    brochure = PublicationTypeFactory(slug="folder", name_sv="Folder", name_en="Leaflet")
    PublicationTypeFactory(slug="vagledning-for", name_sv="Vägledning", name_en="Guidance")
    board = OrganisationFactory(slug="styrelsen", name_sv="Styrelsen", name_en="The Board")
    agency = OrganisationFactory(slug="migration", name_sv="Migrationsorg", name_en="The MO")
    police = OrganisationFactory(slug="polisen", name_sv="Polisen", name_en="The Police")
    county = OrganisationFactory(slug="lansstyrelsen-j", name_sv="Länsstyrelsen i Jämtland")
    city = OrganisationFactory(slug="lansstyrelsen-s", name_sv="Länsstyrelsen i Stockholm")
    PublicationFactory(
        slug="prostitution-i-norr",
        title_sv="Prostitution i norra Sverige",
        title_en="Prostitution in northern Sweden",
        subtitle_sv="En kartläggning",
        year=2017,
        authors=[county],
        publication_type=brochure,
    )
    PublicationFactory(
        slug="lagesrapport",
        title_sv="Människohandel lägesrapport",
        description_sv="<p>Rapporten är skriven av Per Wahlberg.</p>",
        year=2019,
        authors=[police],
    )
    PublicationFactory(
        slug="kan-alltid-hitta-mig",
        title_sv="”De kan alltid hitta mig”",
        title_en="“They can always find me”",
        year=2020,
        authors=[city],
        topics=[children],
        publication_type=brochure,
    )
    PublicationFactory(slug="barn-i-handel", year=2021, topics=[children], languages=["sv", "en"])
    PublicationFactory(slug="att-atervanda-hem", year=2022, languages=["sv", "ro"])
    manual = PublicationFactory(
        slug="atervandandeprogrammet",
        title_sv="Återvändandeprogrammet",
        title_en="The Return Programme",
        year=2023,
        authors=[city, agency],
    )
    PublicationEdition.objects.create(
        publication=manual,
        number=1,
        year=2018,
        publisher_sv="Länsstyrelsen Stockholm och IOM",
        publisher_en="The County Administrative Board of Stockholm and IOM",
    )
    manual.save_revision(log_action=False).publish(log_action=False)
    return {
        "children": children,
        "brochure": brochure,
        "board": board,
        "agency": agency,
        "police": police,
        "county": county,
        "city": city,
    }


def listed_titles(html: str) -> set[str]:
    """The live publications the admin's listing links to: the test's own (the seeded ones,
    taken offline while the test builds its own, are in the listing too)."""
    own = Publication.objects.filter(live=True)
    return {p.slug for p in own if f"/admin/snippets/publications/publication/edit/{p.pk}/" in html}


def form_data(**overrides):
    topic = Topic.objects.get(slug="barn-och-unga")
    data = {
        "title_sv": "Stöd till barn som utsatts för människohandel",
        "title_en": "Support for children subjected to trafficking",
        "subtitle_sv": "Vägledning",
        "subtitle_en": "Guidance",
        "slug": "stod-till-barn",
        "description_sv": rich_text("<p>Första stycket.</p><p>Andra stycket om ÅTERVÄNDANDE.</p>"),
        "description_en": rich_text("<p>First paragraph.</p>"),
        "year": "2024",
        "edition": "2",
        "publication_type": str(PublicationType.objects.get(slug="vagledning-for").pk),
        "article_number": "2024-1-2",
        "external_url": "",
        "author_links": inline_formset(
            [
                {"organisation": str(Organisation.objects.get(slug="styrelsen").pk)},
                {"organisation": str(Organisation.objects.get(slug="migration").pk)},
            ]
        ),
        "language_versions": inline_formset(
            [
                {"language": "sv", "status": "available", "document": ""},
                {"language": "ar", "status": "planned", "document": ""},
            ]
        ),
        "editions": inline_formset(
            [
                {
                    "number": "1",
                    "year": "2020",
                    "publisher_sv": "Socialstyrelsen",
                    "publisher_en": "the National Board of Health and Welfare",
                }
            ]
        ),
        "related_page_links": inline_formset([]),
    }
    data.update(overrides)
    flat = nested_form_data(data)
    flat["topics"] = [str(topic.pk)]  # a multiple choice: one value per checked box
    return flat


def test_the_admin_lists_publications_with_filters_and_search(admin_client_sv, shelf):
    response = admin_client_sv.get(LIST)
    assert response.status_code == 200
    html = response.content.decode()
    assert len(listed_titles(html)) == 6
    for name in ("topic", "publication_type", "year", "language", "author"):
        assert elements(html, "select", name=name) or elements(html, "input", name=name), name

    barn = shelf["children"].pk
    assert listed_titles(admin_client_sv.get(LIST, {"topic": barn}).content.decode()) == {
        "barn-i-handel",
        "kan-alltid-hitta-mig",
    }
    assert listed_titles(admin_client_sv.get(LIST, {"language": "ro"}).content.decode()) == {
        "att-atervanda-hem"
    }
    assert listed_titles(admin_client_sv.get(LIST, {"year": "2017"}).content.decode()) == {
        "prostitution-i-norr"
    }
    police = shelf["police"].pk
    assert listed_titles(admin_client_sv.get(LIST, {"author": police}).content.decode()) == {
        "lagesrapport"
    }
    brochure = shelf["brochure"].pk
    assert (
        len(
            listed_titles(
                admin_client_sv.get(LIST, {"publication_type": brochure}).content.decode()
            )
        )
        == 2
    )


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("Kartläggning", "prostitution-i-norr"),  # Swedish subtitle
        ("northern", "prostitution-i-norr"),  # English title
        ("Wahlberg", "lagesrapport"),  # Swedish description
    ],
)
def test_admin_search_covers_both_languages(admin_client_sv, shelf, query, slug):
    html = admin_client_sv.get(LIST, {"q": query}).content.decode()
    assert slug in listed_titles(html)


def test_admin_search_reads_the_fields_as_they_are_now(admin_client_sv, shelf):
    """No copy of the text is kept for the admin: an edit is found at once, the old
    words no longer; authors are found through the author filter, by their current name."""
    publication = Publication.objects.get(slug="prostitution-i-norr")
    publication.title_sv = "Sexköp i glesbygd"
    publication.save()
    assert publication.slug in listed_titles(
        admin_client_sv.get(LIST, {"q": "glesbygd"}).content.decode()
    )
    assert publication.slug not in listed_titles(
        admin_client_sv.get(LIST, {"q": "norra"}).content.decode()
    )
    organisation = shelf["county"]
    organisation.name_sv = "Region Jämtland Härjedalen"
    organisation.save()
    html = admin_client_sv.get(LIST, {"author": organisation.pk}).content.decode()
    assert listed_titles(html) == {publication.slug}
    assert "Region Jämtland Härjedalen" in html  # the filter's choice, by its new name


def test_the_edit_form_has_both_languages_and_the_inlines(admin_client_sv, shelf):
    publication = Publication.objects.get(slug="atervandandeprogrammet")
    html = admin_client_sv.get(f"{LIST}edit/{publication.pk}/").content.decode()
    for name in (
        "title_sv",
        "title_en",
        "subtitle_sv",
        "subtitle_en",
        "description_sv",
        "description_en",
    ):
        assert elements(html, "input", name=name) or elements(html, "textarea", name=name), name
    assert elements(
        html, "input", name="editions-0-publisher_sv", value="Länsstyrelsen Stockholm och IOM"
    )
    assert elements(html, "input", name="editions-0-publisher_en")
    assert elements(html, "select", name="language_versions-0-language")
    assert elements(html, "input", name="author_links-1-organisation")  # a snippet chooser
    assert elements(html, "input", name="topics", type="checkbox")


def test_an_editor_creates_and_publishes_a_publication_with_editions_and_languages(
    admin_client_sv, client, shelf
):
    response = admin_client_sv.post(
        f"{LIST}add/", {**form_data(), "action-publish": "action-publish"}
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    publication = Publication.objects.get(slug="stod-till-barn")
    assert publication.live
    assert [o.slug for o in publication.authors] == ["styrelsen", "migration"]
    assert [(v.language, v.status) for v in publication.languages()] == [
        ("sv", "available"),
        ("ar", "planned"),
    ]
    assert [(e.number, e.year) for e in publication.editions.all()] == [(1, 2020)]
    # What visitors see, in both languages, and found by text regardless of case.
    en = client.get("/en/publications/stod-till-barn/").content.decode()
    assert "Support for children subjected to trafficking" in en
    assert "2nd edition; first edition 2020 by the National Board of Health and Welfare" in en
    sv = client.get(
        "/sv/publikationer/", {"q": "återvändande", "topic": "barn-och-unga"}
    ).content.decode()
    assert "/sv/publikationer/stod-till-barn/" in sv
    iom = client.get("/sv/publikationer/", {"author": "migration"}).content.decode()
    assert "/sv/publikationer/stod-till-barn/" in iom


def test_saving_a_draft_leaves_the_public_version_until_published(admin_client_sv, client, shelf):
    publication = Publication.objects.get(slug="kan-alltid-hitta-mig")
    edit = f"{LIST}edit/{publication.pk}/"
    data = form_data(
        title_sv="”De kan alltid hitta mig” (ny upplaga)",
        title_en="“They can always find me” (new edition)",
        slug=publication.slug,
        edition="",
        editions=inline_formset([]),
        author_links=inline_formset(
            [
                {
                    "organisation": str(shelf["city"].pk),
                    "id": str(publication.author_links.get().pk),
                }
            ],
            initial=1,
        ),
        language_versions=inline_formset(
            [
                {
                    "language": "sv",
                    "status": "available",
                    "document": "",
                    "id": str(publication.language_versions.get().pk),
                },
                {"language": "en", "status": "available", "document": ""},
            ],
            initial=1,
        ),
    )
    response = admin_client_sv.post(edit, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    publication.refresh_from_db()
    assert publication.has_unpublished_changes
    assert (
        "(new edition)" not in client.get("/en/publications/kan-alltid-hitta-mig/").content.decode()
    )
    assert Revision.objects.for_instance(publication).count() >= 2

    response = admin_client_sv.post(edit, {**data, "action-publish": "action-publish"})
    assert response.status_code == 302
    html = client.get("/en/publications/kan-alltid-hitta-mig/").content.decode()
    assert "“They can always find me” (new edition)" in html
    sv = client.get("/sv/publikationer/", {"language": "en"}).content.decode()
    assert "/sv/publikationer/kan-alltid-hitta-mig/" in sv


def test_slug_used_by_the_catalogue_itself_is_refused(admin_client_sv, shelf):
    response = admin_client_sv.post(f"{LIST}add/", form_data(slug="feed"))
    assert response.status_code == 200
    assert not Publication.objects.filter(slug="feed").exists()


@pytest.mark.parametrize(
    ("mode", "text"), [("sv", "Återvändandeprogrammet"), ("en", "The Return Programme")]
)
def test_preview_shows_either_language(admin_client_sv, shelf, mode, text):
    publication = Publication.objects.get(slug="atervandandeprogrammet")
    assert dict(publication.preview_modes).keys() == {"sv", "en"}
    request = RequestFactory().get("/admin/")
    request.user = AnonymousUser()
    response = publication.serve_preview(request, mode)
    html = response.content.decode()
    assert f">{text}</h1>" in html
    assert f'<html lang="{mode}">' in html


def test_topics_types_and_organisations_are_editable_in_both_languages(admin_client_sv):
    for model in ("topic", "publicationtype", "organisation"):
        response = admin_client_sv.get(f"/admin/snippets/publications/{model}/add/")
        assert response.status_code == 200
        html = response.content.decode()
        assert elements(html, "input", name="name_sv") and elements(html, "input", name="name_en")
    response = admin_client_sv.post(
        "/admin/snippets/publications/topic/add/",
        {"name_sv": "Hedersrelaterat våld", "name_en": "Honour-based violence", "slug": "heder"},
    )
    assert response.status_code == 302
    assert Topic.objects.get(slug="heder").name_en == "Honour-based violence"
    assert reverse("wagtailsnippets_publications_publication:list") == LIST
