"""The accessibility feedback form never fails a visitor: mail through a real SMTP server
on loopback, a refused or absent relay, a per-client limit and a field bots fill in."""

import logging

import pytest
from django.utils.html import strip_tags
from wagtail.contrib.forms.models import FormSubmission

from tests.factories.accessibility import AccessibilityStatementPageFactory

pytestmark = pytest.mark.django_db

STATEMENT = {"sv": "/sv/tillganglighet/", "en": "/en/accessibility/"}
MESSAGE = {
    "name": "",
    "email": "reader@example.org",
    "content": "/sv/publikationer/",
    "message": "The PDF cannot be read aloud.",
}


@pytest.fixture
def statement():
    """The accessibility statement with its feedback form, at STATEMENT in each language."""
    return AccessibilityStatementPageFactory()


def thanks(statement, lang):
    return strip_tags(getattr(statement, f"thank_you_text_{lang}"))


def test_the_feedback_is_mailed_through_a_real_smtp_server(client, smtp, statement):
    server = smtp()
    response = client.post(STATEMENT["sv"], MESSAGE)
    assert response.status_code == 200
    assert thanks(statement, "sv") in response.content.decode()
    assert len(server.messages) == 1
    assert "The PDF cannot be read aloud." in server.texts()[0]
    assert statement.to_address in server.messages[0]["To"]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_refused_mail_still_stores_and_thanks_with_one_log_line(
    client, smtp, caplog, statement, lang
):
    smtp(refuse=True)
    with caplog.at_level(logging.ERROR, logger="guidance.models.accessibility"):
        response = client.post(STATEMENT[lang], MESSAGE)
    assert response.status_code == 200
    assert thanks(statement, lang) in response.content.decode()
    assert FormSubmission.objects.filter(page=statement).count() == 1
    records = [r for r in caplog.records if r.name == "guidance.models.accessibility"]
    assert len(records) == 1 and records[0].exc_info is None
    assert "stored but not mailed" in records[0].getMessage()


def test_no_relay_at_all_still_thanks(client, settings, caplog, statement):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    with caplog.at_level(logging.ERROR, logger="guidance.models.accessibility"):
        response = client.post(STATEMENT["en"], MESSAGE)
    assert response.status_code == 200
    assert thanks(statement, "en") in response.content.decode()
    assert FormSubmission.objects.filter(page=statement).count() == 1
    assert "ConnectionRefusedError" in caplog.text


@pytest.mark.parametrize(
    ("lang", "said"),
    [("sv", "Vänta tio minuter"), ("en", "Please wait ten minutes")],
)
def test_many_posts_from_one_client_get_a_429_in_the_page_language(client, statement, lang, said):
    statuses = [
        client.post(STATEMENT[lang], MESSAGE, REMOTE_ADDR="81.2.69.142").status_code
        for _ in range(6)
    ]
    assert statuses == [200] * 5 + [429]
    limited = client.post(STATEMENT[lang], MESSAGE, REMOTE_ADDR="81.2.69.142")
    assert limited.status_code == 429
    assert said in limited.content.decode()
    assert FormSubmission.objects.filter(page=statement).count() == 5
    # Another client is not affected.
    assert client.post(STATEMENT[lang], MESSAGE, REMOTE_ADDR="194.68.1.10").status_code == 200


def test_a_filled_in_hidden_field_is_thanked_but_neither_stored_nor_mailed(client, statement):
    from django.core import mail

    response = client.post(STATEMENT["sv"], {**MESSAGE, "homepage": "http://spam.example"})
    assert response.status_code == 200
    assert thanks(statement, "sv") in response.content.decode()
    assert not FormSubmission.objects.exists()
    assert not mail.outbox


def test_the_hidden_field_is_out_of_sight_and_of_the_tab_order(client, statement):
    html = client.get(STATEMENT["sv"]).content.decode()
    assert '<div class="visually-hidden" aria-hidden="true">' in html
    assert 'name="homepage" id="id_homepage" value="" tabindex="-1"' in html
