"""Health endpoints for the load balancer and the orchestrator, outside the language prefixes."""

from django.db import connection
from django.db.utils import DatabaseError
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


@never_cache
def live(request):
    """The process answers. Touches nothing else (no database, no cache)."""
    return JsonResponse({"status": "ok"})


@never_cache
def ready(request):
    """The process can serve pages: the database answers SELECT 1."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
