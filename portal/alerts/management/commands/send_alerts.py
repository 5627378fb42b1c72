"""Send the e-mail alerts: run every few minutes by cron or a systemd timer (docs/alerts.md)."""

from __future__ import annotations

import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.alerts import sending


def _interrupt(signum, frame):
    raise KeyboardInterrupt  # a stop (systemd's SIGTERM) ends the run as Ctrl-C does


class Command(BaseCommand):
    help = (
        "Forget unconfirmed sign-ups after seven days, find the changes each confirmed "
        "subscription follows, and send them: in batches, within the hourly limit, each change "
        "once per address, a failed delivery again later. Safe to interrupt and to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch",
            type=int,
            default=settings.ALERTS_BATCH,
            help="At most this many mails in this run (default: ALERTS_BATCH).",
        )
        parser.add_argument(
            "--per-hour",
            type=int,
            default=settings.ALERTS_PER_HOUR,
            help="At most this many mails in any hour (default: ALERTS_PER_HOUR).",
        )

    def handle(self, *args, batch: int, per_hour: int, **options):
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, _interrupt)
        now = timezone.now()
        forgotten = sending.forget(now)
        planned = sending.plan(now)
        tally = sending.Sender(now, batch=batch, per_hour=per_hour).run()
        self.stdout.write(f"unconfirmed sign-ups forgotten: {forgotten}")
        self.stdout.write(f"changes found: {planned}")
        for label, count in sorted(tally.items()):
            self.stdout.write(f"{label}: {count}")
