"""Visitors answer "Hjälpte informationen dig?" at the foot of pages and publications:
without JavaScript, in both languages, with a comment after Nej, within a per-client limit."""

import datetime

import pytest
from django.utils import timezone

from portal.feedback.models import PageFeedback
from tests.factories import (
    SectionPageFactory,
    ThemePageFactory,
)
from tests.helpers import elements, form_values, url_in

pytestmark = pytest.mark.django_db

QUESTION = {"sv": "Hjälpte informationen dig?", "en": "Did this information help you?"}
ANSWER_URL = {"sv": "/sv/aterkoppling/", "en": "/en/feedback/"}


@pytest.fixture
def theme():
    section = SectionPageFactory(
        title_sv="Våld", slug_sv="vald", title_en="Violence", slug_en="violence"
    )
    return ThemePageFactory(
        parent=section, title_sv="Barn", slug_sv="barn", title_en="Children", slug_en="children"
    )


def answer(client, url, button, **headers):
    """Press Yes or No at the foot of the page at `url`, as a browser without JavaScript."""
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    action = elements(html, "form", id="page-feedback")[0]["action"]
    values = {**form_values(html, "page-feedback"), "answer": button}
    return client.post(action, values, follow=True, **headers)


def comment(client, response, text):
    """Send the comment form that `response` (the page after No) shows."""
    html = response.content.decode()
    action = elements(html, "form", id="feedback-comment-form")[0]["action"]
    values = {**form_values(html, "feedback-comment-form"), "comment": text}
    return client.post(action, values, follow=True)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_yes_is_stored_with_page_language_and_date_and_thanked(client, theme, lang):
    response = answer(client, url_in(theme, lang), "yes")
    assert response.status_code == 200
    redirect_to, status = response.redirect_chain[-1]
    assert status in (302, 303) and redirect_to.endswith("#feedback-thanks")
    html = response.content.decode()
    thanks = {"sv": "Tack för dina synpunkter", "en": "Thank you for your feedback"}[lang]
    assert elements(html, "h1", id="feedback-thanks", tabindex="-1")
    assert thanks in html
    assert f'href="{url_in(theme, lang)}"' in html  # back to the page
    stored = PageFeedback.objects.get()
    assert (stored.page_id, stored.publication_id, stored.language) == (theme.pk, None, lang)
    assert stored.helpful and stored.comment == ""
    assert stored.title == {"sv": "Barn", "en": "Children"}[lang]
    assert abs(stored.created - timezone.now()) < datetime.timedelta(minutes=1)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_offers_an_optional_comment_that_asks_for_no_personal_data(client, theme, lang):
    response = answer(client, url_in(theme, lang), "no")
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].endswith("#feedback-comment")
    html = response.content.decode()
    assert elements(html, "h1", id="feedback-comment", tabindex="-1")
    assert elements(html, "textarea", name="comment")
    assert elements(html, "label", **{"for": "id_comment"})
    note = {"sv": "Skriv inte ditt namn", "en": "Do not write your name"}[lang]
    assert note in html and "180" in html  # and how long it is kept
    stored = PageFeedback.objects.get()
    assert not stored.helpful and stored.language == lang

    thanked = comment(client, response, "<b>Saknar</b> telefonnumret.")
    assert thanked.status_code == 200
    assert elements(thanked.content.decode(), "h1", id="feedback-thanks")
    assert "&lt;b&gt;" not in thanked.content.decode()  # not shown back at all
    stored.refresh_from_db()
    assert stored.comment == "<b>Saknar</b> telefonnumret."


def test_no_without_a_comment_is_thanked_and_kept_as_no(client, theme):
    response = comment(client, answer(client, url_in(theme, "sv"), "no"), "   ")
    assert "Tack för dina synpunkter" in response.content.decode()
    stored = PageFeedback.objects.get()
    assert not stored.helpful and stored.comment == ""


def test_a_comment_once_per_answer(client, theme):
    after_no = answer(client, url_in(theme, "sv"), "no")
    comment(client, after_no, "Första")
    again = comment(client, after_no, "Andra")
    assert again.status_code == 400
    assert "redan en kommentar" in again.content.decode()
    assert PageFeedback.objects.get().comment == "Första"
