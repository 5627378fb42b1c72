"""E-mail alerts ("Bevaka"): who follows what, and what has been sent to them.

An address (`Recipient`) holds subscriptions; each follows one page that visitors may
follow (`portal.alerts.following.Followable`: a theme, the catalogue with its filter). A
subscription is confirmed by the link in the first mail (double opt-in) and sends nothing
before; unconfirmed ones are deleted after `CONFIRM_DAYS` days. A `Delivery` is one change
for one address: unique per address and change, so a change reaches an address once
whichever of its subscriptions found it.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# How long an unconfirmed subscription (and its address) is kept.
CONFIRM_DAYS = 7


def expiry(now=None):
    """Unconfirmed sign-ups made before this are past their days."""
    return (now or timezone.now()) - timedelta(days=CONFIRM_DAYS)


def new_token() -> str:
    """A secret for a link in a mail: 256 bits, URL-safe."""
    return secrets.token_urlsafe(32)


class Recipient(models.Model):
    """An e-mail address and the secret of its "your subscriptions" link."""

    email = models.EmailField(_("e-mail address"), unique=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("alert recipient")
        verbose_name_plural = _("alert recipients")

    def __str__(self) -> str:
        return self.email


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def expired(self, now=None):
        """Unconfirmed past their days: to be forgotten."""
        return self.filter(confirmed_at__isnull=True, created_at__lt=expiry(now))


class Subscription(models.Model):
    """One followed page (and for the catalogue, its filter), in one language."""

    recipient = models.ForeignKey(Recipient, on_delete=models.CASCADE, related_name="subscriptions")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    # The catalogue's filter as its query parameters (slugs), empty for a theme.
    filters = models.JSONField(_("filter"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=7)
    # Shared by the subscriptions of one sign-up: the link in its confirmation mail.
    confirm_token = models.CharField(max_length=64, db_index=True, editable=False)
    # The subscription's own: its unsubscribe link (and List-Unsubscribe).
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Changes up to here have been looked for (send_alerts).
    planned_until = models.DateTimeField(null=True, blank=True, editable=False)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.recipient} – {self.page_id} {self.filters}"

    @property
    def is_expired(self) -> bool:
        return not self.confirmed_at and self.created_at < expiry()


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("waiting to be sent")
    SENDING = "sending", _("being sent")
    SENT = "sent", _("sent")
    SKIPPED = "skipped", _("no longer public: not sent")
    FAILED = "failed", _("failed: given up")


class Delivery(models.Model):
    """One change for one address, found through one of its subscriptions."""

    recipient = models.ForeignKey(Recipient, on_delete=models.CASCADE, related_name="+")
    # Kept when the subscription is stopped, so that the address's other subscriptions do
    # not send the change again; a pending delivery without its subscription is not sent.
    subscription = models.ForeignKey(
        Subscription, on_delete=models.SET_NULL, null=True, related_name="deliveries"
    )
    # What changed (portal.alerts.following.Event.key), and when.
    key = models.CharField(max_length=100)
    changed_at = models.DateTimeField()
    status = models.CharField(
        max_length=8, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    message_id = models.CharField(max_length=255, blank=True)
    error = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = _("alert delivery")
        verbose_name_plural = _("alert deliveries")
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="alerts_once_per_address")
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.key} → {self.recipient_id} ({self.status})"
