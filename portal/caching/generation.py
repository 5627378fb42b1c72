"""The page-cache generation: one number in the shared cache that every kept thing carries.

Everything kept for anonymous visitors (whole pages, routes, fragments of pages) is kept
with the generation it was made in; an entry of an older generation is a miss. So one
increment, when an editor changes what visitors see (portal.caching.invalidation),
renews everything in every process at once, through the shared cache (Redis in
production). With the cache away, pages are simply made anew.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from portal.caching import outage

GENERATION_KEY = "page-cache:generation"
# How long a kept page, route or fragment may live without being renewed.
CACHE_SECONDS = 600


def generation(request=None) -> int:
    """The current generation; read once per request when the request is given."""
    if request is not None and hasattr(request, "_page_cache_generation"):
        return request._page_cache_generation
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = 1
        if cache.add(GENERATION_KEY, value, timeout=None) and _answered():
            value = cache.get(GENERATION_KEY, value)
    elif _answered():
        value = cache.get(GENERATION_KEY, value)
    if request is not None:
        request._page_cache_generation = int(value)
    return int(value)


def kept(name: str, make, request=None):
    """What `make()` returns, made once per generation and kept in the shared cache under
    `name` for CACHE_SECONDS (with the cache away, made each time). For what any change
    an editor makes may alter (portal.caching.invalidation starts a new generation)."""
    key = f"{name}:{generation(request)}"
    value = cache.get(key)
    if value is None:
        value = make()
        cache.set(key, value, CACHE_SECONDS)
    return value


def current(request, key: str):
    """What `key` holds if it was stored in the current generation (by `store`), else None.

    One round trip to the cache: the generation is read together with the entry, unless
    this request has read it already; it is then remembered on the request, so that the
    fragments and the routing of the same request do not read it again.
    """
    known = getattr(request, "_page_cache_generation", None)
    if known is not None:
        entry = cache.get(key)
    else:
        found = cache.get_many([GENERATION_KEY, key])
        if GENERATION_KEY not in found:
            generation(request)  # starts the first generation
            return None
        if _answered():  # what is kept may predate a change made during the outage
            generation(request)
            return None
        known = request._page_cache_generation = int(found[GENERATION_KEY])
        entry = found.get(key)
    if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == known:
        return entry[1]
    return None


def store(request, key: str, value) -> None:
    """Keep `value` under `key` for the request's generation (read back by `current`)."""
    cache.set(key, (generation(request), value), CACHE_SECONDS)


def admit(request) -> bool:
    """Whether one more page may be kept in the request's generation: at most
    settings.PAGE_CACHE_MAX_ENTRIES per generation (and per CACHE_SECONDS, the counter's
    life). One round trip, an INCR; with the cache away, no."""
    key = f"page-cache:count:{generation(request)}"
    try:
        count = cache.incr(key)
    except ValueError:  # the generation's first page (or its counter expired)
        cache.add(key, 1, CACHE_SECONDS)
        count = 1
    return count is not None and count <= settings.PAGE_CACHE_MAX_ENTRIES


def invalidate(*args, **kwargs) -> None:
    """Start a new generation now, and again when the transaction commits.

    Wagtail saves a snippet or a publication inside a transaction: a view made by another
    process between the save and the commit reads the new generation but the old rows,
    and would keep them under it. The second generation, on commit, supersedes those.
    Outside a transaction both happen at once.
    """
    _next_generation()
    transaction.on_commit(_next_generation)


def _answered() -> bool:
    """The cache answered. If that ends an outage this process saw, a new generation starts:
    a change an editor made during the outage could not start one (its increment was
    refused with the cache away), and nothing kept before the outage may outlive that
    change, a page that stopped being public least of all. The process that made the change
    saw the outage (its increment failed), so it renews the generation at the latest when
    the cache first answers it again. True when a new generation started."""
    if not outage.answered():
        return False
    _next_generation()
    return True


def _next_generation() -> None:
    try:
        if cache.incr(GENERATION_KEY) is None:  # the cache is away (its errors ignored)
            outage.missed()  # renewed when it answers again
    except ValueError:  # no generation yet (or the cache was emptied)
        cache.set(GENERATION_KEY, 2, timeout=None)
