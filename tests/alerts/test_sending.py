"""`send_alerts` against a real SMTP server on loopback: what a follower gets, once, in the
language they signed up in; nothing before confirming; within the limits; a refused delivery
tried again later; an interrupted batch resumed without sending anything twice."""

from __future__ import annotations

import datetime
import os
import signal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from portal.alerts import sending
from portal.alerts.models import Delivery, DeliveryStatus, Recipient, Subscription
from tests.alerts.conftest import DAY, follow, link_in, publish_major, send, sign_up
from tests.factories import PublicationFactory, SupportServicePageFactory, TopicFactory
from tests.helpers import url_in

pytestmark = pytest.mark.django_db

CHANGED = DAY + datetime.timedelta(days=2)
SENT = DAY + datetime.timedelta(days=2, hours=1)
NOTE = ("Nytt telefonnummer till stödlinjen.", "A new telephone number for the helpline.")


@pytest.mark.parametrize(
    ("language", "subject", "note"),
    [
        ("sv", "Uppdaterat: Människohandel med barn", NOTE[0]),
        ("en", "Updated: Child trafficking", NOTE[1]),
    ],
)
def test_a_major_change_reaches_a_follower_once_in_their_language(
    client, smtp, theme, resource, language, subject, note
):
    server = smtp()
    (subscription,) = follow(client, server, language, "a@example.org", [theme])
    publish_major(resource, CHANGED, NOTE)
    send(SENT)

    mail = server.messages[-1]
    assert len(server.messages) == 2  # the confirmation, then the change
    assert mail["Subject"] == subject
    assert mail["To"] == "a@example.org"
    text = mail.get_body(("plain",)).get_content()
    html = mail.get_body(("html",)).get_content()
    assert note in text and note in html
    assert f"http://testserver{url_in(resource, language)}" in text
    unsubscribe = (
        f"http://testserver{link_in(text, 'avsluta' if language == 'sv' else 'unsubscribe')}"
    )
    assert subscription.token in unsubscribe
    assert mail["List-Unsubscribe"].strip() == f"<{unsubscribe}>"  # folded: a long line
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert subscription.recipient.token in text  # the link to all its subscriptions

    send(SENT + datetime.timedelta(hours=1))
    assert len(server.messages) == 2  # never the same change twice


def test_nothing_reaches_an_address_that_did_not_confirm_and_it_is_forgotten(
    client, smtp, theme, resource
):
    server = smtp()
    with time_machine.travel(DAY, tick=False):
        assert sign_up(client, "sv", "b@example.org", [theme]).status_code == 200
    publish_major(resource, CHANGED)
    send(SENT)
    assert len(server.messages) == 1  # the confirmation only
    assert Delivery.objects.count() == 0

    send(DAY + datetime.timedelta(days=6, hours=23))
    assert Recipient.objects.filter(email="b@example.org").exists()
    send(DAY + datetime.timedelta(days=7, minutes=1))
    assert not Recipient.objects.filter(email="b@example.org").exists()
    assert not Subscription.objects.exists()


def test_a_change_made_before_confirming_is_not_sent(client, smtp, theme, resource):
    server = smtp()
    publish_major(resource, DAY - datetime.timedelta(days=1))
    follow(client, server, "sv", "c@example.org", [theme])
    send(SENT)
    assert len(server.messages) == 1


def test_a_minor_change_sends_nothing_and_a_new_page_is_told(client, smtp, theme, resource):
    server = smtp()
    follow(client, server, "en", "d@example.org", [theme])
    with time_machine.travel(CHANGED, tick=False):
        resource.save_revision().publish()  # minor, the default
    send(SENT)
    assert len(server.messages) == 1

    with time_machine.travel(SENT + datetime.timedelta(minutes=30), tick=False):
        added = SupportServicePageFactory(parent=theme, title_en="Helpline for professionals")
    send(SENT + datetime.timedelta(hours=1))
    assert len(server.messages) == 2
    text = server.texts()[-1]
    assert "Helpline for professionals" in text and "New page." in text
    assert url_in(added, "en") in text


@pytest.mark.parametrize("hide", ["private", "unpublished"])
def test_a_page_made_private_or_unpublished_before_sending_is_not_told(
    client, smtp, theme, resource, hide
):
    server = smtp()
    follow(client, server, "sv", "e@example.org", [theme])
    publish_major(resource, CHANGED)
    send(CHANGED + datetime.timedelta(minutes=1), batch=0)  # planned, not sent
    assert Delivery.objects.get().status == DeliveryStatus.PENDING
    if hide == "private":
        PageViewRestriction.objects.create(page=resource, restriction_type="login")
    else:
        resource.unpublish()

    send(SENT)
    assert len(server.messages) == 1
    assert Delivery.objects.get().status == DeliveryStatus.SKIPPED


def test_a_publication_that_no_longer_matches_before_sending_is_not_told(
    client, smtp, catalogue, children
):
    server = smtp()
    follow(client, server, "sv", "e@example.org", [catalogue], topic="barn-och-unga")
    with time_machine.travel(CHANGED, tick=False):
        publication = PublicationFactory(topics=[children])
    send(CHANGED + datetime.timedelta(minutes=1), batch=0)  # planned, not sent
    publication.topics.set([TopicFactory()])
    publication.save()

    send(SENT)
    assert len(server.messages) == 1
    assert Delivery.objects.get().status == DeliveryStatus.SKIPPED


