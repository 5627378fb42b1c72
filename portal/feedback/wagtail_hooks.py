"""The feedback report in the admin's Reports menu, and the dashboard's "Most No this month"."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from portal.feedback.reports import PageFeedbackReportView, most_no


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("reports/page-feedback/", PageFeedbackReportView.as_view(), name="page_feedback"),
        path(
            "reports/page-feedback/results/",
            PageFeedbackReportView.as_view(results_only=True),
            name="page_feedback_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_menu_item():
    return MenuItem(
        _("Feedback on pages"),
        reverse("page_feedback"),
        name="page-feedback",
        icon_name="help",
        order=102,
    )


class MostNoPanel(Component):
    name = "page_feedback"
    template_name = "feedback/admin/most_no_panel.html"
    order = 120

    def get_context_data(self, parent_context):
        now = timezone.localtime()
        since = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        return {"rows": most_no(since), "since": since, "request": parent_context["request"]}


@hooks.register("construct_homepage_panels")
def add_most_no_panel(request, panels):
    panels.append(MostNoPanel())
