"""A shared cache of anonymous page views, renewed when editors change what pages show.

The key holds the full address (so the language prefix); the entry holds the generation
it was made in (portal.caching.generation). A hit costs one round trip to the cache,
which reads the current generation and the entry together, and answers before sessions,
languages and the rest are set up: the kept response carries what they added to it.

It cannot be flooded: only a page's canonical address is kept. An address without a query
string is; one with a query string only when the view said that this very query string is
its canonical one (`keep_query`: the catalogue's known choices in their fixed order).
Anything else (`?utm_source=…`, junk, the same choices in another order) is answered and
not kept. And one generation holds at most PAGE_CACHE_MAX_ENTRIES pages (a view with many
valid query strings, such as the catalogue's filters, cannot fill Redis).
It cannot be bypassed: a cookie does not turn it off, only an editor's signed one
(portal.caching.editors); and a page made for a signed-in user is never kept.
"""

from __future__ import annotations

import hashlib

from django.conf import settings

from portal.caching import edge, editors
from portal.caching.generation import admit, current, store

# Never kept: the admin, health checks, documents (their own permissions), static files.
UNCACHED_PREFIXES = ("/admin/", "/healthz/", "/documents/", "/static/")
_CANONICAL_QUERY = "_page_cache_canonical_query"


def keep_query(response, query: str):
    """Say that `query` (a query string, without "?") is the response's canonical one: a
    request with exactly this query string may be kept. Returns the response."""
    setattr(response, _CANONICAL_QUERY, query)
    return response


def _key(request) -> str:
    digest = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"page-cache:{request.method == 'HEAD' and 'GET' or request.method}:{digest}"


class AnonymousPageCacheMiddleware:
    """Serves cached copies of public pages to visitors who are not logged in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        public_request = self._public_request(request)
        if not (settings.PAGE_CACHE_ENABLED and public_request):
            response = self.get_response(request)
            editors.mark(request, response)
            public = public_request and self._cacheable_response(request, response)
            edge.mark(request, response, public=public)
            return response
        key = _key(request)
        cached = current(request, key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        editors.mark(request, response)
        keep = self._cacheable_response(request, response)
        # Who else may keep it (portal.caching.edge); a kept copy carries the same header.
        edge.mark(request, response, public=keep)
        if keep and admit(request):
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            response["X-Page-Cache"] = "miss"
            store(request, key, response)
        return response

    @staticmethod
    def _public_request(request) -> bool:
        return (
            request.method in ("GET", "HEAD")
            and not request.path.startswith(UNCACHED_PREFIXES)
            and not editors.signed_in(request)
        )

    @staticmethod
    def _cacheable_response(request, response) -> bool:
        # A response that sets a cookie (a session, a CSRF token) is someone's own.
        return (
            response.status_code == 200
            and not response.cookies
            and not response.has_header("Cache-Control")
            and not getattr(response, "streaming", False)
            and request.META.get("QUERY_STRING", "") == getattr(response, _CANONICAL_QUERY, "")
            and not editors.authenticated(request)
        )
