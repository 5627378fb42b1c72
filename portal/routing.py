"""Finding the page an address names, remembered per page-cache generation.

Wagtail finds a page in three steps, each a query: the site of the host name, the
site's root page, then the page under it (two queries, its type and then its row).
Which page an address names changes only when editors publish, unpublish or move a
page, or change a site, and each of those starts a new generation (portal.page_cache).
So the site, the page's type and id, and whether any page is restricted, are kept in the
shared cache under the address, with the generation they were found in (read together
with the current generation in one round trip), and a request whose address was routed
before in this generation fetches its page with one query, compiled once per page type.
The page itself is always read from the database: nothing of its row comes from this
cache. The parts of the layout that the page read last in this process (its crumbs,
addresses, body...) are read ahead in the same round trip as the route.

Only addresses that name a page itself are remembered, not the sub-routes of a
routable page (a publication's address), so that made-up addresses add nothing to the
cache.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connections, router
from django.http.request import split_domain_port
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from portal import page_cache
from portal.pages import any_view_restrictions

# The shape of a kept route; a new shape gets new keys, so that processes of two releases
# sharing the cache during a deploy never read each other's entries.
ENTRY_VERSION = 3


def _key(request, path: str) -> str:
    host = split_domain_port(request._get_raw_host())[0]
    return f"route:v{ENTRY_VERSION}:{host}:{request.get_port()}:{translation.get_language()}:{path}"


def _components(path: str) -> list[str]:
    return [component for component in path.split("/") if component]


def _names_the_page(site: Site, page: Page, path: str) -> bool:
    """Whether `path` is the page's own address under the site, not one of its sub-routes."""
    root = site.root_page.url_path
    return page.url_path.startswith(root) and _components(page.url_path[len(root) :]) == (
        _components(path)
    )


# A page's row, by a query compiled once per page type and process. Django compiles a
# queryset's SQL anew for every query; for the wide, multi-table row of a page (Wagtail's
# columns and the type's, each translated field once per language) that took 1.6 ms of a
# 9 ms view. The SQL, the order of its columns and the conversions of their values
# (a StreamField's JSON into blocks) depend on the model alone; the id is the only value
# that changes. The row is made into the page as Django's own iteration of a queryset
# does (`Model.from_db`), without a raw queryset's reading of the cursor's column names.
@dataclass(frozen=True)
class _PageQuery:
    sql: str
    params: tuple
    fields: slice  # the model's columns in the row
    attnames: list[str]
    converters: dict  # position in the row → (converters, expression), as Django's


_PAGE_QUERIES: dict[tuple[type, str], _PageQuery] = {}
_ANY_ID = -7_654_321  # stands for the id while compiling


def _page_query(model: type[Page], alias: str) -> _PageQuery:
    compiled = _PAGE_QUERIES.get((model, alias))
    if compiled is None:
        query = model._base_manager.filter(pk=_ANY_ID, live=True).order_by().query
        compiler = query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        select_fields = compiler.klass_info["select_fields"]
        fields = slice(select_fields[0], select_fields[-1] + 1)
        compiled = _PAGE_QUERIES[(model, alias)] = _PageQuery(
            sql=sql,
            params=tuple(params),
            fields=fields,
            attnames=[column.target.attname for column, _, _ in compiler.select[fields]],
            converters=compiler.get_converters([column for column, _, _ in compiler.select]),
        )
    return compiled


def live_page(model: type[Page], page_id: int) -> Page | None:
    """The live page of `model` with this id, or None."""
    alias = router.db_for_read(model)
    compiled = _page_query(model, alias)
    connection = connections[alias]
    with connection.cursor() as cursor:
        cursor.execute(compiled.sql, [page_id if p == _ANY_ID else p for p in compiled.params])
        row = cursor.fetchone()
    if row is None:
        return None
    row = list(row)
    for position, (converters, expression) in compiled.converters.items():
        value = row[position]
        for converter in converters:
            value = converter(value, expression, connection)
        row[position] = value
    return model.from_db(alias, compiled.attnames, row[compiled.fields])


# The kept parts (page_cache.prefetch) the page at each remembered address read last in
# this process, read ahead with its route. At most one entry per page and language.
_PARTS_READ: dict[str, tuple[str, ...]] = {}
_PARTS_READ_LIMIT = 10_000


def _remembered(request, key: str) -> bool:
    """Route the request from the cache; False when the address is not remembered."""
    entry = page_cache.current(request, key, ahead=_PARTS_READ.get(key, ()))
    if not isinstance(entry, tuple) or len(entry) != 4:
        return False
    site, content_type_id, page_id, restricted = entry
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = live_page(model, page_id) if model else None
    if page is None:
        return False
    # Whether any page was restricted when the route was kept: a restriction saved or
    # deleted since would have started a new generation.
    page._any_view_restrictions = restricted
    request._wagtail_site = site
    request._wagtail_route_for_request = page.route(request, [])
    return True


def serve(request, path):
    """Wagtail's page view, routed through the cache when the address was routed before."""
    if hasattr(request, "_wagtail_route_for_request"):
        return wagtail_views.serve(request, path)
    key = _key(request, path)
    remembered = _remembered(request, key)
    if not remembered:
        route = Page.route_for_request(request, path)
        site = getattr(request, "_wagtail_site", None)
        if route is not None and site is not None and _names_the_page(site, route[0], path):
            page = route[0]
            entry = (site, page.content_type_id, page.pk, any_view_restrictions())
            page_cache.store(request, key, entry)
            remembered = True
    response = wagtail_views.serve(request, path)
    parts = getattr(request, "_page_cache_prefetched", None)
    if remembered and parts is not None and _PARTS_READ.get(key) != parts:
        if len(_PARTS_READ) >= _PARTS_READ_LIMIT:
            _PARTS_READ.clear()
        _PARTS_READ[key] = parts
    return response
