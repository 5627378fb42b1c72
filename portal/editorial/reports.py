"""The editorial reports in the Wagtail admin, on Wagtail's own report view.

Both list rows built in Python (the translation status of pages and snippets, the review
status of pages), so the filter sets filter those rows rather than a query set.
"""

from __future__ import annotations

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, Table, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from portal.editorial import review_dates, translation_status


class RowFilterSet(WagtailFilterSet):
    """Keeps the rows whose attribute of each filter's name equals the chosen value."""

    class Meta:
        model = Page  # only for django-filter's defaults; the rows are filtered in Python
        fields: list[str] = []

    def filter_queryset(self, rows):
        chosen = {name: value for name, value in self.form.cleaned_data.items() if value}
        return [row for row in rows if all(getattr(row, k) == v for k, v in chosen.items())]


class StatusTable(Table):
    """A listing whose rows carry their status (data-status) for styling and tests."""

    def get_row_attrs(self, instance):
        return {**super().get_row_attrs(instance), "data-status": instance.status}


class RowReportView(ReportView):
    table_class = StatusTable

    def get_rows(self) -> list:
        raise NotImplementedError

    def get_queryset(self):
        return self.get_rows()

    def filter_queryset(self, rows):
        if not self.filters:
            return rows
        # Cleaning drops an unknown value from its own filter only; the others still apply.
        self.filters.is_valid()
        return self.filters.filter_queryset(rows)

    def get_filename(self):
        return f"{self.export_filename}-{timezone.localdate().isoformat()}"


class TranslationStatusFilterSet(RowFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=lambda: list(translation_status.STATUS_LABELS.items()),
        empty_label=_("Any status"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=translation_status.kind_choices, empty_label=_("All kinds")
    )
    section = django_filters.ChoiceFilter(
        label=_("Section"),
        choices=lambda: [(title, title) for title in translation_status.section_choices()],
        empty_label=_("All sections"),
    )


class TranslationStatusReportView(RowReportView):
    page_title = _("Translation status")
    header_icon = "globe"
    index_url_name = "translation_status"
    index_results_url_name = "translation_status_results"
    filterset_class = TranslationStatusFilterSet
    export_filename = "translation-status"
    columns = [
        TitleColumn("title", label=_("Title"), get_url=lambda row: row.edit_url),
        Column("kind_label", label=_("Kind")),
        Column("section", label=_("Section")),
        Column("status_label", label=_("Status")),
        Column("missing_fields_text", label=_("Fields without English")),
    ]
    list_export = ["title", "kind_label", "section", "status_label", "missing_fields_text"]
    export_headings = {
        "title": _("Title"),
        "kind_label": _("Kind"),
        "section": _("Section"),
        "status_label": _("Status"),
        "missing_fields_text": _("Fields without English"),
    }

    def get_rows(self):
        return translation_status.report_rows()


class ReviewDatesFilterSet(RowFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=lambda: list(review_dates.STATUS_LABELS.items()),
        empty_label=_("Overdue or due soon"),
    )
    page_type = django_filters.ChoiceFilter(
        label=_("Page type"),
        choices=review_dates.page_type_choices,
        empty_label=_("All page types"),
    )


class ReviewDatesReportView(RowReportView):
    page_title = _("Pages due for content review")
    header_icon = "date"
    index_url_name = "review_due"
    index_results_url_name = "review_due_results"
    filterset_class = ReviewDatesFilterSet
    export_filename = "review-dates"
    columns = [
        TitleColumn("title", label=_("Title"), get_url=lambda row: row.edit_url),
        Column("page_type_label", label=_("Page type")),
        Column("last_reviewed", label=_("Last reviewed")),
        Column("review_by", label=_("Review by")),
        Column("status_label", label=_("Status")),
    ]
    list_export = ["title", "page_type_label", "last_reviewed", "review_by", "status_label"]
    export_headings = {
        "title": _("Title"),
        "page_type_label": _("Page type"),
        "last_reviewed": _("Last reviewed"),
        "review_by": _("Review by"),
        "status_label": _("Status"),
    }

    def get_rows(self):
        return review_dates.review_rows()
