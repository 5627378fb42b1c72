"""Finding the page an address names, remembered per page-cache generation.

Wagtail finds a page in three steps, each a query: the site of the host name, the
site's root page, then the page under it (two queries, its type and then its row).
Which page an address names, and what its published row holds, change only when editors
publish, unpublish or move a page, or change a site or a restriction, and each of those
starts a new generation (portal.caching.invalidation). So the site, the page as it was
read, and whether any page is restricted, are kept in the shared cache under the address,
with the generation they were found in (read together with the current generation in one
round trip). A request whose address was routed before in this generation asks the
database one question only: whether the page is still live, so that even a change made
behind Wagtail's back (an SQL update, no signal, no new generation) never serves a page
that is no longer published. Drafts, locks and revisions change the row's bookkeeping
but not the generation; nothing of that is shown by the published page.

A migration may change what a page is made of: every `migrate` starts a new generation
(portal.caching.apps), so no process reads a page kept in an older shape.

Only addresses that name a page itself are remembered, not the sub-routes of a
routable page (a publication's address), so that made-up addresses add nothing to the
cache.

Wagtail's private request attributes
------------------------------------
Handing Wagtail a route already found has no public API: `Page.route_for_request` and
`Site.find_for_request` read what they found before from `request._wagtail_route_for_request`
and `request._wagtail_site`. This module is the only place that sets them;
tests/caching/test_wagtail_private_attributes.py fails if Wagtail stops reading them.
"""

from __future__ import annotations

from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from portal.caching.generation import current, store
from portal.caching.restrictions import any_view_restrictions

# The shape of a kept route; a new shape gets new keys, so that processes of two releases
# sharing the cache during a deploy never read each other's entries.
ENTRY_VERSION = 5


def _key(request, path: str) -> str:
    # get_host() is the host name Django has checked against ALLOWED_HOSTS.
    return f"route:v{ENTRY_VERSION}:{request.get_host()}:{translation.get_language()}:{path}"


def _components(path: str) -> list[str]:
    return [component for component in path.split("/") if component]


def _names_the_page(site: Site, page: Page, path: str) -> bool:
    """Whether `path` is the page's own address under the site, not one of its sub-routes."""
    root = site.root_page.url_path
    return page.url_path.startswith(root) and _components(page.url_path[len(root) :]) == (
        _components(path)
    )


def still_live(page: Page) -> bool:
    """Whether the page is live in the database now: one small query."""
    return Page.objects.filter(pk=page.pk, live=True).exists()


def hand_to_wagtail(request, site: Site, page: Page) -> None:
    """Tell Wagtail the site and the route of this request, found without its queries.

    The one place that sets Wagtail's private request attributes (see the module's text).
    """
    request._wagtail_site = site
    request._wagtail_route_for_request = page.route(request, [])


def _remembered(request, key: str) -> bool:
    """Route the request from the cache; False when the address is not remembered."""
    entry = current(request, key)
    if not isinstance(entry, tuple) or len(entry) != 3:
        return False
    site, page, restricted = entry
    if not isinstance(page, Page) or not still_live(page):
        return False
    # Whether any page was restricted when the route was kept: a restriction saved or
    # deleted since would have started a new generation.
    page.known_view_restrictions = restricted
    hand_to_wagtail(request, site, page)
    return True


def serve(request, path):
    """Wagtail's page view, routed through the cache when the address was routed before."""
    if hasattr(request, "_wagtail_route_for_request"):
        return wagtail_views.serve(request, path)  # routed already
    key = _key(request, path)
    if not _remembered(request, key):
        route = Page.route_for_request(request, path)
        site = Site.find_for_request(request)
        if route is not None and site is not None and _names_the_page(site, route[0], path):
            page = route[0]
            store(request, key, (site, page, any_view_restrictions()))
    return wagtail_views.serve(request, path)
