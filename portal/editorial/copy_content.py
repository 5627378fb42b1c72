"""wagtail-modeltranslation's "copy content" endpoint, answering 4xx to malformed requests.

The editor's buttons that copy a StreamField from one language to the other post to
`admin/pages/<id>/edit/copy_translation_content/` (wagtail_modeltranslation's
`return_translation_target_field_rendered_html`). Upstream, a GET, a missing parameter,
a field that is not a StreamField or an unknown page answers 500. This view checks the
request and hands only a well-formed one to the upstream view; portal/urls.py puts it at
the same address, before the admin's own URLs.
"""

from __future__ import annotations

import json

from django.http import (
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseNotAllowed,
)
from django.utils.translation import gettext as _
from wagtail.admin.auth import require_admin_access
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_modeltranslation.wagtail_hooks import return_translation_target_field_rendered_html


def _serialized_items(raw: str | None) -> list | None:
    try:
        items = json.loads(raw or "")
    except ValueError:
        return None
    if not isinstance(items, list) or not all(
        isinstance(item, dict) and isinstance(item.get("name"), str) for item in items
    ):
        return None
    return items


@require_admin_access
def copy_translation_content(request, page_id: int):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    page = Page.objects.filter(pk=page_id).specific().first()
    if page is None:
        # Not a 404: the locale middleware would send a 404 on to /sv/admin/….
        return HttpResponseBadRequest(_("No such page."))
    if not page.permissions_for_user(request.user).can_edit():
        return HttpResponseForbidden(_("You may not edit this page."))
    if request.headers.get("X-Requested-With") != "XMLHttpRequest":
        return HttpResponseBadRequest(_("This address is for the editor's copy buttons."))
    origin = request.POST.get("origin_field_name", "")
    target = request.POST.get("target_field_name", "")
    fields = {field.name: field for field in page._meta.get_fields()}
    if not all(isinstance(fields.get(name), StreamField) for name in (origin, target)):
        return HttpResponseBadRequest(_("Unknown field to copy."))
    if _serialized_items(request.POST.get("serializedOriginField")) is None:
        return HttpResponseBadRequest(_("The content to copy could not be read."))
    try:
        return return_translation_target_field_rendered_html(request, page_id)
    except (ValueError, KeyError, TypeError, AttributeError):
        return HttpResponseBadRequest(_("The content to copy could not be read."))
