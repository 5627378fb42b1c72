"""The editors' report of publications with nothing to read (on Wagtail's report view).

A publication is readable when some available language version has a document anyone may
read or the publisher's page for it, or when the publication has its own "read online"
address. The rest are listed here, drafts too, so that none is published unreadable.
"""

from __future__ import annotations

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from portal.caching.restrictions import restricted_collection_ids
from publications.models import LanguageStatus, Publication, PublicationLanguage, PublicationType


def nothing_to_read():
    """Publications with no way to read them, in one query."""
    readable = PublicationLanguage.objects.filter(
        publication=OuterRef("pk"), status=LanguageStatus.AVAILABLE
    ).filter(
        ~Q(link="")
        | (Q(document__isnull=False) & ~Q(document__collection_id__in=restricted_collection_ids()))
    )
    return Publication.objects.filter(external_url="").exclude(Exists(readable))


class NothingToReadFilterSet(WagtailFilterSet):
    live = django_filters.BooleanFilter(label=_("Published"))
    publication_type = django_filters.ModelChoiceFilter(
        label=_("Type"), queryset=PublicationType.objects.all()
    )

    class Meta:
        model = Publication
        fields = ["live", "publication_type"]


class NothingToReadReportView(ReportView):
    page_title = _("Publications with nothing to read")
    header_icon = "doc-full"
    index_url_name = "publications_nothing_to_read"
    index_results_url_name = "publications_nothing_to_read_results"
    filterset_class = NothingToReadFilterSet
    permission_policy = ModelPermissionPolicy(Publication)
    any_permission_required = ["add", "change", "publish"]
    columns = [
        TitleColumn(
            "title",
            label=_("Title"),
            get_url=lambda publication: AdminURLFinder().get_edit_url(publication),
        ),
        Column("year", label=_("Year")),
        Column("publication_type", label=_("Type")),
        LiveStatusTagColumn(),
    ]
    list_export = ["title", "year", "publication_type", "status_string"]
    export_headings = {
        "title": _("Title"),
        "year": _("Year"),
        "publication_type": _("Type"),
        "status_string": _("Status"),
    }

    def get_queryset(self):
        return nothing_to_read().select_related("publication_type").order_by("sort_key_sv")

    def get_filename(self):
        return f"publications-nothing-to-read-{timezone.localdate().isoformat()}"
