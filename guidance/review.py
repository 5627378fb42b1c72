"""Which guidance pages are due or overdue for review."""

from __future__ import annotations

from datetime import date

from django.apps import apps
from django.utils import timezone

from guidance.models.review import REVIEW_NOTICE, ReviewedPage


def reviewed_models() -> list[type]:
    return [
        model
        for model in apps.get_models()
        if issubclass(model, ReviewedPage) and not model._meta.abstract
    ]


def pages_for_review(today: date | None = None) -> list[ReviewedPage]:
    """Pages whose review-by date has passed or comes within the notice period, soonest first."""
    today = today or timezone.localdate()
    limit = today + REVIEW_NOTICE
    pages: list[ReviewedPage] = []
    for model in reviewed_models():
        pages.extend(model.objects.filter(review_by__lte=limit).order_by("review_by"))
    return sorted(pages, key=lambda page: (page.review_by, page.path))
