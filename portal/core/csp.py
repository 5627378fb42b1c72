"""The Content-Security-Policy of every response (django-csp), with one measured exception.

The public site and the admin's login page get the policy in settings: scripts only
from this site, never inline. Behind the login, Wagtail 8's editing views still start
their panels, choosers and StreamField blocks with inline scripts (ten on the theme
page's edit view; Wagtail's open issue #1288 tracks removing them), so those views also
allow inline scripts. Scripts from other sites stay refused there too. The browser
test tests/e2e/test_csp.py checks both sides.
"""

from __future__ import annotations

from dataclasses import replace

from csp.middleware import CSPMiddleware

ADMIN_PREFIX = "/admin/"
STRICT_ADMIN_PATHS = ("/admin/login/", "/admin/password_reset/", "/admin/2fa/")
ADMIN_ADDITIONS = {
    "script-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],  # the image uploader's previews
}


def relaxed_for(request) -> bool:
    path = request.path_info
    return path.startswith(ADMIN_PREFIX) and not path.startswith(STRICT_ADMIN_PATHS)


class PortalCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or not relaxed_for(request):
            return parts
        update = {key: list(value) for key, value in (parts.update or {}).items()}
        for directive, sources in ADMIN_ADDITIONS.items():
            update[directive] = [*update.get(directive, []), *sources]
        return replace(parts, update=update)
