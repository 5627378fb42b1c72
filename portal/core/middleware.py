"""When the database is away, visitors get a calm 503 page in their language, not a trace."""

from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils import translation

RETRY_AFTER_SECONDS = 30


def unavailable_response(request) -> HttpResponse:
    template = loader.get_template("503.html")
    html = template.render({"LANGUAGE_CODE": translation.get_language()})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Turns a lost database connection into 503 Service Unavailable.

    Django drops the broken connection at the end of the request; the next request
    connects again, so the site recovers by itself when the database is back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            return unavailable_response(request)
        return None
