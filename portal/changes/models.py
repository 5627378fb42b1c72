"""Public change notes: what changed in a page or a publication, in both languages.

Publishing, the editor says whether the change is minor (a typo, the layout) or major; a major
change carries a short note for the public in Swedish and English. The page or publication
keeps the choice and the note of its current draft (`ChangeNoted`, so a review workflow carries
them to the approver); publishing a major change records a `ChangeNote`, which the public pages
show ("Last updated …" and the history) and the Atom feed carries.
"""

from __future__ import annotations

from django import forms
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

# The longest public note: a sentence or two, as GOV.UK's change notes.
NOTE_LENGTH = 300
# The languages a note is written in (each its own column).
LANGUAGES = ("sv", "en")


class ChangeKind(models.TextChoices):
    MINOR = "minor", _("Minor change (a typo, the layout): no note to the public")
    MAJOR = "major", _("Major change: the public is told what changed")


class ChangeNote(models.Model):
    """A major change, as published: when, and what changed (`note`, one column per language)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    changed = GenericForeignKey("content_type", "object_id")
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    note = models.TextField(_("change note"), max_length=NOTE_LENGTH)

    class Meta:
        verbose_name = _("change note")
        verbose_name_plural = _("change notes")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "-published_at"])]

    def __str__(self) -> str:
        return self.note


class ChangeNoted(models.Model):
    """The kind of the change being made, and its public note when it is major."""

    change_kind = models.CharField(
        _("kind of change"),
        max_length=5,
        choices=ChangeKind.choices,
        default=ChangeKind.MINOR,
    )
    change_note = models.TextField(
        _("change note"),
        max_length=NOTE_LENGTH,
        blank=True,
        help_text=_(
            "For a major change: what changed, in a sentence or two, in both languages. "
            "Shown on the page with its date, and in the feed."
        ),
    )
    change_notes = GenericRelation(ChangeNote)
    # A copy of a page starts with a minor change of its own, not the original's last note.
    exclude_fields_in_copy = ["change_kind", "change_note", "change_note_sv", "change_note_en"]

    change_panels = [
        MultiFieldPanel(
            [FieldPanel("change_kind", widget=forms.RadioSelect), FieldPanel("change_note")],
            heading=_("This change"),
        )
    ]

    class Meta:
        abstract = True

    @property
    def change_history_part(self) -> str:
        """The name its history is kept under per generation (portal.caching.fragments)."""
        return f"changes:{self._meta.label_lower}:{self.pk}"

    def kept_parts(self) -> list[str]:
        """A page's parts read together before it is drawn (portal.core.pages.BasePage),
        its history among them."""
        kept = getattr(super(), "kept_parts", None)
        return [*(kept() if kept else []), self.change_history_part]

    def published_changes(self) -> list[ChangeNote]:
        """The major changes, newest first (one query; none for an object not saved)."""
        if self.pk is None:
            return []
        return list(self.change_notes.all())
