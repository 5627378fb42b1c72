"""Whether any page is restricted, kept per generation: most requests need not ask."""

from __future__ import annotations

from django.core.cache import cache
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from portal.caching.generation import CACHE_SECONDS, generation


def any_view_restrictions() -> bool:
    """Whether any page is restricted (to logged-in users, groups or a password).

    Kept per page-cache generation, which saving or deleting a restriction renews, as it
    renews the cached pages themselves; with the cache away, the database is asked.
    """
    key = f"view-restrictions:{generation()}"
    found = cache.get(key)
    if found is None:
        found = PageViewRestriction.objects.exists()
        cache.set(key, found, CACHE_SECONDS)
    return found


def restricted_collection_ids() -> frozenset[int]:
    """The collections whose documents are private (a restriction on them or an ancestor).

    Kept per page-cache generation like `any_view_restrictions`: saving or deleting a
    collection's restriction starts a new one.
    """
    key = f"collection-restrictions:{generation()}"
    found = cache.get(key)
    if found is None:
        found = set()
        for restriction in CollectionViewRestriction.objects.select_related("collection"):
            found.update(
                Collection.objects.filter(path__startswith=restriction.collection.path).values_list(
                    "pk", flat=True
                )
            )
        found = frozenset(found)
        cache.set(key, found, CACHE_SECONDS)
    return found
