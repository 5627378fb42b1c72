"""Before any admin page: the code of a signed-in user's authenticator, once per session."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.urls import reverse

from portal.accounts.devices import confirmed_device, required

ADMIN_PREFIX = "/admin/"
OPEN_PATHS = (
    "/admin/login/",
    "/admin/logout/",
    "/admin/password_reset/",
    "/admin/2fa/",
    # What every admin page loads, these two included: the icons and the scripts' texts.
    "/admin/sprite/",
    "/admin/jsi18n/",
)


class TwoFactorMiddleware:
    """Sends a signed-in admin user without a verified code to set-up or verification.

    After django_otp.middleware.OTPMiddleware, which gives request.user.is_verified().
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        user = getattr(request, "user", None)
        if (
            required()
            and path.startswith(ADMIN_PREFIX)
            and not path.startswith(OPEN_PATHS)
            and user is not None
            and user.is_authenticated
            and not user.is_verified()
        ):
            step = "verify" if confirmed_device(user) else "setup"
            return redirect_to_login(request.get_full_path(), reverse(f"two_factor_{step}"))
        return self.get_response(request)
