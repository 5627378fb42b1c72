"""Review dates: which pages must be checked again soon, or should have been.

A page type takes part when it has the `last_reviewed` and `review_by` date fields and a
`review_status(today)` method that answers "overdue", "due" or "ok" (the content apps'
reviewed pages). The page type decides its own notice period; this module only asks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

STATUS_LABELS = {
    "overdue": _("Overdue"),
    "due": _("Due soon"),
}


def _has_date_field(model, name: str) -> bool:
    try:
        return model._meta.get_field(name).get_internal_type() == "DateField"
    except FieldDoesNotExist:
        return False


def reviewed_models() -> list[type[Page]]:
    """Concrete page types of the content apps that carry review dates."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page)
        and model._meta.app_label in settings.CONTENT_APPS
        and _has_date_field(model, "last_reviewed")
        and _has_date_field(model, "review_by")
        and callable(getattr(model, "review_status", None))
    ]


@dataclass
class ReviewRow:
    page: Page
    status: str

    @property
    def title(self) -> str:
        return self.page.title

    @property
    def page_type(self) -> str:
        return self.page._meta.model_name

    @property
    def page_type_label(self) -> str:
        return self.page._meta.verbose_name.capitalize()

    @property
    def last_reviewed(self) -> date | None:
        return self.page.last_reviewed

    @property
    def review_by(self) -> date | None:
        return self.page.review_by

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def edit_url(self) -> str:
        return reverse("wagtailadmin_pages:edit", args=(self.page.pk,))


def review_rows(today: date | None = None) -> list[ReviewRow]:
    """Pages overdue or due for review, soonest review-by date first."""
    today = today or timezone.localdate()
    rows = []
    for model in reviewed_models():
        for page in model.objects.filter(review_by__isnull=False):
            status = page.review_status(today)
            if status in STATUS_LABELS:
                rows.append(ReviewRow(page, status))
    return sorted(rows, key=lambda row: (row.review_by, row.page.path))


def page_type_choices() -> list[tuple[str, str]]:
    choices = [(m._meta.model_name, m._meta.verbose_name.capitalize()) for m in reviewed_models()]
    return sorted(choices, key=lambda choice: str(choice[1]))
