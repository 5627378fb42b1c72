"""The editors' report of visitors' answers ("Återkoppling på sidor"), on Wagtail's ReportView.

One row per page or publication: its Yes and No in the chosen period, and the comments
given after No. The filters (period, page) choose the answers; the rows are counted from
them in one query, their comments read in a second; a spreadsheet export gives the same.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import django_filters
from django.apps import apps
from django.conf import settings
from django.db.models import Count, Max, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from portal.feedback.models import PageFeedback


@dataclass
class Comment:
    created: datetime.datetime
    language: str
    text: str


@dataclass
class FeedbackRow:
    subject: str
    title: str
    yes: int
    no: int
    page_id: int | None
    publication_id: int | None
    comments: list[Comment] = field(default_factory=list)

    @property
    def kind(self) -> str:
        if self.subject.startswith("publication:"):
            return str(_("Publication") if self.publication_id else _("Publication (deleted)"))
        return str(_("Page") if self.page_id else _("Page (deleted)"))

    @property
    def edit_url(self) -> str | None:
        if self.subject.startswith("publication:"):
            if self.publication_id is None:
                return None
            entries = apps.get_model(settings.FEEDBACK_ENTRY_MODEL)
            url_name = entries.snippet_viewset.get_url_name("edit")
            return reverse(url_name, args=[self.publication_id])
        if self.page_id is None:
            return None
        return reverse("wagtailadmin_pages:edit", args=[self.page_id])

    @property
    def comments_text(self) -> str:
        return "\n".join(
            f"{timezone.localtime(c.created):%Y-%m-%d} ({c.language}): {c.text}"
            for c in self.comments
        )


def _title():
    """The Swedish title when there is an answer in Swedish, else the English one."""
    return Coalesce(Max("title", filter=Q(language="sv")), Max("title"))


def report_rows(answers) -> list[FeedbackRow]:
    """The answers counted per page or publication, those with the most No first."""
    counted = (
        answers.order_by()
        .values("subject")
        .annotate(
            row_title=_title(),
            yes=Count("pk", filter=Q(helpful=True)),
            no=Count("pk", filter=Q(helpful=False)),
            page_ref=Max("page"),
            publication_ref=Max("publication"),
        )
        .order_by("-no", "-yes", "row_title")
    )
    rows = {
        entry["subject"]: FeedbackRow(
            entry["subject"],
            entry["row_title"],
            entry["yes"],
            entry["no"],
            entry["page_ref"],
            entry["publication_ref"],
        )
        for entry in counted
    }
    comments = answers.exclude(comment="").order_by("-created")
    for subject, created, language, text in comments.values_list(
        "subject", "created", "language", "comment"
    ):
        rows[subject].comments.append(Comment(created, language, text))
    return list(rows.values())


def most_no(since: datetime.datetime, limit: int = 5) -> list[dict]:
    """The pages and publications with the most No since `since` (the dashboard's panel)."""
    return list(
        PageFeedback.objects.filter(helpful=False, created__gte=since)
        .order_by()
        .values("subject")
        .annotate(row_title=_title(), no=Count("pk"))
        .order_by("-no", "row_title")[:limit]
    )


def subject_choices() -> list[tuple[str, str]]:
    rows = PageFeedback.objects.order_by().values("subject").annotate(row_title=_title())
    return sorted(((r["subject"], r["row_title"]) for r in rows), key=lambda c: c[1].lower())


class FeedbackFilterSet(WagtailFilterSet):
    created = django_filters.DateFromToRangeFilter(
        label=_("Answered"), widget=DateRangePickerWidget
    )
    subject = django_filters.ChoiceFilter(
        label=_("Page"), choices=subject_choices, empty_label=_("All pages")
    )

    class Meta:
        model = PageFeedback
        fields: list[str] = []


class CommentsColumn(Column):
    cell_template_name = "feedback/admin/comments_cell.html"


class PageFeedbackReportView(ReportView):
    page_title = _("Feedback on pages")
    header_icon = "help"
    index_url_name = "page_feedback"
    index_results_url_name = "page_feedback_results"
    filterset_class = FeedbackFilterSet
    export_filename = "page-feedback"
    columns = [
        TitleColumn("title", label=_("Title"), get_url=lambda row: row.edit_url),
        Column("kind", label=_("Kind")),
        Column("yes", label=_("Yes")),
        Column("no", label=_("No")),
        CommentsColumn("comments", label=_("Comments")),
    ]
    list_export = ["title", "kind", "yes", "no", "comments_text"]
    export_headings = {
        "title": _("Title"),
        "kind": _("Kind"),
        "yes": _("Yes"),
        "no": _("No"),
        "comments_text": _("Comments"),
    }

    def get_queryset(self):
        answers = PageFeedback.objects.all()
        if self.filters and self.filters.is_valid():
            answers = self.filters.filter_queryset(answers)
        return report_rows(answers)

    def filter_queryset(self, rows):
        return rows  # filtered as answers, before they were counted (get_queryset)

    def get_filename(self):
        return f"{self.export_filename}-{timezone.localdate().isoformat()}"
