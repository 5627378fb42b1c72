"""Signing up, confirming, stopping and seeing one's alerts: plain forms, no JavaScript, no
account. The links in the mails carry secrets (portal.alerts.models.new_token); nothing
here is for a cache (`no-store`), and nothing here is indexed.

The one-click address (`unsubscribe`) takes a POST without a CSRF token, as RFC 8058's mail
clients send it; its secret is in the address. The other forms are Django's, with tokens.
"""

from __future__ import annotations

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from portal.alerts import mail
from portal.alerts.following import FilterProblem
from portal.alerts.forms import SignupForm, followable_pages
from portal.alerts.models import CONFIRM_DAYS, Recipient, Subscription, new_token
from portal.core.rate_limit import allow

logger = logging.getLogger(__name__)

SCOPE = "alert-signup"


def _render(request, template: str, context: dict, status: int = 200):
    response = render(request, template, {"noindex": True, **context}, status=status)
    add_never_cache_headers(response)
    return response


def _message(request, status: int, title: str, paragraphs: list[str], **extra):
    context = {"title": title, "paragraphs": paragraphs, "is_problem": status >= 400, **extra}
    return _render(request, "alerts/message.html", context, status=status)


def _signup_url() -> str:
    return reverse("alerts:signup")


class Offer:
    """What the sign-up page offers: each page visitors may follow, with the catalogue's
    filter from the query string (or the form), and what was wrong with that filter."""

    def __init__(self, params):
        self.pages = followable_pages()
        self.filters: dict[int, dict[str, str]] = {}
        self.problems: list[str] = []
        for page in self.pages:
            try:
                self.filters[page.pk] = page.alert_filters(params)
            except FilterProblem as problem:
                self.problems.append(str(problem))
                self.filters[page.pk] = {}
        self.subjects = {page.pk: page.alert_subject(self.filters[page.pk]) for page in self.pages}

    def descriptions(self) -> dict[str, str]:
        return {str(page.pk): page.alert_description(self.filters[page.pk]) for page in self.pages}

    def carried(self) -> dict[str, str]:
        """The filter as hidden fields, for the form to post back."""
        return {name: value for filters in self.filters.values() for name, value in filters.items()}


def _signup_page(request, form, offer: Offer, status: int, problems: list[str]):
    descriptions = offer.descriptions()
    choices = [(choice, descriptions[str(choice.data["value"])]) for choice in form["follow"]]
    context = {
        "form": form,
        "choices": choices,
        "carried": offer.carried(),
        "problems": problems,
        "days": CONFIRM_DAYS,
    }
    return _render(request, "alerts/signup.html", context, status=status)


