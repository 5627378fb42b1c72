"""The feedback addresses, under each language: /sv/aterkoppling/… and /en/feedback/…"""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from portal.feedback import views

app_name = "feedback"

urlpatterns = [
    path("", views.answer, name="answer"),
    path(_("comment/"), views.comment, name="comment"),
    path(_("thanks/"), views.thanks, name="thanks"),
]
