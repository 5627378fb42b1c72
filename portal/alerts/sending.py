"""What `manage.py send_alerts` does, in three steps, each safe to interrupt and repeat.

1. Forget: unconfirmed subscriptions older than CONFIRM_DAYS, addresses without a
   subscription, and finished deliveries older than KEEP_DAYS.
2. Plan: for each confirmed subscription, the changes since it last looked (with an
   overlap, for changes committed late) become deliveries; a delivery is unique per address
   and change, so a change found again, or through another subscription of the address,
   adds nothing.
3. Send: due deliveries, one mail per subscription, at most `batch` mails a run and
   `per_hour` mails in any hour. A mail's deliveries are claimed before it is handed to the
   relay and marked sent after: a run that is interrupted leaves the rest pending for the
   next. A refused or failed delivery is tried again later (RETRY_MINUTES, doubling), and
   given up after MAX_ATTEMPTS. A mail interrupted while the relay had it is never sent
   again (it may have arrived): at most once, never twice.
"""

from __future__ import annotations

import json
import logging
import smtplib
from collections import Counter, defaultdict
from datetime import timedelta

from django.core.mail import get_connection
from django.core.mail.message import make_msgid
from django.db.models import Min
from django.utils import timezone, translation
from wagtail.models import Page

from portal.alerts import mail
from portal.alerts.models import Delivery, DeliveryStatus, Recipient, Subscription

logger = logging.getLogger(__name__)

OVERLAP = timedelta(minutes=10)
STALE = timedelta(hours=1)
KEEP_DAYS = 30
RETRY_MINUTES = 15
MAX_ATTEMPTS = 8


def retry_delay(attempts: int) -> timedelta:
    """15 minutes, then 30, 60, … at most a day."""
    return timedelta(minutes=min(RETRY_MINUTES * 2 ** (attempts - 1), 24 * 60))


def _public(page: Page) -> bool:
    return Page.objects.live().public().filter(pk=page.pk).exists()


def forget(now) -> int:
    """Delete what is no longer needed; the number of unconfirmed subscriptions deleted."""
    _total, deleted = Subscription.objects.expired(now).delete()
    Recipient.objects.filter(subscriptions__isnull=True).delete()
    Delivery.objects.exclude(status__in=[DeliveryStatus.PENDING, DeliveryStatus.SENDING]).filter(
        changed_at__lt=now - timedelta(days=KEEP_DAYS)
    ).delete()
    return deleted.get(Subscription._meta.label, 0)


def _since(subscription: Subscription):
    """Where a subscription's next look starts: its last, less the overlap; never before it
    was confirmed."""
    looked = subscription.planned_until or subscription.confirmed_at
    return max(subscription.confirmed_at, looked - OVERLAP)


def plan(now) -> int:
    """Turn the changes since each subscription last looked into deliveries; how many.

    The changes of each followed page (with its filter) are read once for all who follow
    it: a run's queries grow with what is followed, not with how many follow it.
    """
    before = Delivery.objects.count()
    followers: dict[tuple[int, str], list[Subscription]] = defaultdict(list)
    for subscription in Subscription.objects.confirmed():
        filters = json.dumps(subscription.filters, sort_keys=True)
        followers[(subscription.page_id, filters)].append(subscription)
    public = Page.objects.live().public().filter(pk__in={page for page, _ in followers})
    pages = {page.pk: page for page in public.specific()}
    deliveries = []
    for (page_id, _filters), group in followers.items():
        if page_id not in pages:
            continue  # not public now: nothing of it is told
        since = min(_since(subscription) for subscription in group)
        events = [e for e in pages[page_id].alert_events(group[0].filters, since) if e.at <= now]
        deliveries += [
            Delivery(
                recipient_id=subscription.recipient_id,
                subscription=subscription,
                key=event.key,
                changed_at=event.at,
                next_attempt_at=now,
            )
            for subscription in group
            for event in events
            if event.at > _since(subscription)
        ]
    Delivery.objects.bulk_create(deliveries, ignore_conflicts=True, batch_size=500)
    # Looking starts from confirmation at the earliest (_since): one confirmed during this
    # run loses nothing by this.
    Subscription.objects.confirmed().update(planned_until=now)
    return Delivery.objects.count() - before


def _give_up_stale(now) -> int:
    """Deliveries claimed by a run that never finished: not sent again (see above)."""
    return Delivery.objects.filter(
        status=DeliveryStatus.SENDING, claimed_at__lt=now - STALE
    ).update(
        status=DeliveryStatus.FAILED,
        error="Interrupted while being sent; not sent again, so as never to send it twice.",
    )


def sent_last_hour(now) -> int:
    return (
        Delivery.objects.filter(status=DeliveryStatus.SENT, sent_at__gt=now - timedelta(hours=1))
        .values("message_id")
        .distinct()
        .count()
    )


class RelayAway(Exception):
    """The relay did not answer: the run stops, and nothing is counted against an address."""


