"""Publishing a major change records its public note (connected in apps.py)."""

from __future__ import annotations

from portal.changes.models import LANGUAGES, ChangeKind, ChangeNote, ChangeNoted


def notes_of(instance: ChangeNoted) -> dict[str, str]:
    """The draft's note per language, as `ChangeNote` keeps it: note_sv, note_en."""
    return {
        f"note_{language}": (getattr(instance, f"change_note_{language}", "") or "").strip()
        for language in LANGUAGES
    }


def already_recorded(instance: ChangeNoted) -> bool:
    """Whether the draft's note was published before (a republish, a revert to an older
    revision, or a form opened after publishing, which then offers a minor change and an
    empty note)."""
    if instance.pk is None:
        return False
    return instance.change_notes.filter(**notes_of(instance)).exists()


def record(sender, instance=None, **kwargs) -> None:
    """On `page_published` and `published`: a major change of a page or a publication."""
    if not isinstance(instance, ChangeNoted) or instance.change_kind != ChangeKind.MAJOR:
        return
    if not instance.live:
        return  # scheduled: recorded when it goes live (publish_scheduled sends it again)
    if already_recorded(instance):
        return
    notes = notes_of(instance)
    if not all(notes.values()):
        return  # validation asks for both; a draft published by code without them is minor
    ChangeNote.objects.create(changed=instance, note=notes["note_sv"], **notes)