def _followed_on_arrival(request, offer: Offer) -> tuple[list[int], list[str], int]:
    """The page the visitor came from (?follow=), checked: its id, or a problem and 404."""
    asked = request.GET.get("follow", "")
    if not asked:
        return [], [], 200
    if asked.isascii() and asked.isdigit() and len(asked) < 20 and int(asked) in offer.subjects:
        return [int(asked)], [], 200
    return (
        [],
        [_("What you wanted to follow no longer exists, or cannot be followed. Choose below.")],
        404,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def signup(request):
    if request.method != "POST":
        offer = Offer(request.GET)
        initial, problems, status = _followed_on_arrival(request, offer)
        if offer.problems:
            problems, status = [*problems, *offer.problems], 400
        form = SignupForm(initial={"follow": initial}, pages=offer.pages, subjects=offer.subjects)
        return _signup_page(request, form, offer, status, problems)

    if not allow(request, SCOPE, settings.ALERTS_SIGNUP_LIMIT, settings.ALERTS_SIGNUP_WINDOW):
        return _message(
            request,
            429,
            _("Too many sign-ups"),
            [_("Many sign-ups have been sent from your connection. Please wait ten minutes.")],
        )
    offer = Offer(request.POST)
    form = SignupForm(request.POST, pages=offer.pages, subjects=offer.subjects)
    if not form.is_valid() or offer.problems:
        return _signup_page(request, form, offer, 400, offer.problems)
    email = form.cleaned_data["email"]
    if _confirmations_today(email) >= settings.ALERTS_CONFIRMATIONS_PER_ADDRESS:
        return _message(
            request,
            429,
            _("Too many sign-ups for this address"),
            [
                _(
                    "We have already sent several mails to confirm alerts to this address today. "
                    "Please use the link in one of them, or try again tomorrow."
                )
            ],
        )
    return _sign_up(
        request, email, [(page, offer.filters[page.pk]) for page in form.chosen_pages()]
    )


def _confirmations_today(email: str) -> int:
    since = timezone.now() - timedelta(days=1)
    return (
        Subscription.objects.filter(recipient__email=email, created_at__gt=since)
        .values("confirm_token")
        .distinct()
        .count()
    )


def _sign_up(request, email: str, chosen: list):
    language = get_language()
    confirm_token = new_token()
    failed = False
    with transaction.atomic():
        recipient, _created = Recipient.objects.get_or_create(email=email)
        created = []
        for page, filters in chosen:
            same = recipient.subscriptions.filter(page=page, filters=filters, language=language)
            if same.filter(confirmed_at__isnull=False).exists():
                continue  # followed already: nothing to confirm
            created.append(
                Subscription.objects.create(
                    recipient=recipient,
                    page=page,
                    filters=filters,
                    language=language,
                    confirm_token=confirm_token,
                )
            )
        if created:
            try:
                mail.confirmation(recipient, created, language).send()
            except (smtplib.SMTPException, OSError) as error:
                logger.error("A confirmation mail was not sent (%s).", type(error).__name__)
                failed = True
                transaction.set_rollback(True)
    if failed:
        return _message(
            request,
            503,
            _("The mail could not be sent"),
            [_("Nothing was saved. Please try again in a while.")],
        )
    return _message(
        request,
        200,
        _("Check your e-mail"),
        [
            _(
                "If %(email)s does not already follow what you chose, we have sent a mail to it "
                "with a link. Nothing is sent until you open the link and confirm."
            )
            % {"email": email},
            _("The link works for %(days)s days. If you do not use it, the address is deleted.")
            % {"days": CONFIRM_DAYS},
        ],
    )


def _confirm_problem(request, subscriptions: list[Subscription]):
    if not subscriptions:
        return _message(
            request,
            404,
            _("The link does not work"),
            [
                _(
                    "The link is not complete, or the sign-up it confirmed no longer exists: "
                    "links to confirm are deleted after %(days)s days."
                )
                % {"days": CONFIRM_DAYS}
            ],
            signup_url=_signup_url(),
        )
    if any(subscription.is_expired for subscription in subscriptions):
        return _message(
            request,
            410,
            _("The link has expired"),
            [
                _("Links to confirm work for %(days)s days. Please sign up again.")
                % {"days": CONFIRM_DAYS}
            ],
            signup_url=_signup_url(),
        )
    return None


def _subjects(subscriptions: list[Subscription]) -> list[str]:
    return [
        subscription.page.specific.alert_subject(subscription.filters)
        for subscription in subscriptions
    ]


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token: str):
    subscriptions = list(
        Subscription.objects.filter(confirm_token=token).select_related("page", "recipient")
    )
    if problem := _confirm_problem(request, subscriptions):
        return problem
    manage_url = reverse("alerts:manage", kwargs={"token": subscriptions[0].recipient.token})
    waiting = [subscription for subscription in subscriptions if not subscription.confirmed_at]
    if not waiting:
        return _message(
            request,
            200,
            _("Already confirmed"),
            [_("You have already confirmed these alerts.")],
            items=_subjects(subscriptions),
            manage_url=manage_url,
        )
    if request.method != "POST":
        context = {"items": _subjects(waiting), "email": subscriptions[0].recipient.email}
        return _render(request, "alerts/confirm.html", context)
    now = timezone.now()
    with transaction.atomic():
        for subscription in waiting:  # an earlier sign-up for the same is replaced by this one
            subscription.recipient.subscriptions.filter(
                page=subscription.page_id,
                filters=subscription.filters,
                language=subscription.language,
                confirmed_at__isnull=True,
            ).exclude(confirm_token=token).delete()
        Subscription.objects.filter(pk__in=[s.pk for s in waiting]).update(
            confirmed_at=now, planned_until=now
        )
    return _message(
        request,
        200,
        _("Your alerts are confirmed"),
        [_("We will send you an e-mail when any of these changes:")],
        items=_subjects(waiting),
        manage_url=manage_url,
    )


def _gone(request):
    return _message(
        request,
        404,
        _("No such alert"),
        [_("The alert has already been stopped, or the link is not complete.")],
        signup_url=_signup_url(),
    )


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token: str):
    """One alert's stop (its own secret), or a whole sign-up not yet confirmed (the secret
    of its confirmation mail: "I did not ask for this", the address deleted at once)."""
    found = Subscription.objects.select_related("page", "recipient")
    subscriptions = list(found.filter(token=token)) or list(
        found.filter(confirm_token=token, confirmed_at__isnull=True)
    )
    if not subscriptions:
        return _gone(request)
    subject = "; ".join(_subjects(subscriptions))
    if request.method != "POST":
        return _render(request, "alerts/unsubscribe.html", {"subject": subject})
    recipient = subscriptions[0].recipient
    Subscription.objects.filter(pk__in=[s.pk for s in subscriptions]).delete()
    remaining = recipient.subscriptions.exists()
    if not remaining:
        recipient.delete()  # the address is kept for no other reason
    elif request.POST.get("back") == "manage":
        response = redirect(reverse("alerts:manage", kwargs={"token": recipient.token}))
        response.status_code = 303  # see the list again, with a GET
        return response
    return _message(
        request,
        200,
        _("The alert is stopped"),
        [_("You will get no more mail about: %(subject)s.") % {"subject": subject}]
        + ([] if remaining else [_("Your e-mail address has been deleted.")]),
        manage_url=reverse("alerts:manage", kwargs={"token": recipient.token})
        if remaining
        else None,
    )


@require_http_methods(["GET", "HEAD"])
def manage(request, token: str):
    recipient = Recipient.objects.filter(token=token).first()
    if recipient is None:
        return _gone(request)
    subscriptions = list(recipient.subscriptions.select_related("page"))
    rows = [
        {"subscription": subscription, "subject": subject}
        for subscription, subject in zip(subscriptions, _subjects(subscriptions), strict=True)
    ]
    context = {"recipient": recipient, "rows": rows, "signup_url": _signup_url()}
    return _render(request, "alerts/manage.html", context)
