"""A shared cache in front (nginx's proxy cache, a CDN): who may keep a page, and purges.

Anonymous views of a page's own address (no query string) are sent with
`Cache-Control: public, max-age=0, s-maxage=EDGE_CACHE_SECONDS`: browsers revalidate every
time (an ETag), a shared cache keeps the page that long. When an editor publishes or
unpublishes a page, Wagtail's frontend cache (WAGTAILFRONTENDCACHE, its HTTP backend
pointed at the proxy) purges, once the change is committed, the page's addresses in every
language and those of the pages above it that list it (its section, its theme index); a
moved page also its old listings (old addresses: portal.core.old_addresses);
content apps purge what else shows their objects (`purge`, e.g. publications/signals.py).
Anything else a page shows (a snippet, the footer) reaches the shared cache within
EDGE_CACHE_SECONDS.

Views of a canonical query string (the catalogue's filters) are kept by the app's page
cache only (max-age=0): a shared cache could not be purged of every one. Signed-in
editors' views, responses that set a cookie (forms' CSRF tokens, sessions) and anything
but GET and HEAD are `private, no-store`; the admin's own views say `private` themselves.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_response_headers
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.caching import editors


def mark(request, response, *, public: bool) -> None:
    """Set Cache-Control on a response whose view did not: `public` says the page cache
    would keep it (an anonymous GET of a canonical address, answered 200, no cookie)."""
    if response.has_header("Cache-Control"):
        return
    if public:
        seconds = settings.EDGE_CACHE_SECONDS
        if seconds > 0 and not request.META.get("QUERY_STRING"):
            patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
        else:
            patch_response_headers(response, cache_timeout=0)
    elif (
        request.method not in ("GET", "HEAD") or response.cookies or editors.authenticated(request)
    ):
        patch_cache_control(response, private=True, no_store=True)


def page_addresses(page, *, listings: bool = True) -> set[str]:
    """The full addresses of `page` in every language (with its routes' cached paths), and
    of the live pages above it down from the site's start page (the listings that show it)."""
    pages = [page]
    if listings:
        pages += list(page.get_ancestors().live().filter(depth__gt=1).specific())
    urls = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for item in pages:
                base = item.get_full_url()
                if base:
                    urls.update(base + path.lstrip("/") for path in item.get_cached_paths())
    return urls


def purging() -> bool:
    """Whether a shared cache in front is purged (WAGTAILFRONTENDCACHE is set)."""
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge(urls) -> None:
    """Purge `urls` from the shared cache once the current transaction commits (at once
    outside one): a view between the purge and the commit would keep the old page."""
    urls = set(urls)
    if urls and purging():
        transaction.on_commit(lambda: PurgeBatch(urls).purge())


def _on_page_changed(sender, instance, **kwargs):
    if purging():
        purge(page_addresses(instance.specific))


def _on_page_moved(sender, instance, parent_page_before=None, **kwargs):
    """A moved page: its new addresses and listings, and the listings it left."""
    if not purging() or parent_page_before is None:
        return
    purge(page_addresses(instance.specific) | page_addresses(parent_page_before.specific))


def connect() -> None:
    for signal in (page_published, page_unpublished):
        signal.connect(_on_page_changed, dispatch_uid=f"edge_purge_{signal!r}")
    post_page_move.connect(_on_page_moved, dispatch_uid="edge_purge_move")
