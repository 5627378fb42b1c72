"""Every old address keeps working: a page renamed or moved is reached from all its former
addresses, in every language, descendants included (301, Wagtail's redirects).

Wagtail's own automatic redirects see one language (the editor's), so they are off
(WAGTAILREDIRECTS_AUTO_CREATE) and this module does it for all: before a live page is
saved with a new slug in any language, or moved, the addresses of it and its descendants
are read in each language; after the publish or the move, each address that changed
becomes a permanent redirect to the page (a redirect to a page follows it wherever it
goes next, so there are no chains). An address that is a live page's own again (a page
moved back) loses its redirect, so there are no loops. The addresses that changed are
purged from a shared cache in front (portal.caching.edge), so it answers the redirect.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models.signals import pre_save
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page
from wagtail.signals import page_published, post_page_move, pre_page_move

from portal.caching import edge

LANGUAGES = [code for code, _name in settings.LANGUAGES]
SLUG_FIELDS = [f"slug_{code}" for code in LANGUAGES]
_before: dict[int, dict[int, dict[str, str]]] = {}


def addresses(page) -> dict[int, dict[str, str]]:
    """{page id: {language: path}} of the live page and its live descendants, as stored."""
    found: dict[int, dict[str, str]] = {}
    for each in Page.objects.descendant_of(page, inclusive=True).live():
        for language in LANGUAGES:
            with translation.override(language):
                url = each.get_url()
            if url:
                found.setdefault(each.pk, {})[language] = url
    return found


def _record(before: dict[int, dict[str, str]], page) -> None:
    after = addresses(page)
    changed = []
    for page_id, paths in before.items():
        for language, old in paths.items():
            if after.get(page_id, {}).get(language) not in (None, old):
                changed.append(old)
                Redirect.objects.update_or_create(
                    old_path=Redirect.normalise_path(old),
                    site=None,
                    defaults={
                        "redirect_page_id": page_id,
                        "redirect_link": "",
                        "is_permanent": True,
                    },
                )
    own = {Redirect.normalise_path(path) for paths in after.values() for path in paths.values()}
    Redirect.objects.filter(old_path__in=own).delete()
    if changed and edge.purging():
        root = page.get_site().root_url
        edge.purge(old if "://" in old else root + old for old in changed)


def _before_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not isinstance(instance, Page) or instance.pk is None:
        return
    if update_fields is not None and not {"slug", *SLUG_FIELDS} & set(update_fields):
        return  # a draft, a lock, a revision's bookkeeping: the address stays
    stored = Page.objects.filter(pk=instance.pk, live=True).values(*SLUG_FIELDS).first()
    if stored and any(stored[f] != getattr(instance, f, stored[f]) for f in SLUG_FIELDS):
        _before[instance.pk] = addresses(Page.objects.get(pk=instance.pk))


def _after_publish(sender, instance, **kwargs):
    before = _before.pop(instance.pk, None)
    if before:
        _record(before, instance)


def _before_move(sender, instance, **kwargs):
    if instance.live:
        _before[instance.pk] = addresses(Page.objects.get(pk=instance.pk))


def _after_move(sender, instance, **kwargs):
    before = _before.pop(instance.pk, None)
    if before:
        _record(before, instance)


def connect() -> None:
    pre_save.connect(_before_save, dispatch_uid="old_addresses_pre_save")
    page_published.connect(_after_publish, dispatch_uid="old_addresses_published")
    pre_page_move.connect(_before_move, dispatch_uid="old_addresses_pre_move")
    post_page_move.connect(_after_move, dispatch_uid="old_addresses_post_move")
