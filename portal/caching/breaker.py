"""A circuit breaker on the shared cache: a hung or missing Redis costs milliseconds.

Without it every cache call of every page waits for its time-out when Redis hangs (a page
makes several calls), or fails slowly when its port is closed. `BreakerClient`, django-redis'
own client with a breaker around each call (`CLIENT_CLASS` in settings.CACHES), stops
asking the cache for `BREAKER_SECONDS` (an OPTIONS entry, 5 s by default) after a call
fails: meanwhile every call fails at once, as an ignored cache error (IGNORE_EXCEPTIONS), and
the page cache keeps pages in the process (`away()`, portal.caching.generation). The first
call after the pause asks again: if it is answered the breaker closes, if not it opens for
another pause. The state is per process and per Redis address (one process pays one time-out
per pause, not one per call).

While the breaker is open, the sites' root paths that Wagtail and wagtail-modeltranslation
keep in the cache (`wagtail_site_root_paths*`, read on every request) are kept in the process
instead, for at most `LOCAL_SECONDS`: without them each page would read the sites again for
every address it draws (about thirty queries for the theme page). They name no content, so
nothing restricted can be shown from them; a site's or a root page's change made during an
outage reaches the other processes within `LOCAL_SECONDS`.

`away()` tells the page cache, without asking the cache, that its breaker is open;
`degraded()` tells readiness whether the cache is out of use now (portal.core.health).
"""

from __future__ import annotations

import threading
import time

from django.core.cache import cache
from django_redis import get_redis_connection
from django_redis.client import DefaultClient
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError

DEFAULT_SECONDS = 5.0
PROBE_KEY = "healthz:cache-probe"
LOCAL_PREFIX = "wagtail_site_root_paths"
LOCAL_SECONDS = 60.0


class _Local:
    """Values kept in this process while the shared cache is away: key → (expires, value)."""

    def __init__(self):
        self.values: dict[str, tuple[float, object]] = {}

    def get(self, key: str, default=None):
        found = self.values.get(key)
        if found is None or found[0] < time.monotonic():
            return default
        return found[1]

    def set(self, key: str, value) -> None:
        self.values[key] = (time.monotonic() + LOCAL_SECONDS, value)

    def forget(self, key: str | None = None) -> None:
        if key is None:
            self.values.clear()
        else:
            self.values.pop(key, None)


local = _Local()


def _local_call(name: str, args, kwargs):
    """What a call for a key kept locally answers while the cache is away; None otherwise."""
    key = args[0] if args else kwargs.get("key")
    if not isinstance(key, str) or not key.startswith(LOCAL_PREFIX):
        return None
    if name == "get":
        default = args[1] if len(args) > 1 else kwargs.get("default")
        return (local.get(key, default),)
    if name == "set":
        local.set(key, args[1] if len(args) > 1 else kwargs.get("value"))
        return (True,)
    if name == "delete":
        local.forget(key)
        return (True,)
    return None


class Breaker:
    def __init__(self, seconds: float):
        self.seconds = seconds
        self.open_until: float | None = None

    def allows(self) -> bool:
        """Closed, or open for long enough that the next call may try again."""
        return self.open_until is None or time.monotonic() >= self.open_until

    def is_open(self) -> bool:
        return self.open_until is not None

    def failed(self) -> None:
        self.open_until = time.monotonic() + self.seconds

    def answered(self) -> None:
        # The outage itself ends where the page cache reads the generation
        # (portal.caching.generation), which then starts a new one.
        self.open_until = None


_breakers: dict[str, Breaker] = {}
_lock = threading.Lock()


def breaker_for(server: str, seconds: float) -> Breaker:
    with _lock:
        breaker = _breakers.get(server)
        if breaker is None:
            breaker = _breakers[server] = Breaker(seconds)
        breaker.seconds = seconds
        return breaker


def away() -> bool:
    """Whether the default cache's breaker is open now (a call failed and none has been
    answered since), without asking the cache. False for a cache without a breaker."""
    client = getattr(cache, "client", None)
    return isinstance(client, BreakerClient) and client.breaker.is_open()


def incr_past(key: str) -> bool:
    """Increment `key` in Redis itself, past this process' open breaker (one try, at most
    one time-out); True when Redis did it. For the page-cache generation when an editor's
    change commits: the other processes, whose Redis may answer, must see it at once, not
    when this process' breaker next lets a call through. False for a cache without one."""
    if not away():
        return False
    try:
        get_redis_connection("default").incr(cache.make_key(key))
    except RedisError:
        return False
    return True


def degraded() -> bool:
    """Whether the default cache is out of use: asks it once (at most one time-out) unless
    its breaker is open already. Always False for a cache without a breaker (local memory)."""
    client = getattr(cache, "client", None)  # django-redis' client of this process
    if not isinstance(client, BreakerClient):
        return False
    if not client.breaker.is_open():
        cache.get(PROBE_KEY)
    return client.breaker.is_open()


def _guarded(name: str):
    def call(self, *args, **kwargs):
        if kwargs.get("client") is not None:
            # A step of another call (set_many's sets into its pipeline): that call
            # asked the breaker and tells it the outcome.
            return getattr(super(BreakerClient, self), name)(*args, **kwargs)
        breaker = self.breaker
        if not breaker.allows():
            kept = _local_call(name, args, kwargs)
            if kept is not None:
                return kept[0]
            raise ConnectionInterrupted(connection=None) from RedisConnectionError(
                "the cache failed a moment ago; not asked again yet (circuit breaker)"
            )
        try:
            result = getattr(super(BreakerClient, self), name)(*args, **kwargs)
        except ConnectionInterrupted:
            breaker.failed()
            kept = _local_call(name, args, kwargs)
            if kept is not None:
                return kept[0]
            raise
        if breaker.is_open() or local.values:
            local.forget()  # the shared cache answers again: it is the one source
        breaker.answered()
        return result

    call.__name__ = name
    return call


class BreakerClient(DefaultClient):
    """django-redis' DefaultClient whose calls pass through the Redis address' breaker."""

    def __init__(self, server, params, backend) -> None:
        super().__init__(server, params, backend)
        seconds = float(params.get("OPTIONS", {}).get("BREAKER_SECONDS", DEFAULT_SECONDS))
        self.breaker = breaker_for(str(server), seconds)


GUARDED = (
    "get",
    "set",
    "add",
    "delete",
    "delete_many",
    "delete_pattern",
    "get_many",
    "set_many",
    "incr",
    "decr",
    "has_key",
    "touch",
    "ttl",
    "expire",
    "persist",
    "clear",
    "keys",
    "iter_keys",
)
for _name in GUARDED:
    setattr(BreakerClient, _name, _guarded(_name))
