"""Views outside the page tree: search and the error pages, in the visitor's language."""

from django.core.paginator import Paginator
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from wagtail.models import Page


def page_not_found(request, exception=None):
    return render(request, "404.html", {"error_page": True}, status=404)


def server_error(request):
    """A bilingual 500 page that needs neither the database nor context processors."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"LANGUAGE_CODE": translation.get_language()}))


def search(request):
    """Site search over the live pages, in the active language.

    The header's search box leads here on every page.
    """
    query = request.GET.get("q", "").strip()[:200]
    results = []
    if query:
        results = Page.objects.live().public().specific().search(query)
    paginator = Paginator(results, 10)
    page_obj = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "portal/search.html",
        {"search_query": query, "page_obj": page_obj, "count": paginator.count if query else 0},
    )
