"""Two-factor sign-in for the Wagtail admin: a time-based code (TOTP) after the password.

No Wagtail-specific package supports Wagtail 8 yet (docs/deployment.md), so this is the
thin layer such packages are, on django-otp (the maintained OTP framework they all build
on): django-otp keeps the devices, checks the codes, throttles wrong ones and marks the
session as verified; this module asks for a code before any admin page.

With PORTAL_TWO_FACTOR on (production's default), a signed-in user who has not given a
code in this session is sent from every admin page to

- /admin/2fa/setup/ when they have no authenticator yet: a QR code and the key to type,
  and the first code, which confirms the device; or
- /admin/2fa/verify/ when they have one: the current code.

Sign-in, sign-out and password reset stay reachable. A lost phone: an administrator
chooses "Reset two-step sign-in" beside the user in the admin's user list (or runs
`manage.py reset_two_factor <username>`), and the user sets up a new one at next sign-in.
"""

from __future__ import annotations

import math

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.auth import require_admin_access

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
DEVICE_NAME = "authenticator"


def required() -> bool:
    return getattr(settings, "PORTAL_TWO_FACTOR", False)


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


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        help_text=_("Six digits; a new code appears every 30 seconds."),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isascii() and code.isdigit() and len(code) == 6):
            raise forms.ValidationError(_("Enter the six digits your authenticator app shows."))
        return code


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


QR_TITLE = _("QR code holding the key shown below")
WRONG_CODE = _("That code is not right, or it has expired. Enter the code your app shows now.")


@never_cache
@sensitive_post_parameters("code")
@require_admin_access
def setup(request):
    """Connect an authenticator app: scan or type the key, confirm with its first code."""
    if request.user.is_verified():
        return redirect(_next_url(request))
    if confirmed_device(request.user):
        return redirect_to_login(_next_url(request), reverse("two_factor_verify"))
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=DEVICE_NAME, confirmed=False)
    form = CodeForm(request.POST or None)
    if form.is_valid() and _check(form, device):
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        return redirect(_next_url(request))
    return render(
        request,
        "portal/two_factor/setup.html",
        {
            "form": form,
            "next": _next_url(request),
            # Drawn here, as SVG markup: no image request, no script, no other site.
            "qr_svg": segno.make(device.config_url, error="m").svg_inline(
                scale=5, dark="#000", light="#fff", title=str(QR_TITLE)
            ),
            "secret": _grouped(_base32_key(device)),
        },
    )


@never_cache
@sensitive_post_parameters("code")
@require_admin_access
def verify(request):
    """The current code of the user's authenticator, once per session."""
    if request.user.is_verified():
        return redirect(_next_url(request))
    device = confirmed_device(request.user)
    if device is None:
        return redirect_to_login(_next_url(request), reverse("two_factor_setup"))
    form = CodeForm(request.POST or None)
    if form.is_valid() and _check(form, device):
        otp_login(request, device)
        return redirect(_next_url(request))
    return render(
        request, "portal/two_factor/verify.html", {"form": form, "next": _next_url(request)}
    )


def _check(form: CodeForm, device: TOTPDevice) -> bool:
    """Whether the form's code is the device's; if not, the form says why.

    django-otp throttles a device after a wrong code (1 s, then 2, 4, 8 ... s): within
    that time even the right code is refused, and the message says how long to wait.
    """
    allowed, details = device.verify_is_allowed()
    if not allowed:
        wait = details.get("locked_until")
        seconds = max(1, math.ceil((wait - timezone.now()).total_seconds())) if wait else 1
        form.add_error(
            "code",
            ngettext(
                "Too many wrong codes. Wait %(seconds)s second, then enter the code your app"
                " shows.",
                "Too many wrong codes. Wait %(seconds)s seconds, then enter the code your app"
                " shows.",
                seconds,
            )
            % {"seconds": seconds},
        )
        return False
    if device.verify_token(form.cleaned_data["code"]):
        return True
    form.add_error("code", WRONG_CODE)
    return False


def _base32_key(device: TOTPDevice) -> str:
    from base64 import b32encode

    return b32encode(device.bin_key).decode().rstrip("=")


def _grouped(key: str) -> str:
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


@never_cache
@require_admin_access
def reset(request, user_id: int):
    """An administrator removes a user's authenticator (a lost or replaced phone); the user
    sets up a new one at their next sign-in. Behind the code like every admin page (its
    address is not under /admin/2fa/)."""
    User = get_user_model()
    user = get_object_or_404(User, pk=user_id)
    if not can_reset(request.user, user):
        raise PermissionDenied
    if request.method == "POST":
        remove_devices(user)
        messages.success(
            request,
            _("Two-step sign-in of %(user)s was reset. They set it up again at their next sign-in.")
            % {"user": user.get_username()},
        )
        return redirect("wagtailusers_users:index")
    return render(request, "portal/two_factor/reset.html", {"target": user})


def can_reset(request_user, user) -> bool:
    """Those who may change users; only superusers for a superuser."""
    if user.is_superuser and not request_user.is_superuser:
        return False
    return request_user.has_perm("auth.change_user")


def remove_devices(user) -> int:
    """Remove all of a user's two-step devices; how many there were."""
    removed = 0
    for device in devices_for_user(user, confirmed=None):
        device.delete()
        removed += 1
    return removed


def has_device(user, request_user) -> bool:
    """Whether `user` has a two-step device. For the admin's user list, which asks once
    per row: the ids of the users with one are read once, kept on the viewing user."""
    ids = getattr(request_user, "_two_factor_user_ids", None)
    if ids is None:
        ids = set(TOTPDevice.objects.values_list("user_id", flat=True))
        request_user._two_factor_user_ids = ids
    return user.pk in ids


urlpatterns = [
    path("setup/", setup, name="two_factor_setup"),
    path("verify/", verify, name="two_factor_verify"),
]
