"""Setting up an authenticator, giving its code, and an administrator's reset."""

from __future__ import annotations

import segno
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from wagtail.admin.auth import require_admin_access

from portal.accounts.devices import (
    base32_key,
    can_reset,
    confirm_setup,
    confirmed_device,
    grouped,
    remove_devices,
    setup_device,
)
from portal.accounts.forms import CodeForm, check_code


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


QR_TITLE = _("QR code holding the key shown below")


@never_cache
@sensitive_post_parameters("code")
@require_admin_access
def setup(request):
    """Connect an authenticator app: scan or type the key, confirm with its first code."""
    if request.user.is_verified():
        return redirect(_next_url(request))
    if confirmed_device(request.user):
        return redirect_to_login(_next_url(request), reverse("two_factor_verify"))
    device = setup_device(request)
    form = CodeForm(request.POST or None)
    if form.is_valid() and check_code(form, device):
        confirm_setup(request, device)
        otp_login(request, device)
        return redirect(_next_url(request))
    return render(
        request,
        "accounts/two_factor/setup.html",
        {
            "form": form,
            "next": _next_url(request),
            # Drawn here, as SVG markup: no image request, no script, no other site.
            "qr_svg": segno.make(device.config_url, error="m").svg_inline(
                scale=5, dark="#000", light="#fff", title=str(QR_TITLE)
            ),
            "secret": grouped(base32_key(device)),
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
    if form.is_valid() and check_code(form, device):
        otp_login(request, device)
        return redirect(_next_url(request))
    return render(
        request, "accounts/two_factor/verify.html", {"form": form, "next": _next_url(request)}
    )


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
    return render(request, "accounts/two_factor/reset.html", {"target": user})
