"""What a page offers to those who follow it by e-mail.

A page type that visitors may follow mixes in `Followable`. By default a page's followers
hear of the page and the pages below it (a theme and its resources): each major change
with its public note (portal.changes), and each page first published there. A page type
may say otherwise: the catalogue (publications) follows new and changed publications that
match a filter. Only what is live and public is ever an event, at the time the alert is
planned and again when it is sent.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext
from wagtail.models import Page

from portal.changes.models import ChangeNote


@dataclass(frozen=True)
class Event:
    """One change a follower hears of, in the active language."""

    key: str  # unique among all events: "note:12", "new:page:34"
    at: datetime.datetime
    title: str
    url: str  # the path, in the active language
    note: str  # the public change note; for something new, a sentence saying so


class FilterProblem(ValueError):
    """A filter that means nothing (any longer): its message is for the visitor."""


class Followable:
    """A page visitors may follow by e-mail."""

    def alert_filters(self, params) -> dict[str, str]:
        """The filter a follower chose, validated, as query parameters; `FilterProblem`
        when it names what does not exist. A page without filters has none."""
        return {}

    def alert_subject(self, filters: dict[str, str]) -> str:
        """What is followed, in a few words, in the active language."""
        return self.title

    def alert_description(self, filters: dict[str, str]) -> str:
        """What the follower will hear of, a sentence in the active language."""
        return gettext("Changes to “%(title)s” and the pages under it.") % {"title": self.title}

    def alert_events(self, filters: dict[str, str], since: datetime.datetime) -> list[Event]:
        """The changes after `since`, oldest first."""
        pages = Page.objects.live().public().descendant_of(self, inclusive=True).specific()
        by_id = {page.pk: page for page in pages}
        events = []
        if not by_id:
            return events
        types = {page.content_type_id for page in by_id.values()}
        notes = ChangeNote.objects.filter(
            content_type_id__in=types,
            object_id__in=by_id,
            published_at__gt=since,
        )
        for note in notes:
            page = by_id[note.object_id]
            events.append(
                Event(f"note:{note.pk}", note.published_at, page.title, page.url, note.note)
            )
        for page in by_id.values():
            if page.first_published_at and page.first_published_at > since:
                events.append(
                    Event(
                        f"new:page:{page.pk}",
                        page.first_published_at,
                        page.title,
                        page.url,
                        gettext("New page."),
                    )
                )
        return sorted(events, key=lambda event: (event.at, event.key))
