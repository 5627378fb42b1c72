"""The page-cache generation: one number in the shared cache that every kept thing carries.

Everything kept for anonymous visitors (whole pages, routes, fragments of pages) is kept
with the generation it was made in; an entry of an older generation is a miss. So one
increment, when an editor changes what visitors see (portal.caching.invalidation),
renews everything in every process at once, through the shared cache (Redis in
production).

While the shared cache is away (its circuit breaker open, portal.caching.breaker), a
process keeps pages and their parts in its own memory (`local`, at most LOCAL_ENTRIES)
under the generation the database holds (portal.caching.models.Generation), which every
change increments as soon as it has committed: one query per request instead of making every
part anew, and a change made in any process (a page unpublished, made private) renews what
every process keeps at once. Where a request read its generation, there it
keeps and reads everything (`_store`): entries of the shared cache and of the process never
mix.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.db import connections, transaction

from portal.caching import breaker, outage
from portal.caching.models import Generation

GENERATION_KEY = "page-cache:generation"
# How long a kept page, route or fragment may live without being renewed.
CACHE_SECONDS = 600
# What one process may keep while the shared cache is away (pages of about 10 KB).
LOCAL_ENTRIES = 1000

local = LocMemCache(
    "portal.caching.generation",
    {"TIMEOUT": CACHE_SECONDS, "OPTIONS": {"MAX_ENTRIES": LOCAL_ENTRIES}},
)


def generation(request=None) -> int:
    """The current generation; read once per request when the request is given."""
    return _read(request)[0]


def _read(request=None):
    """The current generation and the cache it belongs to (the shared one, or `local` with the
    database's generation while the shared one is away); once per request when given."""
    if request is not None and hasattr(request, "_page_cache_generation"):
        return request._page_cache_generation, _store(request)
    value, store = cache.get(GENERATION_KEY), cache
    if value is None and breaker.away():
        value, store = Generation.current(), local
    elif value is None:
        value = _first()
        if not cache.add(GENERATION_KEY, value, timeout=None):
            # Another process started it first: its number is the generation.
            value = cache.get(GENERATION_KEY) or value
        elif _answered():
            value = cache.get(GENERATION_KEY, value)
    elif _answered():
        value = cache.get(GENERATION_KEY, value)
    if request is not None:
        request._page_cache_generation = int(value)
        request._page_cache_local = store is local
    return int(value), store


def _store(request):
    """Where the request keeps and reads what it keeps: where it read its generation."""
    return local if getattr(request, "_page_cache_local", False) else cache


def store_of(request):
    """The cache that holds the request's kept parts (portal.caching.fragments)."""
    return _read(request)[1]


def kept(name: str, make, request=None):
    """What `make()` returns, made once per generation and kept under `name` for
    CACHE_SECONDS. For what any change an editor makes may alter
    (portal.caching.invalidation starts a new generation)."""
    number, store = _read(request)
    key = f"{name}:{number}"
    value = store.get(key)
    if value is None:
        value = make()
        store.set(key, value, CACHE_SECONDS)
    return value


# What this process keeps for `kept_in_process`: name → (generation, (made at, value)).
_in_process: dict[str, tuple[int, tuple[float, object]]] = {}


def kept_in_process(name: str, make, request=None):
    """As `kept`, and kept in this process's memory too for as long as the generation
    lasts: for what most views read and costs more to unpickle than to use (the
    catalogue's index of some 10,000 publications). A new generation is a miss at once,
    as for `kept`: its number is never one used before (`_first`). Like `kept`, it lasts
    CACHE_SECONDS at most, so that a change whose new generation was lost (made while the
    shared cache was away, by a process that ended before it answered again) reaches
    visitors within that time here too. While the shared cache is away, the same as
    `kept` (the database's numbers are not the shared cache's)."""
    number, store = _read(request)
    if store is local:
        return kept(name, make, request)
    held = _in_process.get(name)
    if held is None or held[0] != number or time.time() - held[1][0] >= CACHE_SECONDS:
        # Made with the time it was made, so that every process drops it when `kept` does.
        made = kept(f"{name}:timed", lambda: (time.time(), make()), request)
        held = _in_process[name] = (number, made)
    return held[1][1]


def current(request, key: str):
    """What `key` holds if it was stored in the current generation (by `store`), else None.

    One round trip to the cache: the generation is read together with the entry, unless
    this request has read it already; it is then remembered on the request, so that the
    fragments and the routing of the same request do not read it again.
    """
    known = getattr(request, "_page_cache_generation", None)
    if known is not None:
        entry = _store(request).get(key)
    else:
        found = cache.get_many([GENERATION_KEY, key])
        if GENERATION_KEY not in found or _answered():
            # The first generation starts, or the cache is away (the database's generation
            # is read), or it answers again after an outage: what it kept may predate a
            # change made meanwhile, and a new generation starts.
            known = generation(request)
            if not request._page_cache_local:
                return None
            entry = local.get(key)
        else:
            known = request._page_cache_generation = int(found[GENERATION_KEY])
            request._page_cache_local = False
            entry = found.get(key)
    if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == known:
        return entry[1]
    return None


def store(request, key: str, value) -> None:
    """Keep `value` under `key` for the request's generation (read back by `current`)."""
    number, store = _read(request)
    store.set(key, (number, value), CACHE_SECONDS)


def admit(request) -> bool:
    """Whether one more page may be kept in the request's generation: at most
    settings.PAGE_CACHE_MAX_ENTRIES per generation (and per CACHE_SECONDS, the counter's
    life). One round trip, an INCR. While the cache is away, the process keeps at most
    LOCAL_ENTRIES, its own bound."""
    number, store = _read(request)
    if store is local:
        return True
    key = f"page-cache:count:{number}"
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

    The database's generation (read by processes whose shared cache is away) is incremented
    once the change has committed, in a transaction of its own: a row locked inside editors'
    transactions would make a bulk publish and an approval wait for each other (deadlock).
    Read before the commit, it is the older one, and so is every entry kept under it.
    """
    _next_generation()
    transaction.on_commit(_after_commit)


def renew(using: str = "default") -> None:
    """A new generation now (after `migrate`), in the database too once its table is there:
    `migrate` of another app alone may run before this app's."""
    _next_generation()
    if Generation._meta.db_table in connections[using].introspection.table_names():
        Generation.advance()


def _after_commit() -> None:
    _next_generation()
    Generation.advance()


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
        if cache.incr(GENERATION_KEY) is None and not breaker.incr_past(GENERATION_KEY):
            # The cache is away (its errors ignored): renewed when it answers again.
            outage.missed()
    except ValueError:  # no generation yet (or the cache was emptied)
        if not cache.add(GENERATION_KEY, _first(), timeout=None):
            cache.incr(GENERATION_KEY)  # another process started it first: a new one


def _first() -> int:
    """The number a generation starts from when the shared cache holds none (the first
    time, or after it was emptied or lost the key): the clock in microseconds, so that
    no number is used twice. What a process keeps under a number
    (`kept_in_process`) then belongs to that generation alone; counting from 1 again,
    it would be taken for the new generation's."""
    return time.time_ns() // 1000
