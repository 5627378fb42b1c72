"""Admin additions for guidance: the dashboard panel of pages due for content review (the report
itself is portal.editorial's, on Wagtail's ReportView)."""

from __future__ import annotations

from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component

from guidance import resource_chooser
from guidance.review import pages_for_review


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


@hooks.register("register_admin_urls")
def register_resource_chooser():
    return resource_chooser.urlpatterns
