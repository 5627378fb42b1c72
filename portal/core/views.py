"""The error pages, in the visitor's language; robots.txt."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext


def page_not_found(request, exception=None):
    # A description as every page has (Lighthouse's meta-description audit asks for one).
    description = gettext("The page was not found. Search the guidance and the publications.")
    context = {"error_page": True, "meta_description": description}
    return render(request, "404.html", context, status=404)


def server_error(request):
    """A bilingual 500 page that needs neither the database nor context processors."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"LANGUAGE_CODE": translation.get_language()}))


def robots_txt(request):
    """What crawlers may read (not the admin, not search results) and where the sitemap is."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        *(f"Disallow: {path}" for path in search_paths()),
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def search_paths() -> list[str]:
    paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.append(reverse("search"))
    return paths
