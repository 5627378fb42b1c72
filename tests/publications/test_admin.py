"""Editors manage the catalogue in the Wagtail admin, through its real forms."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from publications.models import Organisation, Publication, PublicationType, Topic
from tests.helpers import elements

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/publications/publication/"


def listed_titles(html: str) -> set[str]:
    return {
        p.slug
        for p in Publication.objects.all()
        if f"/admin/snippets/publications/publication/edit/{p.pk}/" in html
    }


def form_data(**overrides):
    topic = Topic.objects.get(slug="barn")
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
        "publication_type": str(PublicationType.objects.get(slug="vagledning").pk),
        "article_number": "2024-1-2",
        "external_url": "",
        "author_links": inline_formset(
            [
                {"organisation": str(Organisation.objects.get(slug="socialstyrelsen").pk)},
                {"organisation": str(Organisation.objects.get(slug="iom").pk)},
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


def test_the_admin_lists_publications_with_filters_and_search(admin_client_sv):
    response = admin_client_sv.get(LIST)
    assert response.status_code == 200
    html = response.content.decode()
    assert len(listed_titles(html)) == 9
    for name in ("topic", "publication_type", "year", "language", "author"):
        assert elements(html, "select", name=name) or elements(html, "input", name=name), name

    barn = Topic.objects.get(slug="barn").pk
    assert listed_titles(admin_client_sv.get(LIST, {"topic": barn}).content.decode()) == {
        "barn-i-internationell-manniskohandel-och-exploatering",
        "de-kan-alltid-hitta-mig",
    }
    assert listed_titles(admin_client_sv.get(LIST, {"language": "ro"}).content.decode()) == {
        "atervandandeprogrammet-att-atervanda-hem"
    }
    assert listed_titles(admin_client_sv.get(LIST, {"year": "2017"}).content.decode()) == {
        "prostitution-i-norra-sverige"
    }
    police = Organisation.objects.get(slug="polismyndigheten").pk
    assert listed_titles(admin_client_sv.get(LIST, {"author": police}).content.decode()) == {
        "manniskohandel-lagesrapport-19"
    }
    brochure = PublicationType.objects.get(slug="broschyr").pk
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
        ("Kartläggning", "prostitution-i-norra-sverige"),  # Swedish subtitle
        ("northern", "prostitution-i-norra-sverige"),  # English title
        ("Wahlberg", "manniskohandel-lagesrapport-19"),  # Swedish description
    ],
)
def test_admin_search_covers_both_languages(admin_client_sv, query, slug):
    html = admin_client_sv.get(LIST, {"q": query}).content.decode()
    assert slug in listed_titles(html)


def test_admin_search_reads_the_fields_as_they_are_now(admin_client_sv):
    """No copy of the text is kept for the admin: an edit is found at once, the old
    words no longer; authors are found through the author filter, by their current name."""
    publication = Publication.objects.get(slug="prostitution-i-norra-sverige")
    publication.title_sv = "Sexköp i glesbygd"
    publication.save()
    assert publication.slug in listed_titles(
        admin_client_sv.get(LIST, {"q": "glesbygd"}).content.decode()
    )
    assert publication.slug not in listed_titles(
        admin_client_sv.get(LIST, {"q": "norra"}).content.decode()
    )
    organisation = Organisation.objects.get(slug="lansstyrelsen-jamtland")
    organisation.name_sv = "Region Jämtland Härjedalen"
    organisation.save()
    html = admin_client_sv.get(LIST, {"author": organisation.pk}).content.decode()
    assert listed_titles(html) == {publication.slug}
    assert "Region Jämtland Härjedalen" in html  # the filter's choice, by its new name


def test_the_edit_form_has_both_languages_and_the_inlines(admin_client_sv):
    publication = Publication.objects.get(slug="atervandandeprogrammet-manual")
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
    admin_client_sv, client
):
    response = admin_client_sv.post(
        f"{LIST}add/", {**form_data(), "action-publish": "action-publish"}
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    publication = Publication.objects.get(slug="stod-till-barn")
    assert publication.live
    assert [o.slug for o in publication.authors] == ["socialstyrelsen", "iom"]
    assert [(v.language, v.status) for v in publication.languages()] == [
        ("sv", "available"),
        ("ar", "planned"),
    ]
    assert [(e.number, e.year) for e in publication.editions.all()] == [(1, 2020)]
    # What visitors see, in both languages, and found by text regardless of case.
    en = client.get("/en/publications/stod-till-barn/").content.decode()
    assert "Support for children subjected to trafficking" in en
    assert "2nd edition; first edition 2020 by the National Board of Health and Welfare" in en
    sv = client.get("/sv/publikationer/", {"q": "återvändande", "topic": "barn"}).content.decode()
    assert "/sv/publikationer/stod-till-barn/" in sv
    iom = client.get("/sv/publikationer/", {"author": "iom"}).content.decode()
    assert "/sv/publikationer/stod-till-barn/" in iom


def test_saving_a_draft_leaves_the_public_version_until_published(admin_client_sv, client):
    publication = Publication.objects.get(slug="de-kan-alltid-hitta-mig")
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
                    "organisation": str(
                        Organisation.objects.get(slug="lansstyrelsen-stockholm").pk
                    ),
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
        "(new edition)"
        not in client.get("/en/publications/de-kan-alltid-hitta-mig/").content.decode()
    )
    assert Revision.objects.for_instance(publication).count() >= 2

    response = admin_client_sv.post(edit, {**data, "action-publish": "action-publish"})
    assert response.status_code == 302
    html = client.get("/en/publications/de-kan-alltid-hitta-mig/").content.decode()
    assert "“They can always find me” (new edition)" in html
    sv = client.get("/sv/publikationer/", {"language": "en"}).content.decode()
    assert "/sv/publikationer/de-kan-alltid-hitta-mig/" in sv


def test_slug_used_by_the_catalogue_itself_is_refused(admin_client_sv):
    response = admin_client_sv.post(f"{LIST}add/", form_data(slug="feed"))
    assert response.status_code == 200
    assert not Publication.objects.filter(slug="feed").exists()


@pytest.mark.parametrize(
    ("mode", "text"), [("sv", "Återvändandeprogrammet"), ("en", "The Return Programme")]
)
def test_preview_shows_either_language(admin_client_sv, mode, text):
    publication = Publication.objects.get(slug="atervandandeprogrammet-manual")
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
