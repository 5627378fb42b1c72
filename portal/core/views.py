"""The error pages, in the visitor's language."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils import translation


def page_not_found(request, exception=None):
    return render(request, "404.html", {"error_page": True}, status=404)


def server_error(request):
    """A bilingual 500 page that needs neither the database nor context processors."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"LANGUAGE_CODE": translation.get_language()}))
