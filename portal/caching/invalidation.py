"""What starts a new page-cache generation: every change editors make that visitors see.

Publishing, unpublishing, moving or deleting a page; saving or deleting a live snippet,
publication, setting, image or document of an app whose content shows on pages
(settings.CONTENT_APPS, with the core's site settings and Wagtail's own). Drafts, locks,
revisions and other bookkeeping keep the generation.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from portal.caching.generation import invalidate, renew

# Besides the content apps: the core's site settings (label "portal"), the page tree and
# sites, images and documents.
SITE_APPS = {"portal", "wagtailcore", "wagtailimages", "wagtaildocs"}
# Bookkeeping of Wagtail's that changes nothing a visitor sees.
IGNORED_MODELS = {
    "revision",
    "modellogentry",
    "pagelogentry",
    "workflowstate",
    "taskstate",
    "pagesubscription",
    "comment",
    "pagelock",
    "referenceindex",
    "uploadedfile",
    "rendition",
}
# Fields that record an editor's draft, comments or lock, or a file's measurements, not
# what visitors see: saving only these (Wagtail's save_revision, locking, a document's size
# read on first view) keeps the generation.
BOOKKEEPING_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "wagtail_admin_comments",
        "locked",
        "locked_by",
        "locked_at",
        # A document's or image's size and hash, filled in on first read when missing
        # (Document.get_file_size): the file is the same.
        "file_size",
        "file_hash",
    }
)


def watched_apps() -> set[str]:
    return SITE_APPS | set(settings.CONTENT_APPS)


def _on_model_change(sender, instance=None, raw=False, **kwargs):
    meta = sender._meta
    if raw or meta.app_label not in watched_apps() or meta.model_name in IGNORED_MODELS:
        return
    if sender.__module__ == "__fake__":
        return  # a data migration's historical model: `migrate` starts a new generation
    if meta.app_label == "wagtailcore" and meta.model_name == "page":
        return  # pages change what visitors see on publish, unpublish, move, delete
    if getattr(instance, "live", True) is False and kwargs.get("signal") != post_delete:
        return  # a draft of a page or a publication
    update_fields = kwargs.get("update_fields")
    if update_fields and set(update_fields) <= BOOKKEEPING_FIELDS:
        return  # a draft saved of a live page or publication, a lock
    invalidate()


def connect() -> None:
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(invalidate, dispatch_uid=f"page_cache_{signal!r}")
    post_save.connect(_on_model_change, dispatch_uid="page_cache_post_save")
    post_delete.connect(_on_model_change, dispatch_uid="page_cache_post_delete")


def after_migrate(using="default", **kwargs) -> None:
    """A new generation after `migrate` (once per run: sent for this app only)."""
    renew(using)
