"""Shared helpers for the seed command: create content once, never overwrite an editor's."""

from __future__ import annotations

from django.utils import translation
from wagtail.models import Page


def find_child(parent: Page, slug_sv: str) -> Page | None:
    return parent.get_children().filter(slug_sv=slug_sv).first()


def ensure_page(parent: Page, model, *, slug_sv: str, log=None, **fields) -> tuple[Page, bool]:
    """The child of `parent` whose Swedish slug is `slug_sv`, created and published if missing.

    An existing page is returned as it is: what editors have changed stays.
    Fields are given per language (title_sv, title_en, intro_sv, ...).
    """
    existing = find_child(parent, slug_sv)
    if existing is not None:
        return existing.specific, False
    with translation.override("sv"):
        page = model(slug_sv=slug_sv, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish(log_action=False)
    if log:
        log(f"  created {model.__name__} /{slug_sv}/")
    return page, True