def test_a_change_two_subscriptions_find_is_sent_once(client, smtp, catalogue, children):
    server = smtp()
    follow(client, server, "sv", "f@example.org", [catalogue])  # every publication
    follow(client, server, "sv", "f@example.org", [catalogue], topic="barn-och-unga")
    assert Subscription.objects.confirmed().count() == 2
    with time_machine.travel(CHANGED, tick=False):
        PublicationFactory(title_sv="Barn som far illa", topics=[children])
    send(SENT)
    assert len(server.messages) == 3
    assert "Barn som far illa" in server.texts()[-1]
    assert "Ny publikation." in server.texts()[-1]


def test_the_catalogue_filter_decides_what_is_sent(client, smtp, catalogue, children):
    server = smtp()
    follow(client, server, "en", "g@example.org", [catalogue], topic="barn-och-unga", language="en")
    with time_machine.travel(CHANGED, tick=False):
        PublicationFactory(
            title_en="Children in English", topics=[children], languages=["sv", "en"]
        )
        PublicationFactory(title_en="Children in Swedish only", topics=[children])
        PublicationFactory(title_en="Elderly in English", topics=[TopicFactory()], languages=["en"])
    send(SENT)
    text = server.texts()[-1]
    assert len(server.messages) == 2
    assert "Children in English" in text
    assert "Swedish only" not in text and "Elderly" not in text
    assert server.messages[-1]["Subject"] == (
        "Updated: Publications (Topic: Children; Available in: English)"
    )


def followers(client, server, theme, count):
    for number in range(count):
        follow(client, server, "sv", f"follower{number}@example.org", [theme])


def test_the_hourly_limit_and_the_batch_hold_the_rest_for_later(client, smtp, theme, resource):
    server = smtp()
    followers(client, server, theme, 3)
    publish_major(resource, CHANGED)
    confirmations = len(server.messages)

    send(SENT, per_hour=2)
    assert len(server.messages) - confirmations == 2
    send(SENT + datetime.timedelta(minutes=30), per_hour=2)
    assert len(server.messages) - confirmations == 2  # the same hour
    send(SENT + datetime.timedelta(minutes=61), per_hour=2, batch=1)
    assert len(server.messages) - confirmations == 3
    assert {m["To"] for m in server.messages[confirmations:]} == {
        f"follower{n}@example.org" for n in range(3)
    }


def test_a_refused_delivery_is_tried_again_later_and_arrives_once(client, smtp, theme, resource):
    server = smtp()
    follow(client, server, "sv", "h@example.org", [theme])
    publish_major(resource, CHANGED)
    server.refuse = {"h@example.org"}

    send(SENT)
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.PENDING, 1)
    assert "SMTPRecipientsRefused" in delivery.error

    server.refuse = False
    send(SENT + datetime.timedelta(minutes=5))  # too soon: it waits its turn
    assert len(server.messages) == 1
    send(SENT + datetime.timedelta(minutes=16))
    send(SENT + datetime.timedelta(hours=2))
    assert len(server.messages) == 2
    assert Delivery.objects.get().status == DeliveryStatus.SENT


def test_an_interrupted_batch_resumes_without_sending_anything_twice(client, smtp, theme, resource):
    server = smtp()
    followers(client, server, theme, 4)
    publish_major(resource, CHANGED)
    confirmations = len(server.messages)

    def interrupt_at_the_third(number):
        if number == confirmations + 3:  # the relay has the third mail, the sender waits
            os.kill(os.getpid(), signal.SIGINT)

    server.on_data = interrupt_at_the_third
    with pytest.raises(KeyboardInterrupt):
        send(SENT)
    server.on_data = None
    assert len(server.messages) - confirmations == 3

    send(SENT + datetime.timedelta(minutes=10))
    send(SENT + datetime.timedelta(hours=3))
    arrived = [m["To"] for m in server.messages[confirmations:]]
    assert sorted(arrived) == [f"follower{n}@example.org" for n in range(4)]
    statuses = sorted(Delivery.objects.values_list("status", flat=True))
    # The one the relay had when the run stopped is not sent again: given up, noted.
    assert statuses == [DeliveryStatus.FAILED] + [DeliveryStatus.SENT] * 3


def test_a_relay_that_does_not_answer_costs_no_attempt_and_stops_the_run(
    client, smtp, settings, theme, resource
):
    server = smtp()
    followers(client, server, theme, 2)
    publish_major(resource, CHANGED)
    port = settings.EMAIL_PORT
    settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = 1, 2  # nothing listens there

    printed = send(SENT)
    assert "runs stopped: the relay did not answer: 1" in printed
    deliveries = Delivery.objects.all()
    assert {(d.status, d.attempts) for d in deliveries} == {(DeliveryStatus.PENDING, 0)}
    assert sum("ConnectionRefusedError" in d.error for d in deliveries) == 1  # one tried

    settings.EMAIL_PORT = port
    send(SENT + datetime.timedelta(minutes=16))
    assert len(server.messages) == 4  # two confirmations, then both changes


def test_finding_changes_costs_as_many_queries_for_twelve_followers_as_for_two(
    client, smtp, settings, theme, resource, catalogue
):
    settings.ALERTS_SIGNUP_LIMIT = 100  # the followers sign up from one test client
    server = smtp()
    followers(client, server, theme, 2)
    follow(client, server, "en", "reader@example.org", [catalogue])
    publish_major(resource, CHANGED)
    with CaptureQueriesContext(connection) as two:
        assert sending.plan(SENT) == 2

    for number in range(2, 12):
        follow(client, server, "sv", f"follower{number}@example.org", [theme], when=SENT)
    publish_major(resource, SENT + datetime.timedelta(hours=1), ("Ny adress.", "A new address."))
    with CaptureQueriesContext(connection) as twelve:
        assert sending.plan(SENT + datetime.timedelta(hours=2)) == 12
    assert len(twelve) == len(two)
