"""Index on publish, unpublish, move and delete, for pages and snippets alike; and on a
view restriction added or removed, for the page and everything below it."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from portal.search import index


def _later(obj) -> None:
    """Index the object as its row now stands, in the editor's own transaction.

    Reading the row again means a draft held in memory is never indexed, and an object
    deleted in the same transaction (Wagtail unpublishes a page it deletes) is removed.
    The index commits or rolls back together with the change.
    """
    current = type(obj)._base_manager.filter(pk=obj.pk).first()
    if current is None:
        index.remove_object(obj)
    else:
        index.update_object(current)


def _on_page_change(sender, instance, **kwargs):
    _later(instance.specific)


def _on_page_move(sender, instance, **kwargs):
    # Addresses below a moved page change too.
    for page in Page.objects.descendant_of(instance, inclusive=True).specific():
        _later(page)


def _on_restriction_change(sender, instance, raw=False, **kwargs):
    """A restriction saved or deleted: the page and its descendants leave or rejoin the
    index in both languages, in the editor's own transaction."""
    restricted = Page.objects.filter(pk=instance.page_id).first()
    if raw or restricted is None:
        return
    for page in Page.objects.descendant_of(restricted, inclusive=True).specific():
        # Ask the database: the kept answer to "is any page restricted?" may predate
        # this very change.
        page.known_view_restrictions = True
        index.update_object(page)
        # Objects whose addresses hang from the page (a catalogue's publications).
        for queryset in getattr(page, "search_dependents", list)():
            index.index_queryset(queryset)


def _on_snippet_change(sender, instance, **kwargs):
    if hasattr(instance, "search_document"):
        _later(instance)


def _on_save(sender, instance, raw=False, update_fields=None, **kwargs):
    """A full save writes what the row shows; drafts only touch bookkeeping fields.

    (A draft of a live page or publication is stored in a revision, and the row is
    saved with update_fields; publishing saves it whole.)
    """
    if raw or update_fields is not None or not hasattr(instance, "search_document"):
        return
    if isinstance(instance, Page) and type(instance) is Page:
        return  # the specific page's own save follows
    _later(instance)


def _on_delete(sender, instance, **kwargs):
    if hasattr(instance, "search_document"):
        index.remove_object(instance)


def connect() -> None:
    page_published.connect(_on_page_change, dispatch_uid="search_page_published")
    page_unpublished.connect(_on_page_change, dispatch_uid="search_page_unpublished")
    post_page_move.connect(_on_page_move, dispatch_uid="search_page_moved")
    published.connect(_on_snippet_change, dispatch_uid="search_published")
    unpublished.connect(_on_snippet_change, dispatch_uid="search_unpublished")
    post_save.connect(_on_save, dispatch_uid="search_post_save")
    post_delete.connect(_on_delete, dispatch_uid="search_post_delete")
    for signal in (post_save, post_delete):
        signal.connect(
            _on_restriction_change,
            sender=PageViewRestriction,
            dispatch_uid=f"search_restriction_{signal is post_save}",
        )
