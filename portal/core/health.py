"""Health endpoints for the load balancer and the orchestrator, outside the language prefixes."""

from django.db import connection
from django.db.utils import DatabaseError
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from portal.caching import breaker


@never_cache
def live(request):
    """The process answers. Touches nothing else (no database, no cache)."""
    return JsonResponse({"status": "ok"})


@never_cache
def ready(request):
    """The process can serve pages: the database answers SELECT 1.

    A cache that does not answer is reported as degraded, still with 200: pages are made
    without it (slower, never wrong), and every process shares the one Redis, so a 503
    would take the whole site out of the load balancer for the loss of a speed-up
    (docs/deployment.md). It costs at most one cache time-out, none while the breaker is open.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unavailable"}, status=503)
    if breaker.degraded():
        return JsonResponse({"status": "degraded", "database": "ok", "cache": "unavailable"})
    return JsonResponse({"status": "ok", "database": "ok", "cache": "ok"})
