"""Comments are kept FEEDBACK_COMMENT_DAYS days (`manage.py prune_feedback`); answers stay."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from portal.feedback.models import PageFeedback
from tests.factories import ThemePageFactory
from tests.factories.feedback import PageFeedbackFactory

pytestmark = pytest.mark.django_db


def test_old_comments_are_deleted_and_the_answers_kept(settings):
    settings.FEEDBACK_COMMENT_DAYS = 30
    page = ThemePageFactory()
    old = timezone.now() - datetime.timedelta(days=31)
    PageFeedbackFactory(page=page, created=old, comment="Gammal")
    PageFeedbackFactory(page=page, comment="Ny")
    out = io.StringIO()
    call_command("prune_feedback", stdout=out)
    assert "Deleted 1 comment(s) older than 30 days." in out.getvalue()
    assert sorted(PageFeedback.objects.values_list("comment", flat=True)) == ["", "Ny"]
    assert PageFeedback.objects.filter(helpful=False).count() == 2
