"""Editorial reports in the Wagtail admin: translation status."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from portal.editorial import translation_status


def translation_status_report(request):
    kinds = translation_status.kind_choices()
    sections = translation_status.section_choices()
    kind = request.GET.get("kind", "")
    section = request.GET.get("section", "")
    status = request.GET.get("status", "")
    # Unknown filter values are ignored, not errors.
    kind = kind if kind in {k for k, _label in kinds} else ""
    section = section if section in sections else ""
    status = status if status in translation_status.STATUS_LABELS else ""
    rows = translation_status.report_rows(kind=kind, section=section, status=status)
    page_obj = Paginator(rows, 50).get_page(request.GET.get("p"))
    return render(
        request,
        "editorial/admin/translation_status.html",
        {
            "page_title": _("Translation status"),
            "page_obj": page_obj,
            "count": len(rows),
            "kinds": kinds,
            "sections": sections,
            "statuses": list(translation_status.STATUS_LABELS.items()),
            "kind": kind,
            "section": section,
            "status": status,
        },
    )
