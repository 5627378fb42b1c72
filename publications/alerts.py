"""The catalogue as followed by e-mail (portal.alerts): new and changed publications that
match a filter, as the catalogue's query string holds it (`topic=barn&language=en`).

`PublicationIndexPage` is `Followable` through the functions here. The filter is the
catalogue's own (publications.catalogue): the same validation and the same matching as the
page, so "new publications about Barn in English" means what the page shows for it.
"""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext

from portal.alerts.following import Event, FilterProblem
from portal.changes.models import ChangeNote
from publications.catalogue import Catalogue
from publications.catalogue.form import PARAMETERS, Options, parse
from publications.models.publication import Publication

# What a follower's filter may hold: the catalogue's filters without the page's order or
# page number.
FILTER_PARAMETERS = tuple(name for name in PARAMETERS if name not in {"sort", "page"})


def clean_filters(params) -> dict[str, str]:
    """The filter in `params`, validated; `FilterProblem` says what means nothing."""
    filters = parse({name: params.get(name, "") for name in FILTER_PARAMETERS}, Options())
    if filters.notices:
        raise FilterProblem(" ".join(filters.notices))
    return {name: value for name, value in filters.state().items() if name in FILTER_PARAMETERS}


def chosen(filters: dict[str, str]) -> str:
    """The filter in words, "Topic: Barn; Available in: English", in the active language."""
    catalogue = Catalogue(filters, per_page=1, fetch_results=False)
    return "; ".join(f"{active.label}: {active.value}" for active in catalogue.active_filters())


def subject(filters: dict[str, str]) -> str:
    """What is followed, in the active language: Publications (Topic: Barn; Available in:
    English), or all publications."""
    if parse(filters, Options()).notices:  # a topic, type or organisation since removed
        return gettext("Publications (a filter that no longer exists)")
    if words := chosen(filters):
        return gettext("Publications (%(filters)s)") % {"filters": words}
    return gettext("All publications")


def description(filters: dict[str, str]) -> str:
    if words := chosen(filters):
        return gettext(
            "New publications, and major changes to publications, that match: %(filters)s."
        ) % {"filters": words}
    return gettext("New publications, and major changes to publications.")


def events(index_page, filters: dict[str, str], since: datetime.datetime) -> list[Event]:
    """New publications that match, and major changes to those that match, after `since`."""
    catalogue = Catalogue(filters, per_page=1, fetch_results=False)
    if catalogue.filters.notices:
        return []  # a topic, type or organisation that is gone matches nothing
    notes = [
        note
        for note in ChangeNote.objects.filter(
            content_type=ContentType.objects.get_for_model(Publication), published_at__gt=since
        )
        if catalogue.includes(note.object_id)
    ]
    changed = {note.object_id for note in notes}
    new = [
        publication
        for publication in Publication.objects.live().filter(first_published_at__gt=since)
        if catalogue.includes(publication.pk)
    ]
    publications = (
        {p.pk: p for p in Publication.objects.live().filter(pk__in=changed)} if changed else {}
    )
    found = [
        Event(
            f"note:{note.pk}",
            note.published_at,
            str(publications[note.object_id]),
            publications[note.object_id].url_in(index_page),
            note.note,
        )
        for note in notes
        if note.object_id in publications
    ]
    found += [
        Event(
            f"new:publication:{publication.pk}",
            publication.first_published_at,
            str(publication),
            publication.url_in(index_page),
            gettext("New publication."),
        )
        for publication in new
    ]
    return sorted(found, key=lambda event: (event.at, event.key))
