"""The administrator's "Reset two-step sign-in" beside each user in the admin's user list."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.widgets import Button

from portal.accounts import views
from portal.accounts.devices import can_reset, has_device


@hooks.register("register_admin_urls")
def register_two_factor_reset():
    # Under /admin/, not /admin/2fa/: only a user who has given their own code reaches it.
    return [path("two-step-reset/<int:user_id>/", views.reset, name="two_factor_reset")]


@hooks.register("register_user_listing_buttons")
def two_factor_reset_button(user, request_user):
    if can_reset(request_user, user) and has_device(user, request_user):
        yield Button(
            gettext_lazy("Reset two-step sign-in"),
            reverse("two_factor_reset", args=[user.pk]),
            icon_name="key",
            priority=50,
        )
