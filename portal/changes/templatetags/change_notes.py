"""`{% change_history item %}`: "Last updated …" and the major changes of a page or a
publication, read once per site, language and page-cache generation (publishing a change
starts a new one)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django import template

from portal.caching.fragments import fragment

register = template.Library()


@dataclass(frozen=True)
class Change:
    published_at: datetime
    note: str  # in the language of the page it is shown on


@register.inclusion_tag("changes/history.html", takes_context=True)
def change_history(context, item):
    def build() -> list[Change]:
        return [Change(note.published_at, note.note) for note in item.published_changes()]

    request = context.get("request")
    if request is None or item.pk is None:
        changes = build()
    else:
        changes = fragment(request, item.change_history_part, build)
    return {"changes": changes, "first_published_at": item.first_published_at}
