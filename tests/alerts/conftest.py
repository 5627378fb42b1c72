"""What the alerts' tests share: a theme with a resource, the catalogue, and the visitor's
steps (sign up, confirm from the mail) through the real views and a real SMTP server."""

from __future__ import annotations

import datetime
import io
import re

import pytest
import time_machine
from django.core.management import call_command

from portal.alerts.models import Subscription
from tests.factories import (
    PublicationIndexPageFactory,
    SupportServicePageFactory,
    ThemePageFactory,
    TopicFactory,
)

SIGNUP = {"sv": "/sv/bevaka/", "en": "/en/email-alerts/"}
# The day a follower signs up; changes come after it.
DAY = datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC)


@pytest.fixture
def theme():
    with time_machine.travel(DAY - datetime.timedelta(days=30), tick=False):
        return ThemePageFactory(title_sv="Människohandel med barn", title_en="Child trafficking")


@pytest.fixture
def resource(theme):
    with time_machine.travel(DAY - datetime.timedelta(days=30), tick=False):
        return SupportServicePageFactory(
            parent=theme,
            title_sv="Nationellt metodstödsteam",
            title_en="National Method Support Team",
        )


@pytest.fixture
def catalogue():
    with time_machine.travel(DAY - datetime.timedelta(days=30), tick=False):
        return PublicationIndexPageFactory()


@pytest.fixture
def children():
    return TopicFactory(name_sv="Barn", name_en="Children", slug="barn-och-unga")


def sign_up(client, lang, email, pages, **filters):
    """Post the sign-up form of the page in `lang`; `filters` the catalogue's."""
    data = {"email": email, "follow": [page.pk for page in pages], **filters}
    return client.post(SIGNUP[lang], data)


def link_in(text: str, kind: str) -> str:
    """The path of the link of `kind` (bekrafta/confirm, avsluta/unsubscribe, …) in a mail."""
    found = re.search(rf"http://testserver(/(?:sv|en)/[^\s]*/{kind}/[^\s/]+/)", text)
    assert found, text
    return found.group(1)


CONFIRM = {"sv": "bekrafta", "en": "confirm"}


def follow(client, server, lang, email, pages, when=DAY, **filters) -> list[Subscription]:
    """Sign up and confirm from the mail, on the day `when`; the confirmed subscriptions."""
    with time_machine.travel(when, tick=False):
        response = sign_up(client, lang, email, pages, **filters)
        assert response.status_code == 200, response.content.decode()
        path = link_in(server.texts()[-1], CONFIRM[lang])
        assert client.post(path).status_code == 200
    return list(Subscription.objects.filter(recipient__email=email).confirmed())


def send(when, **options) -> str:
    """Run `send_alerts` on the day `when`; what it printed."""
    out = io.StringIO()
    with time_machine.travel(when, tick=False):
        call_command("send_alerts", stdout=out, **options)
    return out.getvalue()


def publish_major(obj, when, note=("Nytt telefonnummer.", "A new telephone number.")):
    """Publish a major change of a page or a publication, with its note, on the day `when`."""
    with time_machine.travel(when, tick=False):
        obj.change_kind = "major"
        obj.change_note_sv, obj.change_note_en = note
        obj.save_revision().publish()
