"""Admin additions for guidance: the review report and its dashboard panel."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from guidance.review import pages_for_review


def review_report(request):
    today = timezone.localdate()
    pages = [(page, page.review_status(today)) for page in pages_for_review(today)]
    return render(
        request,
        "guidance/admin/review_report.html",
        {"page_title": _("Pages due for review"), "pages": pages, "today": today},
    )


@hooks.register("register_admin_urls")
def register_urls():
    return [path("reports/review-due/", review_report, name="review_due")]


@hooks.register("register_reports_menu_item")
def register_menu_item():
    return MenuItem(
        gettext_lazy("Pages due for review"),
        reverse("review_due"),
        icon_name="date",
        order=101,
    )


class ReviewPanel(Component):
    name = "review_due"
    template_name = "guidance/admin/review_panel.html"
    order = 111

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        pages = [(page, page.review_status(today)) for page in pages_for_review(today)]
        return {"pages": pages[:10], "count": len(pages), "request": parent_context["request"]}


@hooks.register("construct_homepage_panels")
def add_review_panel(request, panels):
    panels.append(ReviewPanel())
