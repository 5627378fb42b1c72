"""Visitors' answers to "Did this information help you?" at the foot of pages and publications.

An answer names what it is about three ways: `subject` ("page:12", "publication:3"), which
stays when the page or publication is deleted, so its answers still count together in the
report; `title`, as the visitor saw it; and a foreign key to the page or the publication,
set to NULL when that is deleted. A publication's answers also name the catalogue page it
was shown under (for the link back). No address, cookie or other trace of the visitor is
stored; a comment is kept for FEEDBACK_COMMENT_DAYS (`manage.py prune_feedback`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PageFeedback(models.Model):
    subject = models.CharField(_("subject"), max_length=40)
    title = models.CharField(_("title"), max_length=255)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    publication = models.ForeignKey(
        settings.FEEDBACK_ENTRY_MODEL,
        verbose_name=_("publication"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(_("comment"), blank=True)
    created = models.DateTimeField(_("answered"), default=timezone.now)

    class Meta:
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")
        ordering = ["-created"]
        indexes = [
            models.Index(fields=["created"], name="feedback_created"),
            models.Index(fields=["subject", "created"], name="feedback_subject_created"),
        ]

    def __str__(self) -> str:
        return f"{self.title}: {'yes' if self.helpful else 'no'}"


def subject_of(page, publication=None) -> str:
    return f"publication:{publication.pk}" if publication is not None else f"page:{page.pk}"
