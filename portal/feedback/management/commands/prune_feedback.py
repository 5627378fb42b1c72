"""Delete visitors' comments older than FEEDBACK_COMMENT_DAYS; their Yes/No answers stay
(they name no one). Run daily, beside review_due (docs/deployment.md)."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.feedback.models import PageFeedback


class Command(BaseCommand):
    help = "Delete feedback comments older than FEEDBACK_COMMENT_DAYS (the answers stay)."

    def handle(self, *args, **options):
        days = settings.FEEDBACK_COMMENT_DAYS
        before = timezone.now() - datetime.timedelta(days=days)
        count = (
            PageFeedback.objects.filter(created__lt=before).exclude(comment="").update(comment="")
        )
        self.stdout.write(f"Deleted {count} comment(s) older than {days} days.")
