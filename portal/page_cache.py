"""A shared cache of anonymous page views, emptied when editors change what pages show.

The key holds the full address (so the language prefix); the entry holds the
generation it was made in. Publishing, unpublishing, moving or deleting a page, or
changing a publication or a snippet, bumps the generation, so every process sees the
change at once through the shared cache (Redis in production): an entry of an older
generation is a miss. A hit costs one round trip to the cache, which reads the current
generation and the entry together. With the cache away, pages are simply made anew.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from django.utils.cache import patch_response_headers
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

GENERATION_KEY = "page-cache:generation"
CACHE_SECONDS = 600
# Content of these apps shows on pages (snippets, settings, sites, the page tree).
CONTENT_APPS = {"guidance", "publications", "portal", "wagtailcore", "wagtailimages", "wagtaildocs"}
# Bookkeeping that changes nothing a visitor sees.
IGNORED_MODELS = {
    "searchentry",
    "searchword",
    "searchposting",
    "translationtimestamps",
    "revision",
    "modellogentry",
    "pagelogentry",
    "workflowstate",
    "taskstate",
    "pagesubscription",
    "comment",
    "pagelock",
    "referenceindex",
    "uploadedfile",
    "rendition",
}


# The generation this process read last: parts kept in it are read ahead (`current`).
_last_read = [None]


def generation(request=None) -> int:
    """The current generation; read once per request when the request is given."""
    if request is not None and hasattr(request, "_page_cache_generation"):
        return request._page_cache_generation
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = 1
        cache.add(GENERATION_KEY, value, timeout=None)
    if request is not None:
        request._page_cache_generation = int(value)
    _last_read[0] = int(value)
    return int(value)


def fragment(request, name: str, build):
    """What `build()` returns, built once per site, language and generation.

    For parts of pages that the page cache does not keep apart: the navigation, footer
    links and breadcrumbs, a theme's resource cards, the catalogue's results. The same
    generation as the page cache, so the same publishing, moving or unpublishing of a
    page, or change of a publication, setting or snippet, renews them. Previews always
    build anew (an editor's unsaved changes); with the cache away, every request does.
    """
    return fragments(request, [name], lambda missing: {name: build()})[name]


def fragments(request, names: list[str], build) -> dict[str, object]:
    """`fragment` for many parts at once, read in one round trip: name → value.

    `build(missing_names)` returns the values of the names not kept yet, as a dict.
    Parts read ahead by `prefetch` cost no round trip of their own.
    """
    if getattr(request, "is_preview", False):
        return build(list(names))
    keys = {name: _fragment_key(request, name) for name in names}
    kept, asked = _request_fragments(request)
    unasked = [key for key in keys.values() if key not in asked]
    if unasked:
        kept.update(cache.get_many(unasked))
        asked.update(unasked)
    values = {name: kept[key] for name, key in keys.items() if key in kept}
    missing = [name for name in names if name not in values]
    if missing:
        built = build(missing)
        found = {keys[name]: value for name, value in built.items()}
        cache.set_many(found, CACHE_SECONDS)
        kept.update(found)
        values.update(built)
    return values


def prefetch(request, names: list[str]) -> None:
    """Read the parts a page is about to ask `fragment` for, in one round trip (none when
    `current` read them ahead)."""
    if getattr(request, "is_preview", False):
        return
    request._page_cache_prefetched = tuple(names)
    kept, asked = _request_fragments(request)
    keys = [key for key in (_fragment_key(request, name) for name in names) if key not in asked]
    if keys:
        kept.update(cache.get_many(keys))
        asked.update(keys)


def _fragment_key(request, name: str, generation_number: int | None = None) -> str:
    if generation_number is None:
        generation_number = generation(request)
    host, language = request.get_host(), translation.get_language()
    return f"fragment:{generation_number}:{name}:{host}:{language}"


def _request_fragments(request) -> tuple[dict, set]:
    """The parts this request has read (key → value), and the keys it has asked for."""
    if not hasattr(request, "_page_cache_fragments"):
        request._page_cache_fragments = ({}, set())
    return request._page_cache_fragments


# Fields that record an editor's draft, comments or lock, not what visitors see: saving
# only these (Wagtail's save_revision, locking) keeps the generation.
BOOKKEEPING_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "wagtail_admin_comments",
        "locked",
        "locked_by",
        "locked_at",
    }
)


def invalidate(*args, **kwargs) -> None:
    """Start a new generation now, and again when the transaction commits.

    Wagtail saves a snippet or a publication inside a transaction: a view made by another
    process between the save and the commit reads the new generation but the old rows,
    and would keep them under it. The second generation, on commit, supersedes those.
    Outside a transaction both happen at once.
    """
    _next_generation()
    transaction.on_commit(_next_generation)


def _next_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet (or the cache was emptied)
        cache.set(GENERATION_KEY, 2, timeout=None)


def _on_model_change(sender, instance=None, raw=False, **kwargs):
    meta = sender._meta
    if raw or meta.app_label not in CONTENT_APPS or meta.model_name in IGNORED_MODELS:
        return
    if meta.app_label == "wagtailcore" and meta.model_name == "page":
        return  # pages change what visitors see on publish, unpublish, move, delete
    if getattr(instance, "live", True) is False and kwargs.get("signal") != post_delete:
        return  # a draft of a page or a publication
    update_fields = kwargs.get("update_fields")
    if update_fields and set(update_fields) <= BOOKKEEPING_FIELDS:
        return  # a draft saved of a live page or publication, a lock
    invalidate()


def connect() -> None:
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(invalidate, dispatch_uid=f"page_cache_{signal!r}")
    post_save.connect(_on_model_change, dispatch_uid="page_cache_post_save")
    post_delete.connect(_on_model_change, dispatch_uid="page_cache_post_delete")


def _key(request) -> str:
    digest = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"page-cache:{request.method == 'HEAD' and 'GET' or request.method}:{digest}"


def current(request, key: str, ahead: tuple[str, ...] = ()):
    """What `key` holds if it was stored in the current generation (by `store`), else None.

    One round trip to the cache: the generation is read together with the entry, unless
    this request has read it already; it is then remembered on the request, so that the
    fragment caches and the routing of the same request do not read it again.

    `ahead` names parts (`fragment`) the request will likely ask for: they are read in the
    same round trip, as kept in the generation this process read last. Only when that is
    still the current generation are they kept for the request; a part's key holds its
    generation, so a part of another generation is never taken for a current one.
    """
    known = getattr(request, "_page_cache_generation", None)
    if known is not None:
        entry = cache.get(key)
    else:
        guess = _last_read[0]
        ahead_keys = [_fragment_key(request, name, guess) for name in ahead] if guess else []
        found = cache.get_many([GENERATION_KEY, key, *ahead_keys])
        if GENERATION_KEY not in found:
            generation(request)  # starts the first generation
            return None
        known = request._page_cache_generation = _last_read[0] = int(found[GENERATION_KEY])
        entry = found.get(key)
        if ahead_keys and known == guess:
            kept, asked = _request_fragments(request)
            kept.update((k, found[k]) for k in ahead_keys if k in found)
            asked.update(ahead_keys)
    if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == known:
        return entry[1]
    return None


def store(request, key: str, value) -> None:
    """Keep `value` under `key` for the request's generation (read back by `current`)."""
    cache.set(key, (generation(request), value), CACHE_SECONDS)


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
        if self._cacheable_response(request, response):
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
            and not request.path.startswith(("/admin/", "/healthz/", "/documents/", "/static/"))
        )

    @staticmethod
    def _cacheable_response(request, response) -> bool:
        return (
            response.status_code == 200
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not request.META.get("CSRF_COOKIE_USED")
            and not response.has_header("Cache-Control")
            and not getattr(response, "streaming", False)
        )
