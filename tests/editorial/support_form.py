"""The edit form's data for a support service page, as the admin's browser posts it."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text


def support_form_data(page, **changes):
    """The page's fields as they are (empty ones as the browser sends them), with `changes`;
    the English website left empty."""
    fields = {
        "title_sv": page.title_sv,
        "title_en": page.title_en,
        "slug_sv": page.slug_sv,
        "slug_en": page.slug_en,
        "abbreviation": page.abbreviation or "",
        "summary_sv": page.summary_sv or "",
        "summary_en": page.summary_en or "",
        "lead_agency_sv": page.lead_agency_sv or "",
        "lead_agency_en": page.lead_agency_en or "",
        "hotline": page.hotline_id or "",
        "hotline_prompt_sv": page.hotline_prompt_sv or "",
        "hotline_prompt_en": page.hotline_prompt_en or "",
        "website_sv": page.website_sv or "",
        "website_en": "",
        "website_label_sv": page.website_label_sv or "",
        "website_label_en": page.website_label_en or "",
        "audience_sv": page.audience_sv or "",
        "audience_en": page.audience_en or "",
        "offers_sv": rich_text(page.offers_sv),
        "offers_en": rich_text(page.offers_en),
        "partner_agencies": inline_formset(
            [
                {"id": a.pk, "name_sv": a.name_sv, "name_en": a.name_en}
                for a in page.partner_agencies.all()
            ]
        ),
        "quick_exit": "inherit",
        "last_reviewed": page.last_reviewed.isoformat(),
        "review_by": page.review_by.isoformat() if page.review_by else "",
    }
    fields.update(changes)
    return nested_form_data(fields)
