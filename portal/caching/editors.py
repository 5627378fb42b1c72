"""Who is signed in, known before the session is read: a signed cookie set for editors.

The page cache answers before sessions are set up (portal.caching.middleware), so it cannot
ask the session who is signed in without a database query on every request. Any cookie a
visitor sends (`sessionid=x`, a stale session, a tracker's) must not turn the cache off, or
anyone could bypass it; only editors must never be served a kept page. So when a signed-in
user's request reaches the site's views (the admin's sign-in first of all), the response
carries `portal_editor`, a cookie signed with SECRET_KEY that no visitor can forge; a request
that carries it valid is never served from the cache. When the user is found signed out (the
admin's sign-out, an expired session), the cookie is removed.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing

COOKIE = "portal_editor"
SALT = "portal.caching.editors"


def signed_in(request) -> bool:
    """The request carries a valid editor's cookie (an HMAC check, no query)."""
    value = request.COOKIES.get(COOKIE)
    if not value:
        return False
    try:
        request.get_signed_cookie(COOKIE, salt=SALT, max_age=settings.SESSION_COOKIE_AGE)
    except (KeyError, signing.BadSignature):
        return False
    return True


def authenticated(request) -> bool:
    """Whether the views found the request's user signed in (False before the session is read)."""
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def mark(request, response) -> None:
    """Set or remove the editor's cookie to match who the views found signed in.

    Asked only when the request or the response carries a session cookie: a visitor
    without one costs nothing, a made-up one a session lookup on the requests the cache
    does not answer.
    """
    session_cookie = settings.SESSION_COOKIE_NAME
    if session_cookie not in request.COOKIES and session_cookie not in response.cookies:
        if COOKIE in request.COOKIES:
            response.delete_cookie(COOKIE, samesite="Lax")
        return
    if authenticated(request):
        if not signed_in(request):
            response.set_signed_cookie(
                COOKIE,
                "1",
                salt=SALT,
                max_age=settings.SESSION_COOKIE_AGE,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
    elif COOKIE in request.COOKIES:
        response.delete_cookie(COOKIE, samesite="Lax")
