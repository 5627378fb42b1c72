"""The alerts' mails, in the subscription's language: plain text and HTML.

Every mail names its one-click unsubscribe address in its body and in `List-Unsubscribe` /
`List-Unsubscribe-Post` (RFC 8058), and links to the page where the address sees and stops
each of its subscriptions. Links are absolute, on
WAGTAILADMIN_BASE_URL (the site's public address, as in Wagtail's own mails).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import make_msgid
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from portal.alerts.following import Event
from portal.alerts.models import CONFIRM_DAYS, Recipient, Subscription


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def link(name: str, token: str) -> str:
    """The absolute address of an alerts view, in the active language."""
    return absolute(reverse(f"alerts:{name}", kwargs={"token": token}))


def subject_of(subscription: Subscription) -> str:
    return subscription.page.specific.alert_subject(subscription.filters)


def _message(to: str, subject: str, template: str, context: dict, headers=None):
    text = render_to_string(f"alerts/mail/{template}.txt", context)
    html = render_to_string(f"alerts/mail/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[to],
        headers={"Message-ID": make_msgid(domain=domain()), **(headers or {})},
    )
    message.attach_alternative(html, "text/html")
    return message


def domain() -> str:
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def confirmation(
    recipient: Recipient, subscriptions: list[Subscription], language: str
) -> EmailMultiAlternatives:
    """The first mail: what was asked for, the link that confirms it, and, as in every mail,
    the links that stop it (here: the whole sign-up, the address deleted at once) and show
    the address's alerts."""
    with translation.override(language):
        token = subscriptions[0].confirm_token
        context = {
            "subjects": [subject_of(subscription) for subscription in subscriptions],
            "confirm_url": link("confirm", token),
            "unsubscribe_url": link("unsubscribe", token),
            "manage_url": link("manage", recipient.token),
            "days": CONFIRM_DAYS,
            "site": absolute(f"/{language}/"),
        }
        return _message(
            recipient.email,
            gettext("Confirm your e-mail alert"),
            "confirm",
            context,
            headers=_list_headers(context["unsubscribe_url"]),
        )


def _list_headers(unsubscribe: str) -> dict[str, str]:
    """RFC 2369's stop link and RFC 8058's one-click POST to it."""
    return {
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
    }


def changes(subscription: Subscription, events: list[Event]) -> EmailMultiAlternatives:
    """What changed in what the subscription follows, with each change's public note."""
    with translation.override(subscription.language):
        subject = subject_of(subscription)
        unsubscribe = link("unsubscribe", subscription.token)
        context = {
            "subject": subject,
            "events": [
                {
                    "title": event.title,
                    "url": absolute(event.url),
                    "note": event.note,
                    "at": event.at,
                }
                for event in events
            ],
            "unsubscribe_url": unsubscribe,
            "manage_url": link("manage", subscription.recipient.token),
            "site": absolute(f"/{subscription.language}/"),
        }
        return _message(
            subscription.recipient.email,
            gettext("Updated: %(subject)s") % {"subject": subject},
            "changes",
            context,
            headers=_list_headers(unsubscribe),
        )
