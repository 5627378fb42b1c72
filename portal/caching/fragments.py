"""Parts of pages kept per site, language and generation: navigation, crumbs, cards.

For parts that the whole-page cache does not keep apart, and for logged-in editors and
visitors whose pages are not kept whole: the navigation, footer links and breadcrumbs, a
theme's resource cards, the catalogue's results. They carry the page-cache generation
(portal.caching.generation), so the same publishing, moving or unpublishing of a page,
or change of a publication, setting or snippet, renews them. Previews always build anew
(an editor's unsaved changes). With the shared cache away they are kept in the process,
under the database's generation (portal.caching.generation).
"""

from __future__ import annotations

from django.utils import translation

from portal.caching.generation import CACHE_SECONDS, generation, store_of


def fragment(request, name: str, build):
    """What `build()` returns, built once per site, language and generation."""
    return fragments(request, [name], lambda missing: {name: build()})[name]


def fragments(request, names: list[str], build) -> dict[str, object]:
    """`fragment` for many parts at once, read in one round trip: name → value.

    `build(missing_names)` returns the values of the names not kept yet, as a dict.
    Parts read by `prefetch` cost no round trip of their own.
    """
    if getattr(request, "is_preview", False):
        return build(list(names))
    keys = {name: _key(request, name) for name in names}
    kept, asked = _request_fragments(request)
    unasked = [key for key in keys.values() if key not in asked]
    if unasked:
        kept.update(store_of(request).get_many(unasked))
        asked.update(unasked)
    values = {name: kept[key] for name, key in keys.items() if key in kept}
    missing = [name for name in names if name not in values]
    if missing:
        built = build(missing)
        found = {keys[name]: value for name, value in built.items()}
        store_of(request).set_many(found, CACHE_SECONDS)
        kept.update(found)
        values.update(built)
    return values


def prefetch(request, names: list[str]) -> None:
    """Read the parts a page is about to ask `fragment` for, in one round trip."""
    if getattr(request, "is_preview", False):
        return
    kept, asked = _request_fragments(request)
    keys = [key for key in (_key(request, name) for name in names) if key not in asked]
    if keys:
        kept.update(store_of(request).get_many(keys))
        asked.update(keys)


def _key(request, name: str) -> str:
    host, language = request.get_host(), translation.get_language()
    return f"fragment:{generation(request)}:{name}:{host}:{language}"


def _request_fragments(request) -> tuple[dict, set]:
    """The parts this request has read (key → value), and the keys it has asked for."""
    if not hasattr(request, "_page_cache_fragments"):
        request._page_cache_fragments = ({}, set())
    return request._page_cache_fragments
