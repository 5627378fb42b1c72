"""The address a request comes from: for django-axes' lock-out and the forms' rate limits.

Without proxies in front (`PROXY_COUNT` 0, the default) it is REMOTE_ADDR, and a
client's own X-Forwarded-For is ignored. With N trusted proxies, each appends the
address it was reached from to X-Forwarded-For, so the visitor's address is the N-th
entry from the right; anything to the left of it was written by the client and is not
believed. A header shorter than that, or an entry that is not an address, falls back to
REMOTE_ADDR (the nearest proxy) rather than to a value the client chose.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings


def client_address(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < count:
        return remote
    candidate = forwarded[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
