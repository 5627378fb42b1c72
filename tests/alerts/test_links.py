"""The links in the mails: confirming (once, within seven days), stopping one alert in one
click (RFC 8058, without a CSRF token) and seeing and stopping all of an address's alerts,
without an account; a link that does not work says why, in the page's language, with a 4xx."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core import mail
from django.test import Client

from portal.alerts.models import Recipient, Subscription
from tests.alerts.conftest import CONFIRM, DAY, follow, link_in, sign_up
from tests.helpers import elements

pytestmark = pytest.mark.django_db


def confirm_path(lang: str) -> str:
    return link_in(mail.outbox[-1].body, CONFIRM[lang])


@pytest.mark.parametrize(
    ("lang", "button", "done"),
    [
        ("sv", "Bekräfta", "Dina bevakningar är bekräftade"),
        ("en", "Confirm", "Your alerts are confirmed"),
    ],
)
def test_the_link_confirms_on_its_button_not_on_opening(client, theme, lang, button, done):
    sign_up(client, lang, "a@example.org", [theme])
    path = confirm_path(lang)
    opened = client.get(path)  # as a mail scanner opens links: nothing is confirmed
    assert opened.status_code == 200 and button in opened.content.decode()
    assert not Subscription.objects.confirmed().exists()

    confirmed = client.post(path)
    assert confirmed.status_code == 200
    assert done in confirmed.content.decode()
    assert Subscription.objects.get().confirmed_at is not None


@pytest.mark.parametrize(("lang", "said"), [("sv", "Redan bekräftad"), ("en", "Already confirmed")])
def test_a_reused_link_says_it_is_done(client, theme, lang, said):
    sign_up(client, lang, "a@example.org", [theme])
    path = confirm_path(lang)
    client.post(path)
    again = client.post(path)
    assert again.status_code == 200 and said in again.content.decode()


@pytest.mark.parametrize(
    ("lang", "said"), [("sv", "Länken har gått ut"), ("en", "The link has expired")]
)
def test_an_expired_link_is_gone(client, theme, lang, said):
    with time_machine.travel(DAY, tick=False):
        sign_up(client, lang, "a@example.org", [theme])
    with time_machine.travel(DAY + datetime.timedelta(days=7, minutes=1), tick=False):
        expired = client.post(confirm_path(lang))
    assert expired.status_code == 410 and said in expired.content.decode()
    assert not Subscription.objects.confirmed().exists()


@pytest.mark.parametrize(
    ("path", "said"),
    [
        ("/sv/bevaka/bekrafta/inte-en-nyckel/", "Länken fungerar inte"),
        ("/en/email-alerts/confirm/<script>/", "The link does not work"),
        ("/sv/bevaka/avsluta/inte-en-nyckel/", "Bevakningen finns inte"),
        ("/en/email-alerts/your-alerts/not-a-key/", "No such alert"),
    ],
)
def test_a_link_that_does_not_work_says_so(client, path, said):
    response = client.get(path)
    assert response.status_code == 404
    assert said in response.content.decode()
    assert "<script>" not in response.content.decode()


def test_one_click_unsubscribe_as_rfc_8058_posts_it(client, smtp, theme):
    server = smtp()
    (subscription,) = follow(client, server, "sv", "a@example.org", [theme])
    path = f"/sv/bevaka/avsluta/{subscription.token}/"
    opened = client.get(path)  # opening the link only asks
    assert "Avsluta den här bevakningen" in opened.content.decode()
    assert Subscription.objects.exists()

    mail_client = Client(enforce_csrf_checks=True)  # no cookie, no token: as a mail client
    response = mail_client.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert "Din e-postadress har raderats." in response.content.decode()
    assert not Subscription.objects.exists() and not Recipient.objects.exists()
    assert mail_client.post(path).status_code == 404  # stopped already


def stop_forms(html: str) -> list[str]:
    actions = [form["action"] for form in elements(html, "form")]
    return [action for action in actions if "/unsubscribe/" in action or "/avsluta/" in action]


def test_the_address_sees_its_alerts_and_stops_one_at_a_time(client, smtp, theme, catalogue):
    server = smtp()
    follow(client, server, "en", "a@example.org", [theme, catalogue])
    recipient = Recipient.objects.get()
    listed = client.get(f"/en/email-alerts/your-alerts/{recipient.token}/").content.decode()
    forms = stop_forms(listed)
    assert len(forms) == 2
    assert "Child trafficking" in listed and "All publications" in listed

    stopped = client.post(forms[0], {"back": "manage"})
    assert stopped.status_code == 303
    listed = client.get(stopped["Location"]).content.decode()
    assert len(stop_forms(listed)) == 1
    assert "Child trafficking" not in listed and "All publications" in listed


def test_an_alert_whose_filter_was_removed_says_so_and_can_be_stopped(
    client, smtp, catalogue, children
):
    server = smtp()
    follow(client, server, "sv", "a@example.org", [catalogue], topic="barn-och-unga")
    children.delete()
    recipient = Recipient.objects.get()
    listed = client.get(f"/sv/bevaka/mina-bevakningar/{recipient.token}/").content.decode()
    assert "Publikationer (ett filter som inte längre finns)" in listed
    assert len(stop_forms(listed)) == 1  # and it can be stopped


def test_the_confirmation_mail_too_stops_in_one_click_and_shows_the_alerts(
    client, theme, catalogue
):
    sign_up(client, "en", "not-me@example.org", [theme, catalogue])
    (message,) = mail.outbox
    unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in message.body
    recipient = Recipient.objects.get()
    listed = client.get(link_in(message.body, "your-alerts")).content.decode()
    assert len(stop_forms(listed)) == 2 and "not confirmed yet" in listed

    path = unsubscribe.removeprefix("http://testserver")
    response = Client(enforce_csrf_checks=True).post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert "Your e-mail address has been deleted." in response.content.decode()
    assert not Recipient.objects.filter(pk=recipient.pk).exists()
    assert client.post(confirm_path("en")).status_code == 404  # nothing left to confirm
