"""E-mail alerts, in Chromium: from a theme to the sign-up form by keyboard, confirmed through
the link in the mail a real SMTP server on loopback received, and stopped by keyboard on the
page of one's alerts, in both languages; a wrong address is explained in the page's language
and sends nothing. axe finds nothing on any of the new forms and pages."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from guidance.models import ThemePage
from portal.alerts.models import Recipient, Subscription
from tests.e2e.conftest import describe, run_axe
from tests.e2e.pages import THEME_EN, THEME_SV
from tests.e2e.test_page_feedback import tab_to

ADDRESS = "anna.andersson@example.se"
WRONG = "Skriv e-postadressen i rätt form, till exempel namn@exempel.se."
TEXT = {
    "sv": {
        "title": "Människohandel med barn",
        "link": "Få e-post när temat eller dess resurser ändras",
        "signup": "/sv/bevaka/",
        "follow": "Vad vill du bevaka?",
        "sent": "Titta i din e-post",
        "subject": "Bekräfta din bevakning",
        "open": "Öppna den här länken för att bekräfta:",
        "confirm": "Bekräfta",
        "confirmed": "Dina bevakningar är bekräftade",
        "manage": "Se och avsluta dina bevakningar",
        "yours": "/sv/bevaka/mina-bevakningar/",
        "stop": "Avsluta",
        "stopped": "Bevakningen är avslutad",
        "deleted": "Din e-postadress har raderats.",
    },
    "en": {
        "title": "Child trafficking",
        "link": "Get an e-mail when this theme or its resources change",
        "signup": "/en/email-alerts/",
        "follow": "What do you want to follow?",
        "sent": "Check your e-mail",
        "subject": "Confirm your e-mail alert",
        "open": "Open this link to confirm:",
        "confirm": "Confirm",
        "confirmed": "Your alerts are confirmed",
        "manage": "See and stop your e-mail alerts",
        "yours": "/en/email-alerts/your-alerts/",
        "stop": "Stop",
        "stopped": "The alert is stopped",
        "deleted": "Your e-mail address has been deleted.",
    },
}


def axe_finds_nothing(page, axe_source) -> None:
    violations = run_axe(page, axe_source)
    assert not violations, describe(violations)


def heading(page, name: str) -> None:
    """Wait for the page whose main heading is `name` (a form's answer keeps its address)."""
    page.get_by_role("heading", level=1, name=name, exact=True).wait_for()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_sign_up_confirm_and_stop_by_keyboard(page, axe_source, smtp, language):
    text = TEXT[language]
    server = smtp()
    theme = ThemePage.objects.get(url_path_sv__endswith="/manniskohandel-med-barn/")
    page.goto(THEME_SV if language == "sv" else THEME_EN)
    tab_to(page, text["link"], limit=200)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{text['signup']}?follow={theme.pk}")
    axe_finds_nothing(page, axe_source)
    follow = page.get_by_role("group", name=text["follow"])
    assert follow.get_by_role("checkbox", name=text["title"], exact=True).is_checked()
    tab_to(page, "email")
    page.keyboard.type(ADDRESS)
    page.keyboard.press("Enter")
    heading(page, text["sent"])

    assert len(server.messages) == 1
    mail, body = server.messages[0], server.texts()[0]
    assert (mail["To"], mail["Subject"]) == (ADDRESS, text["subject"])
    assert text["open"] in body and text["title"] in body
    assert Subscription.objects.get().language == language
    confirm_link = re.search(r"https?://\S+", body.split(text["open"], 1)[1])[0]
    page.goto(urlsplit(confirm_link).path)
    axe_finds_nothing(page, axe_source)
    tab_to(page, text["confirm"])
    page.keyboard.press("Enter")
    heading(page, text["confirmed"])
    axe_finds_nothing(page, axe_source)

    tab_to(page, text["manage"])
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{text['yours']}*/")
    axe_finds_nothing(page, axe_source)
    tab_to(page, f"{text['stop']}: {text['title']}")  # the button names what it stops
    page.keyboard.press("Space")
    heading(page, text["stopped"])
    assert page.get_by_text(text["deleted"], exact=True).is_visible()
    axe_finds_nothing(page, axe_source)
    assert not Subscription.objects.exists()
    assert not Recipient.objects.exists()


def test_a_wrong_address_is_explained_and_nothing_is_sent(page, axe_source, smtp):
    server = smtp()
    theme = ThemePage.objects.get(url_path_sv__endswith="/manniskohandel-med-barn/")
    page.goto(f"{TEXT['sv']['signup']}?follow={theme.pk}")
    tab_to(page, "email")
    page.keyboard.type("inte en adress")
    page.keyboard.press("Enter")
    summary = page.get_by_role("alert")
    summary.wait_for()
    assert summary.get_by_role("heading", name="Det finns ett problem").is_visible()
    problem = summary.get_by_role("link", name=WRONG, exact=True)
    assert problem.get_attribute("href") == "#id_email"
    axe_finds_nothing(page, axe_source)
    tab_to(page, WRONG)  # the summary's link leads to the field
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'id_email'")
    assert page.locator("#id_email").input_value() == "inte en adress"
    assert not server.messages
    assert not Subscription.objects.exists()
