"""The editor's form offers a minor change and an empty note once the last note is published."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from portal.changes.models import LANGUAGES, ChangeKind
from portal.changes.recording import already_recorded
from portal.core.forms import PageForm


class ChangeNoteFormMixin:
    """For the admin form of a `ChangeNoted` model: the draft keeps the choice and the note
    until they are published; after that, the next change starts as minor, with no note."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound and "change_kind" not in self.data:
            # Posted without the choice (by code: the editor's form always sends it): minor,
            # whatever the draft said before.
            self.data = self.data.copy()
            self.data["change_kind"] = ChangeKind.MINOR
        instance = self.instance
        if (
            not self.is_bound
            and instance.change_kind == ChangeKind.MAJOR
            and already_recorded(instance)
        ):
            self.initial["change_kind"] = ChangeKind.MINOR
            for language in LANGUAGES:
                self.initial[f"change_note_{language}"] = ""

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("change_kind") != ChangeKind.MAJOR or self.is_deferred_validation:
            return cleaned_data  # a draft may wait for its note; publishing or review may not
        for language in LANGUAGES:
            name = f"change_note_{language}"
            if name in self.errors or name not in self.fields:
                continue  # too long, say: that is what the editor is told
            if not (cleaned_data.get(name) or "").strip():
                self.add_error(name, _("A major change needs a note in both languages."))
        return cleaned_data


class ChangeNotedPageForm(ChangeNoteFormMixin, PageForm):
    pass
