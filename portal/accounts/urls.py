"""/admin/2fa/: set-up and verification, reachable before the code is given."""

from django.urls import path

from portal.accounts import views

urlpatterns = [
    path("setup/", views.setup, name="two_factor_setup"),
    path("verify/", views.verify, name="two_factor_verify"),
]
