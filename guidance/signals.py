"""What a snippet change re-indexes in site search: a hotline's pages carry its name,
number and hours in their search text (SupportServicePage.search_body), so saving the
hotline re-indexes them, in the same transaction."""

from __future__ import annotations

from django.db.models.signals import post_save

from guidance.models import Hotline, SupportServicePage
from portal.search import index


def _on_hotline_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    for page in SupportServicePage.objects.live().filter(hotline=instance):
        index.update_object(page)


def connect() -> None:
    post_save.connect(_on_hotline_saved, sender=Hotline, dispatch_uid="guidance_hotline_search")
