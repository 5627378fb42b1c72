"""Signing up: offered where visitors read, the form says what the address is for and how
long it is kept, one confirmation mail in the page's language and nothing else; bad input
gets a clear message in the page's language and a 4xx, escaped."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.cache import cache

from portal.alerts.models import Recipient, Subscription
from tests.alerts.conftest import SIGNUP, follow, sign_up
from tests.helpers import elements, section, url_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("lang", "link"),
    [
        ("sv", "Få e-post när temat eller dess resurser ändras"),
        ("en", "Get an e-mail when this theme or its resources change"),
    ],
)
def test_a_theme_offers_its_alerts_and_the_form_comes_with_it_chosen(client, theme, lang, link):
    html = client.get(url_in(theme, lang)).content.decode()
    (anchor,) = [a for a in elements(html, "a") if a.get("href", "").startswith(SIGNUP[lang])]
    assert link in html
    assert anchor["href"] == f"{SIGNUP[lang]}?follow={theme.pk}"

    form = client.get(anchor["href"]).content.decode()
    (box,) = elements(form, "input", type="checkbox", value=str(theme.pk))
    assert "checked" in box


def test_the_catalogue_offers_its_current_filter(client, catalogue, children):
    page = client.get(url_in(catalogue, "en") + "?topic=barn-och-unga&language=en&sort=oldest")
    (anchor,) = [
        a for a in elements(page.content.decode(), "a") if a["href"].startswith(SIGNUP["en"])
    ]
    response = client.get(anchor["href"])
    html = response.content.decode()
    assert response.status_code == 200
    (box,) = elements(html, "input", type="checkbox", value=str(catalogue.pk))
    assert "checked" in box
    assert "Publications (Topic: Children; Available in: English)" in html
    hidden = {e["name"]: e["value"] for e in elements(html, "input", type="hidden")}
    assert hidden["topic"] == "barn-och-unga" and hidden["language"] == "en"
    assert "sort" not in hidden  # the order of a page is no part of an alert


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("sv", ["Den raderas efter sju dagar om du inte bekräftar", "Inget annat skickas"]),
        ("en", ["It is deleted after seven days if you do not confirm", "Nothing else is sent"]),
    ],
)
def test_the_form_says_what_the_address_is_for_and_how_long_it_is_kept(client, theme, lang, said):
    html = client.get(SIGNUP[lang]).content.decode()
    for sentence in said:
        assert sentence in html


@pytest.mark.parametrize(
    ("lang", "subject", "path", "page_says"),
    [
        ("sv", "Bekräfta din bevakning", "/sv/bevaka/bekrafta/", "Titta i din e-post"),
        ("en", "Confirm your e-mail alert", "/en/email-alerts/confirm/", "Check your e-mail"),
    ],
)
def test_signing_up_sends_one_confirmation_and_nothing_else(
    client, theme, catalogue, lang, subject, path, page_says
):
    response = sign_up(client, lang, "Reader@Example.org", [theme, catalogue])
    assert response.status_code == 200
    assert page_says in response.content.decode()
    (message,) = mail.outbox
    assert message.subject == subject
    assert message.to == ["reader@example.org"]
    assert f"http://testserver{path}" in message.body
    assert message.alternatives[0].mimetype == "text/html"
    subscriptions = Subscription.objects.filter(recipient__email="reader@example.org")
    assert {s.page_id for s in subscriptions} == {theme.pk, catalogue.pk}
    assert {s.language for s in subscriptions} == {lang}
    assert not subscriptions.confirmed().exists()


def test_signing_up_again_for_what_is_followed_sends_nothing(client, smtp, theme):
    server = smtp()
    follow(client, server, "sv", "again@example.org", [theme])
    response = sign_up(client, "sv", "again@example.org", [theme])
    assert response.status_code == 200  # the same answer: whether it follows is not told
    assert len(server.messages) == 1


def problems(response) -> str:
    return section(response.content.decode(), '<div class="error-summary"')


@pytest.mark.parametrize(
    ("lang", "email", "said"),
    [
        ("sv", "inte en adress", "Skriv e-postadressen i rätt form"),
        ("en", "", "Enter your e-mail address."),
        ("en", "<b>x</b>@example.org", "Enter an e-mail address in the right form"),
    ],
)
def test_a_bad_address_is_told_in_the_page_language_escaped(client, theme, lang, email, said):
    response = sign_up(client, lang, email, [theme])
    assert response.status_code == 400
    assert said in problems(response)
    html = response.content.decode()
    assert "<b>x</b>" not in html
    if email.startswith("<b>"):
        assert "&lt;b&gt;x&lt;/b&gt;@example.org" in html  # kept in the field, escaped
    assert not mail.outbox and not Recipient.objects.exists()


@pytest.mark.parametrize(
    ("lang", "said"),
    [("sv", "Välj minst en sak att bevaka."), ("en", "Choose at least one thing to follow.")],
)
def test_nothing_chosen_is_told(client, theme, lang, said):
    response = sign_up(client, lang, "a@example.org", [])
    assert response.status_code == 400
    assert said in problems(response)


def test_a_theme_that_no_longer_exists_is_told(client, theme):
    gone = theme.pk
    for asked in (gone + 1000, "²", "9" * 5000, "abc"):
        arrived = client.get(f"{SIGNUP['sv']}?follow={asked}")
        assert arrived.status_code == 404
        assert "Det du ville bevaka finns inte längre" in problems(arrived)

    form = client.get(f"{SIGNUP['en']}?follow={gone}")
    theme.unpublish()
    posted = client.post(SIGNUP["en"], {"email": "a@example.org", "follow": [gone]})
    assert form.status_code == 200 and posted.status_code == 400
    assert "What you chose can no longer be followed" in problems(posted)
    assert not mail.outbox


@pytest.mark.parametrize(
    ("lang", "said"),
    [("sv", "Det finns inget ämnesområde ”gone”"), ("en", "There is no topic “gone”")],
)
def test_a_filter_that_no_longer_exists_is_told(client, catalogue, lang, said):
    arrived = client.get(f"{SIGNUP[lang]}?follow={catalogue.pk}&topic=gone")
    posted = sign_up(client, lang, "a@example.org", [catalogue], topic="gone")
    assert (arrived.status_code, posted.status_code) == (400, 400)
    assert said in problems(arrived) and said in problems(posted)
    assert not mail.outbox


@pytest.mark.parametrize(
    ("lang", "said"),
    [("sv", "Vi har redan skickat flera mejl"), ("en", "We have already sent several mails")],
)
def test_many_sign_ups_for_one_address_are_refused_without_mail(client, theme, lang, said):
    statuses = [
        sign_up(client, lang, "target@example.org", [theme], REMOTE_ADDR=f"81.2.69.{n}").status_code
        for n in range(3)
    ]
    cache.clear()  # another client, too
    refused = sign_up(client, lang, "target@example.org", [theme])
    assert statuses == [200, 200, 200] and refused.status_code == 429
    assert said in refused.content.decode()
    assert len(mail.outbox) == 3


@pytest.mark.parametrize(
    ("lang", "said"), [("sv", "Vänta tio minuter"), ("en", "Please wait ten minutes")]
)
def test_many_sign_ups_from_one_client_get_a_429(client, theme, lang, said):
    statuses = [
        client.post(
            SIGNUP[lang],
            {"email": f"r{n}@example.org", "follow": [theme.pk]},
            REMOTE_ADDR="81.2.69.142",
        ).status_code
        for n in range(6)
    ]
    assert statuses == [200] * 5 + [429]
    limited = client.post(
        SIGNUP[lang], {"email": "x@example.org", "follow": [theme.pk]}, REMOTE_ADDR="81.2.69.142"
    )
    assert said in limited.content.decode()
    assert len(mail.outbox) == 5


def test_a_relay_that_is_away_saves_nothing_and_says_so(client, settings, theme):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    response = sign_up(client, "sv", "a@example.org", [theme])
    assert response.status_code == 503
    assert "Mejlet kunde inte skickas" in response.content.decode()
    assert not Subscription.objects.exists()