class Sender:
    """One run's sending: a connection to the relay and the tally."""

    def __init__(self, now, *, batch: int, per_hour: int):
        self.now = now
        self.limit = max(0, min(batch, per_hour - sent_last_hour(now)))
        self.tally: Counter[str] = Counter()
        self.connection = get_connection(fail_silently=False)

    def due_subscriptions(self) -> list[int]:
        due = (
            Delivery.objects.filter(
                status=DeliveryStatus.PENDING,
                next_attempt_at__lte=self.now,
                subscription__isnull=False,
            )
            .values("subscription_id")
            .annotate(first=Min("next_attempt_at"))
            .order_by("first", "subscription_id")
        )
        return [row["subscription_id"] for row in due]

    def run(self) -> Counter[str]:
        self.tally["given up (interrupted earlier)"] += _give_up_stale(self.now)
        Delivery.objects.filter(status=DeliveryStatus.PENDING, subscription__isnull=True).update(
            status=DeliveryStatus.SKIPPED
        )
        try:
            for subscription_id in self.due_subscriptions():
                if self.tally["mails sent"] >= self.limit:
                    self.tally["subscriptions held back by the limits"] += 1
                    continue
                self.send_one(subscription_id)
        except RelayAway as away:
            logger.warning("The mail relay did not answer (%s); the run stops.", away.__cause__)
            self.tally["runs stopped: the relay did not answer"] += 1
        finally:
            self.connection.close()
        return self.tally

    def _claim(self, subscription_id: int) -> tuple[str, list[Delivery]]:
        claim = make_msgid(domain=mail.domain())
        Delivery.objects.filter(
            subscription_id=subscription_id,
            status=DeliveryStatus.PENDING,
            next_attempt_at__lte=self.now,
        ).update(status=DeliveryStatus.SENDING, claimed_at=timezone.now(), message_id=claim)
        claimed = list(Delivery.objects.filter(message_id=claim, status=DeliveryStatus.SENDING))
        return claim, claimed

    def send_one(self, subscription_id: int) -> None:
        claim, handed_over = "", False
        try:
            claim, claimed = self._claim(subscription_id)
            if not claimed:
                return  # another run took them
            subscription = (
                Subscription.objects.select_related("page", "recipient")
                .filter(pk=subscription_id)
                .first()
            )
            if subscription is None:  # stopped since the deliveries were claimed
                Delivery.objects.filter(message_id=claim).update(status=DeliveryStatus.SKIPPED)
                return
            page = subscription.page.specific
            since = min(d.changed_at for d in claimed) - timedelta(seconds=1)
            with translation.override(subscription.language):
                events = page.alert_events(subscription.filters, since) if _public(page) else []
            keys = {d.key for d in claimed}
            events = [event for event in events if event.key in keys]
            gone = keys - {event.key for event in events}
            if gone:  # no longer public, or no longer matching: never sent
                Delivery.objects.filter(message_id=claim, key__in=gone).update(
                    status=DeliveryStatus.SKIPPED
                )
                self.tally["changes no longer public"] += len(gone)
            if not events:
                return
            message = mail.changes(subscription, events)
            message.extra_headers["Message-ID"] = claim
            handed_over = True
            self.connection.send_messages([message])
        except (
            smtplib.SMTPRecipientsRefused,
            smtplib.SMTPSenderRefused,
            smtplib.SMTPDataError,
        ) as error:
            self._failed(claim, claimed, error)  # this mail was refused: its address's attempt
            return
        except (smtplib.SMTPException, OSError) as error:
            # The relay does not answer: no address is to blame, and the others would wait
            # for the same time-out. The mail waits, its attempts untouched; the run stops.
            self._release(claim, next_attempt_at=self.now + retry_delay(1), error=error)
            raise RelayAway from error
        except BaseException:
            if claim and not handed_over:  # interrupted before the relay had it: sent next run
                self._release(claim)
            raise
        Delivery.objects.filter(message_id=claim, status=DeliveryStatus.SENDING).update(
            status=DeliveryStatus.SENT, sent_at=timezone.now()
        )
        self.tally["mails sent"] += 1
        self.tally["changes sent"] += len(events)

    def _release(self, claim: str, error: Exception | None = None, **fields) -> None:
        if error is not None:
            fields["error"] = f"{type(error).__name__}: {error}"[:255]
        Delivery.objects.filter(message_id=claim, status=DeliveryStatus.SENDING).update(
            status=DeliveryStatus.PENDING, claimed_at=None, message_id="", **fields
        )

    def _failed(self, claim: str, claimed: list[Delivery], error: Exception) -> None:
        self.connection.close()  # a refused or broken conversation starts afresh
        attempts = max(delivery.attempts for delivery in claimed) + 1
        gave_up = attempts >= MAX_ATTEMPTS
        Delivery.objects.filter(message_id=claim, status=DeliveryStatus.SENDING).update(
            status=DeliveryStatus.FAILED if gave_up else DeliveryStatus.PENDING,
            attempts=attempts,
            next_attempt_at=self.now + retry_delay(attempts),
            claimed_at=None,
            message_id="",
            error=f"{type(error).__name__}: {error}"[:255],
        )
        logger.warning(
            "An alert to recipient %s was not delivered (%s); %s.",
            claimed[0].recipient_id,
            type(error).__name__,
            "given up" if gave_up else "it is tried again later",
        )
        self.tally["mails given up" if gave_up else "mails to retry"] += 1
