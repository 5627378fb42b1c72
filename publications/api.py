"""The catalogue as read-only JSON: the same filters, sorting and pagination as the page."""

from __future__ import annotations

from urllib.parse import urlencode

from django.utils.translation import gettext

from publications.schema import absolute, plain


def _url(request, base: str, query: str) -> str:
    return absolute(request, f"{base}?{query}" if query else base)


def publication_json(index_page, request, publication) -> dict:
    return {
        "slug": publication.slug,
        "url": absolute(request, publication.url_in(index_page)),
        "title": publication.title,
        "subtitle": publication.subtitle,
        "year": publication.year,
        "type": (
            {"slug": publication.publication_type.slug, "name": str(publication.publication_type)}
            if publication.publication_type
            else None
        ),
        "topics": [{"slug": t.slug, "name": str(t)} for t in publication.topics.all()],
        "authors": [{"slug": o.slug, "name": str(o)} for o in publication.authors],
        "edition": publication.edition,
        "edition_statement": publication.edition_statement(),
        "editions": [
            {"number": e.number, "year": e.year, "publisher": e.publisher}
            for e in publication.sorted_editions
        ],
        "languages": [
            {
                "code": v.language,
                "name": v.native_name,
                "status": v.status,
                "document": (
                    {
                        "url": absolute(request, v.document.url),
                        "format": v.document_format(),
                        "size": v.document_size(),
                    }
                    if v.has_public_document
                    else None
                ),
                "link": v.link or None,
            }
            for v in publication.languages()
        ],
        # Every way to read it, first: per language, the document here, else the
        # publisher's page for it.
        "read": [
            {
                "language": option.language,
                "url": absolute(request, option.url),
                "kind": "document" if option.document else "publisher",
                "format": option.format or None,
                "size": option.size,
            }
            for option in publication.read_options()
        ],
        "article_number": publication.article_number,
        "read_online": publication.external_url,
        "description": plain(publication.description),
    }


def catalogue_json(index_page, request, catalogue) -> dict:
    page = catalogue.page_obj
    api_url = index_page.url + index_page.reverse_subpage("api")
    return {
        "count": catalogue.count,
        "page": page.number,
        "pages": catalogue.paginator.num_pages,
        "per_page": catalogue.per_page,
        "next": _url(request, api_url, catalogue.page_query(page.next_page_number()))
        if page.has_next()
        else None,
        "previous": _url(request, api_url, catalogue.page_query(page.previous_page_number()))
        if page.has_previous()
        else None,
        "filters": catalogue.state(),
        "ignored": catalogue.filters.notices,
        "html": _url(request, index_page.url, urlencode(catalogue.state())),
        "items": [publication_json(index_page, request, p) for p in page.object_list],
        "description": gettext("Publications of the catalogue, read-only."),
    }
