"""Whether any page is restricted, kept per generation: most requests need not ask."""

from __future__ import annotations

from django.db.models import Q
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from portal.caching.generation import kept


def any_view_restrictions() -> bool:
    """Whether any page is restricted (to logged-in users, groups or a password).

    Kept per page-cache generation, which saving or deleting a restriction renews, as it
    renews the cached pages themselves; with the cache away, the database is asked.
    """
    return kept("view-restrictions", PageViewRestriction.objects.exists)


def restricted_collection_ids() -> frozenset[int]:
    """The collections whose documents are private (a restriction on them or an ancestor).

    Kept per page-cache generation like `any_view_restrictions`: saving or deleting a
    collection's restriction starts a new one.
    """
    return kept("collection-restrictions", _restricted_collection_ids)


def _restricted_collection_ids() -> frozenset[int]:
    paths = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    below = Q()
    for path in paths:
        below |= Q(path__startswith=path)
    return frozenset(Collection.objects.filter(below).values_list("pk", flat=True) if below else ())
