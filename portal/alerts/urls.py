"""The alerts' addresses, under each language: /sv/bevaka/… and /en/email-alerts/…"""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from portal.alerts import views

app_name = "alerts"

urlpatterns = [
    path("", views.signup, name="signup"),
    path(_("confirm/<str:token>/"), views.confirm, name="confirm"),
    path(_("unsubscribe/<str:token>/"), views.unsubscribe, name="unsubscribe"),
    path(_("your-alerts/<str:token>/"), views.manage, name="manage"),
]
