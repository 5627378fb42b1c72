"""A shared cache of anonymous page views, renewed when editors change what pages show.

The key holds the full address (so the language prefix); the entry holds the generation
it was made in (portal.caching.generation). A hit costs one round trip to the cache,
which reads the current generation and the entry together, and answers before sessions,
languages and the rest are set up: the kept response carries what they added to it.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.utils.cache import patch_response_headers

from portal.caching.generation import current, store

# Never kept: the admin, health checks, documents (their own permissions), static files.
UNCACHED_PREFIXES = ("/admin/", "/healthz/", "/documents/", "/static/")


def _key(request) -> str:
    digest = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"page-cache:{request.method == 'HEAD' and 'GET' or request.method}:{digest}"


class AnonymousPageCacheMiddleware:
    """Serves cached copies of public pages to visitors who are not logged in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        cached = current(request, key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if self._cacheable_response(response):
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            response["X-Page-Cache"] = "miss"
            patch_response_headers(response, cache_timeout=0)
            store(request, key, response)
        return response

    @staticmethod
    def _cacheable_request(request) -> bool:
        return (
            settings.PAGE_CACHE_ENABLED
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(UNCACHED_PREFIXES)
        )

    @staticmethod
    def _cacheable_response(response) -> bool:
        # A response that sets a cookie (a session, a CSRF token) is someone's own.
        return (
            response.status_code == 200
            and not response.cookies
            and not response.has_header("Cache-Control")
            and not getattr(response, "streaming", False)
        )
