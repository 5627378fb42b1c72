"""Review dates: guidance that is out of date is a risk for those who rely on it."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


# Pages whose review-by date is this close count as due.
REVIEW_NOTICE = timedelta(days=30)


class ReviewedPage(models.Model):
    """Last reviewed and review-by dates; the page type sets the default interval."""

    last_reviewed = models.DateField(
        _("last reviewed"),
        default=timezone.localdate,
        help_text=_("When an expert last checked that the content is correct."),
    )
    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        help_text=_("When the content must be checked again. Empty: set from the page type."),
    )

    review_interval_months = 12

    review_panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("review_by")])],
            heading=_("Review"),
        )
    ]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.review_by is None and self.last_reviewed:
            self.review_by = add_months(self.last_reviewed, self.review_interval_months)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.last_reviewed and self.review_by and self.review_by < self.last_reviewed:
            raise ValidationError(
                {"review_by": _("The review-by date cannot be before the last-reviewed date.")}
            )

    def review_status(self, today: date | None = None) -> str:
        """ "overdue" after the review-by date, "due" within the notice period, else "ok"."""
        today = today or timezone.localdate()
        if self.review_by is None:
            return "ok"
        if self.review_by < today:
            return "overdue"
        if self.review_by <= today + REVIEW_NOTICE:
            return "due"
        return "ok"
