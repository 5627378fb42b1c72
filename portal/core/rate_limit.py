"""How often one client may do something (post a form), counted in the shared cache.

A fixed window per client address (portal.core.client_address) and scope: `allow()` is
False once `limit` requests fell in the current window of `seconds`. With the cache
away nothing is counted and everything is allowed: a form keeps working.
"""

from __future__ import annotations

import time

from django.core.cache import cache

from portal.core.client_address import client_address


def allow(request, scope: str, limit: int, seconds: int) -> bool:
    window = int(time.time() // seconds)
    key = f"rate:{scope}:{client_address(request)}:{window}"
    if cache.add(key, 1, seconds):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.set(key, 1, seconds)
        return True
    return count is None or count <= limit
