"""Where the question is asked, what it refuses (400, 403, 429 in the page's language),
and that a page kept by the page cache carries a form that works for every visitor."""

import pytest
from django.test import Client

from portal.feedback.models import PageFeedback
from tests.factories import (
    PublicationFactory,
    PublicationIndexPageFactory,
    SectionPageFactory,
    StandardPageFactory,
    ThemePageFactory,
    site_home,
)
from tests.factories.accessibility import AccessibilityStatementPageFactory
from tests.helpers import elements, form_values, url_in

pytestmark = pytest.mark.django_db

QUESTION = {"sv": "Hjälpte informationen dig?", "en": "Did this information help you?"}
ANSWER_URL = {"sv": "/sv/aterkoppling/", "en": "/en/feedback/"}


@pytest.fixture
def theme():
    section = SectionPageFactory(title_sv="Våld", slug_sv="vald")
    return ThemePageFactory(parent=section, title_sv="Barn", slug_sv="barn")


@pytest.fixture
def publication():
    catalogue = PublicationIndexPageFactory(slug_sv="publikationer", slug_en="publications")
    return catalogue, PublicationFactory(title_sv="Stödmaterial", slug="stodmaterial")


def asks(html: str) -> bool:
    return bool(elements(html, "form", id="page-feedback"))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_guidance_pages_and_publications_ask_the_statement_and_catalogue_do_not(
    client, theme, publication, lang
):
    catalogue, entry = publication
    statement = AccessibilityStatementPageFactory()
    for page in (site_home(), theme.get_parent(), theme, StandardPageFactory()):
        html = client.get(url_in(page, lang)).content.decode()
        assert asks(html) and QUESTION[lang] in html, page
        assert form_values(html, "page-feedback") == {"page": str(page.pk)}
        form = elements(html, "form", id="page-feedback")[0]
        assert form["action"] == ANSWER_URL[lang] and form["method"] == "post"
        assert [b["value"] for b in elements(html, "button", name="answer")] == ["yes", "no"]
    html = client.get(entry.url_in(catalogue, language=lang)).content.decode()
    assert form_values(html, "page-feedback") == {
        "page": str(catalogue.pk),
        "publication": str(entry.pk),
    }
    assert not asks(client.get(url_in(catalogue, lang)).content.decode())
    statement_html = client.get(url_in(statement, lang)).content.decode()
    assert not asks(statement_html) and 'class="feedback-form"' in statement_html


def test_an_answer_about_a_publication_names_it_and_leads_back_to_it(client, publication):
    catalogue, entry = publication
    url = entry.url_in(catalogue, language="en")
    response = client.post(
        ANSWER_URL["en"],
        {"page": catalogue.pk, "publication": entry.pk, "answer": "yes"},
        follow=True,
    )
    assert f'href="{url}"' in response.content.decode()
    stored = PageFeedback.objects.get()
    assert (stored.page_id, stored.publication_id) == (catalogue.pk, entry.pk)
    assert stored.subject == f"publication:{entry.pk}" and stored.language == "en"


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("sv", "Många svar har skickats från din anslutning"),
        ("en", "Many answers have been sent from your connection"),
    ],
)
def test_many_answers_from_one_client_get_429_in_the_pages_language(
    client, theme, settings, lang, message
):
    settings.FEEDBACK_LIMIT = 2
    data = {"page": theme.pk, "answer": "yes"}
    for _ in range(2):
        assert client.post(ANSWER_URL[lang], data).status_code in (302, 303)
    refused = client.post(ANSWER_URL[lang], data)
    assert refused.status_code == 429
    assert message in refused.content.decode()
    assert PageFeedback.objects.count() == 2
    other = Client(REMOTE_ADDR="192.0.2.7")  # another client is not counted with it
    assert other.post(ANSWER_URL[lang], data).status_code in (302, 303)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"answer": "yes"}, "use the Yes and No buttons"),
        ({"page": "x", "answer": "no"}, "use the Yes and No buttons"),
        ({"page": "1", "answer": "maybe"}, "use the Yes and No buttons"),
        ({"page": "999999", "answer": "no"}, "is not on the website any more"),
    ],
)
def test_bad_answers_get_400_with_a_message(client, theme, data, message):
    response = client.post(ANSWER_URL["en"], data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_pages_that_do_not_ask_and_strangers_publications_are_refused(client, publication):
    catalogue, entry = publication
    statement = AccessibilityStatementPageFactory()
    theme = ThemePageFactory()
    for data in (
        {"page": statement.pk, "answer": "no"},
        {"page": catalogue.pk, "answer": "no"},  # the listing itself
        {"page": theme.pk, "publication": entry.pk, "answer": "no"},
        {"page": catalogue.pk, "publication": 999999, "answer": "no"},
    ):
        response = client.post(ANSWER_URL["sv"], data)
        assert response.status_code == 400, data
        assert "Sidan du svarade om finns inte längre" in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_a_forged_link_or_a_long_comment_gets_400_never_500(client, theme):
    for url in ("/sv/aterkoppling/kommentar/?token=x", "/sv/aterkoppling/tack/?token=1:a:b"):
        response = client.get(url)
        assert response.status_code == 400 and "Länken är ogiltig" in response.content.decode()
    assert client.get(ANSWER_URL["sv"]).status_code == 405
    after_no = client.post(ANSWER_URL["sv"], {"page": theme.pk, "answer": "no"}, follow=True)
    html = after_no.content.decode()
    values = form_values(html, "feedback-comment-form")
    too_long = client.post("/sv/aterkoppling/kommentar/", {**values, "comment": "<x>" * 4000})
    assert too_long.status_code == 400
    body = too_long.content.decode()
    assert (
        "högst 2000 tecken lång (den har 12000)" in body and "<x><x>" not in body
    )  # escaped when shown back
    assert elements(body, "div", role="alert")
    assert PageFeedback.objects.get().comment == ""


def test_an_answer_from_another_sites_form_is_refused(client, theme):
    data = {"page": theme.pk, "answer": "no"}
    response = client.post(ANSWER_URL["en"], data, HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert "sent from another site" in response.content.decode()
    same_site = client.post(ANSWER_URL["en"], data, HTTP_ORIGIN="http://testserver")
    assert same_site.status_code in (302, 303)
    assert PageFeedback.objects.count() == 1


def test_a_page_from_the_page_cache_carries_a_form_that_works_for_another_visitor(
    client, theme, settings
):
    settings.PAGE_CACHE_ENABLED = True
    url = url_in(theme, "sv")
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss" and not first.cookies
    visitor = Client(enforce_csrf_checks=True, REMOTE_ADDR="198.51.100.4")
    kept = visitor.get(url)
    assert kept["X-Page-Cache"] == "hit"
    html = kept.content.decode()
    action = elements(html, "form", id="page-feedback")[0]["action"]
    response = visitor.post(action, {**form_values(html, "page-feedback"), "answer": "no"})
    assert response.status_code in (302, 303)
    assert PageFeedback.objects.get().page_id == theme.pk
    again = client.get(url)  # the answer put nothing of the visitor into the kept page
    assert again["X-Page-Cache"] == "hit" and again.content == kept.content
