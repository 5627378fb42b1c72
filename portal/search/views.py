"""The site search page, in the active language."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext

from portal.search import query as search_query

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def search(request):
    """Site search over themes, resources and publications, in the active language.

    The header's search box leads here on every page. Any query gives a normal page:
    it is cut to a sane length and matched as plain words, never as syntax.
    """
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    results = search_query.search(query, translation.get_language()) if query else None
    entries = results.entries if results and results.entries is not None else []
    paginator = Paginator(entries, RESULTS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    terms = results.terms if results else []
    hits = [
        {"entry": entry, "excerpt": search_query.excerpt(entry.body, terms)}
        for entry in page_obj.object_list
    ]
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "page_obj": page_obj,
            "hits": hits,
            "count": paginator.count if query else 0,
            "suggestion": results.suggestion if results else "",
            # Read after the count: ranking decides whether any entry matched every word.
            "partial": bool(results and paginator.count and results.partial),
            # Results pages are for visitors, not for search engines' indexes.
            "noindex": True,
            "canonical_url": request.path,
            "meta_description": gettext("Search the guidance and the publications."),
        },
    )
