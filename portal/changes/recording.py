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
    """Whether the draft's note is the one last published (a republish, or a form opened
    after publishing, which then offers a minor change and an empty note)."""
    latest = instance.change_notes.first() if instance.pk else None
    notes = notes_of(instance)
    return latest is not None and all(getattr(latest, k) == v for k, v in notes.items())


def record(sender, instance=None, **kwargs) -> None:
    """On `page_published` and `published`: a major change of a page or a publication."""
    if not isinstance(instance, ChangeNoted) or instance.change_kind != ChangeKind.MAJOR:
        return
    if already_recorded(instance):
        return
    notes = notes_of(instance)
    if not all(notes.values()):
        return  # validation asks for both; a draft published by code without them is minor
    ChangeNote.objects.create(changed=instance, note=notes["note_sv"], **notes)
