"""The accessibility statement: what the law asks it to say, in both languages, and its form."""

from __future__ import annotations

import pytest
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from guidance.models import AccessibilityStatementPage
from guidance.models.accessibility import DIGG_COMPLAINT_URL
from tests.factories.accessibility import AccessibilityStatementPageFactory
from tests.factories.trees import violence_theme
from tests.helpers import elements, section, url_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def statement():
    return AccessibilityStatementPageFactory()


STATEMENT = {"sv": "/sv/tillganglighet/", "en": "/en/accessibility/"}


@pytest.mark.parametrize(
    ("lang", "heading", "status"),
    [
        ("sv", "Tillgänglighetsredogörelse", "delvis förenlig"),
        ("en", "Accessibility statement", "partly compliant"),
    ],
)
def test_statement_renders_in_both_languages(client, statement, lang, heading, status):
    response = client.get(STATEMENT[lang])
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert status in html
    assert elements(html, "a", href=DIGG_COMPLAINT_URL)
    # The dates of the assessment and of the last update, in the page's language.
    assert ("november 2026" if lang == "sv" else "November 2026") in html


def test_statement_is_seeded_once_with_the_fields_the_law_asks_for(seeded):
    """About the seed content: the statement it brings (hence seeded)."""
    statement = AccessibilityStatementPage.objects.get()
    assert statement.compliance_status == "partly"
    assert statement.non_accessible_content_sv and statement.non_accessible_content_en
    assert statement.assessed_on and statement.updated_on
    assert statement.assessment_method == "self"
    assert statement.complaint_url == "https://www.digg.se/tdosanmalan"
    assert [f.clean_name for f in statement.form_fields.all()] == [
        "name",
        "email",
        "content",
        "message",
    ]


@pytest.mark.parametrize(
    ("lang", "address"),
    [
        ("sv", lambda theme: "/sv/"),
        ("en", lambda theme: "/en/"),
        ("sv", lambda theme: url_in(theme.page, "sv")),
        ("en", lambda theme: url_in(theme.contact, "en")),
        ("sv", lambda theme: "/sv/sok/"),
    ],
    ids=["home-sv", "home-en", "theme-sv", "contact-en", "search-sv"],
)
def test_every_footer_links_to_the_statement(client, lang, address):
    theme = violence_theme()
    AccessibilityStatementPageFactory()
    html = client.get(address(theme)).content.decode()
    footer = section(html, '<footer class="site-footer"')
    assert elements(footer, "a", href=STATEMENT[lang])


def test_the_404_page_footer_links_to_the_statement(client, statement):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert elements(response.content.decode(), "a", href=STATEMENT["en"])


@pytest.mark.parametrize(
    ("lang", "thanks"),
    [("sv", "Vi har tagit emot ditt meddelande"), ("en", "We have received your message")],
)
def test_feedback_form_posts_stores_mails_and_thanks_in_the_page_language(
    client, statement, lang, thanks
):
    response = client.post(
        STATEMENT[lang],
        {
            "name": "",
            "email": "reader@example.org",
            "content": "/sv/publikationer/",
            "message": "The PDF <b>cannot</b> be read aloud.",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert thanks in html
    submission = FormSubmission.objects.get()
    assert submission.get_data()["message"] == "The PDF <b>cannot</b> be read aloud."
    assert len(mail.outbox) == 1
    assert "The PDF <b>cannot</b> be read aloud." in mail.outbox[0].body
    assert mail.outbox[0].to == ["tillganglighet@example.org"]


@pytest.mark.parametrize(
    ("lang", "error"),
    [("sv", "Det här fältet är obligatoriskt"), ("en", "This field is required.")],
)
def test_empty_message_gives_an_error_in_the_page_language(client, statement, lang, error):
    response = client.post(
        STATEMENT[lang], {"name": "<script>alert(1)</script>", "email": "", "message": ""}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert error in html
    assert elements(
        html,
        "textarea",
        name="message",
        aria_invalid="true",
        aria_describedby="id_message_helptext id_message_error",
    )
    assert elements(html, "p", id="id_message_error")
    # The error summary links to the field.
    assert elements(html, "a", href="#id_message")
    # What the visitor typed comes back escaped, never as markup.
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not FormSubmission.objects.exists()
    assert not mail.outbox


def test_form_fields_have_labels_and_autocomplete(client, statement):
    html = client.get(STATEMENT["en"]).content.decode()
    for field_id in ("id_name", "id_email", "id_content", "id_message"):
        assert elements(html, "label", **{"for": field_id})
    assert elements(html, "input", name="name", autocomplete="name")
    assert elements(html, "input", name="email", autocomplete="email", type="email")


def test_editors_edit_the_statement_and_its_form_in_both_languages(admin_client_sv, statement):
    response = admin_client_sv.get(f"/admin/pages/{statement.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    for field in ("intro_sv", "intro_en", "compliance_status", "assessed_on", "complaint_url"):
        assert f'name="{field}"' in html
    assert 'name="form_fields-0-label_sv"' in html
    assert 'name="form_fields-0-label_en"' in html
    # The submissions are kept where editors find them.
    FormSubmission.objects.create(page=statement, form_data={"message": "Hej"})
    listing = admin_client_sv.get(f"/admin/forms/submissions/{statement.pk}/")
    assert listing.status_code == 200
    assert "Hej" in listing.content.decode()
