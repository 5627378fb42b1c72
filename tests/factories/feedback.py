"""Answers to "Did this information help you?" (portal/feedback/)."""

from __future__ import annotations

import factory
from factory.django import DjangoModelFactory

from portal.feedback.models import PageFeedback, subject_of


class PageFeedbackFactory(DjangoModelFactory):
    """An answer about `page` (or `publication`, shown under `page`); Nej unless helpful=True."""

    page = None
    publication = None
    subject = factory.LazyAttribute(lambda answer: subject_of(answer.page, answer.publication))
    title = factory.LazyAttribute(
        lambda answer: str(answer.publication) if answer.publication else answer.page.title
    )
    language = "sv"
    helpful = False
    comment = ""

    class Meta:
        model = PageFeedback
