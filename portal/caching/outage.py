"""A cache outage in the log: one line when it starts, one when it ends.

django-redis, told to ignore the cache's errors (the site works without it, each
process keeping pages itself), logs each ignored error with its traceback: thousands a minute under load.
`OncePerOutage` (a logging filter on django-redis' logger, DJANGO_REDIS_LOGGER) lets the
first error of an outage through as one line and counts the rest; `answered()`, called
where the page cache sees the cache answer (portal.caching.generation), ends the outage
with one line saying how long it lasted and how many errors were ignored, and says so: the
generation then starts anew (a change made during the outage could not). Per process.
"""

from __future__ import annotations

import logging
import time

LOGGER_NAME = "portal.caching.cache_errors"
logger = logging.getLogger(LOGGER_NAME)


class _Outage:
    started: float | None = None
    ignored = 0


_state = _Outage()


class OncePerOutage(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "outage_report", False):
            return True
        if _state.started is not None:
            _state.ignored += 1
            return False
        _state.started = time.monotonic()
        _state.ignored = 0
        error = record.exc_info[1] if record.exc_info else None
        record.msg = "Cache unavailable (%s); each process keeps pages itself until it answers."
        record.args = (f"{type(error).__name__}: {error}" if error else record.getMessage(),)
        record.exc_info = record.exc_text = None
        return True


def missed() -> None:
    """Something could not be written to the cache (portal.caching.generation): an outage
    has started, whether or not its errors are logged."""
    if _state.started is None:
        _state.started = time.monotonic()
        _state.ignored = 0


def answered() -> bool:
    """The cache answered: an outage, if there was one, is over. True when this ends one."""
    if _state.started is None:
        return False
    seconds = time.monotonic() - _state.started
    ignored, _state.started, _state.ignored = _state.ignored, None, 0
    logger.warning(
        "Cache answers again after %.0f s; %d more cache errors were ignored.",
        seconds,
        ignored,
        extra={"outage_report": True},
    )
    return True
