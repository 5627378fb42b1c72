"""Translation status: which pages and snippets lack English, or have English older than Swedish.

Each save of a translated object records which languages' text changed
(TranslationTimestamps). For pages the row changes when a revision is published,
so "changed" means "published".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models.signals import post_save, pre_save
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modeltranslation.translator import translator
from wagtail import blocks
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page

from portal.core.i18n import is_empty, translated_fields
from portal.editorial.models import TranslationTimestamps

MAIN = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
OTHER = [code for code, _name in settings.LANGUAGES if code != MAIN]

STATUS_LABELS = {
    "missing": _("English missing"),
    "partial": _("English partly missing"),
    "outdated": _("English older than Swedish"),
}


def tracked_models() -> list[type]:
    """Project models with translated fields that editors edit on their own (not inlines)."""
    models = []
    for model in translator.get_registered_models(abstract=False):
        if model._meta.app_label not in settings.CONTENT_APPS or model._meta.proxy:
            continue
        if any(isinstance(f, ParentalKey) for f in model._meta.get_fields()):
            continue
        models.append(model)
    return models


_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]+>")
_TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock)


def _block_texts(block, value) -> list[str]:
    """The text a reader sees in a block's value: headings, paragraphs, rich text; not
    choices, URLs, numbers, images or chosen snippets and pages."""
    if value is None:
        return []
    if isinstance(block, blocks.RichTextBlock):
        return [_TAG.sub(" ", value.source)]
    if isinstance(block, _TEXT_BLOCKS):
        return [str(value)]
    if isinstance(block, blocks.StructBlock):
        return [
            t
            for name, child in block.child_blocks.items()
            for t in _block_texts(child, value.get(name))
        ]
    if isinstance(block, blocks.ListBlock):
        return [t for item in value for t in _block_texts(block.child_block, item)]
    if isinstance(block, blocks.StreamBlock):
        return [t for child in value for t in _block_texts(child.block, child.value)]
    return []


def _text(model, obj, name: str, language: str) -> tuple:
    """The field's translatable text as words, one sequence per block or paragraph, in
    sorted order: a change of markup, spacing, punctuation, a link's address, an image, a
    choice, a chosen page or snippet, or of the blocks' order, is no change of text."""
    value = getattr(obj, f"{name}_{language}", None) if obj is not None else None
    if value is None:
        return ()
    if hasattr(value, "stream_block"):  # StreamValue
        texts = [t for child in value for t in _block_texts(child.block, child.value)]
    else:
        texts = [_TAG.sub(" ", str(value))]
    return tuple(sorted(tuple(_WORD.findall(text)) for text in texts if _WORD.search(text)))


def _record_changes(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or sender not in _tracked():
        return
    names = translated_fields(sender)
    if update_fields is not None and not any(
        f"{n}_{code}" in update_fields for n in names for code, _l in settings.LANGUAGES
    ):
        return
    old = sender._base_manager.filter(pk=instance.pk).first() if instance.pk else None
    changed = set()
    for code, _name in settings.LANGUAGES:
        for name in names:
            new_value = _text(sender, instance, name, code)
            if old is None:
                if not is_empty(getattr(instance, f"{name}_{code}", None)):
                    changed.add(code)
            elif new_value != _text(sender, old, name, code):
                changed.add(code)
    instance._translation_changed = changed


def _store_changes(sender, instance, raw=False, **kwargs):
    changed = getattr(instance, "_translation_changed", None)
    if raw or not changed:
        return
    now = timezone.now()
    stamps, _created = TranslationTimestamps.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(sender), object_id=str(instance.pk)
    )
    for code in changed:
        setattr(stamps, f"{code}_changed_at", now)
    stamps.save()
    instance._translation_changed = set()


_TRACKED: set[type] = set()


def _tracked() -> set[type]:
    if not _TRACKED:
        _TRACKED.update(tracked_models())
    return _TRACKED


def connect() -> None:
    pre_save.connect(_record_changes, dispatch_uid="translation_status_pre_save")
    post_save.connect(_store_changes, dispatch_uid="translation_status_post_save")


def field_label(obj, name: str) -> str:
    """A field by the name editors see in the form ("lead paragraph", not "lead")."""
    try:
        return str(obj._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


@dataclass
class Row:
    obj: object
    kind: str
    kind_label: str
    section: str
    status: str
    missing_fields: list[str]

    @property
    def title(self) -> str:
        return str(getattr(self.obj, "title", None) or self.obj)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def missing_fields_text(self) -> str:
        """The fields by the names editors see in the form ("lead paragraph", not "lead")."""
        return ", ".join(self.field_label(name) for name in self.missing_fields)

    def field_label(self, name: str) -> str:
        return field_label(self.obj, name)

    @cached_property
    def edit_url(self) -> str:
        return AdminURLFinder().get_edit_url(self.obj) or ""


def status_of(obj, stamps: TranslationTimestamps | None, language: str = "en") -> tuple[str, list]:
    """("missing" | "partial" | "outdated" | "ok", fields without English)."""
    model = type(obj)
    names = [n for n in translated_fields(model) if not is_empty(getattr(obj, f"{n}_{MAIN}", None))]
    missing = [n for n in names if is_empty(getattr(obj, f"{n}_{language}", None))]
    if names and len(missing) == len(names):
        return "missing", missing
    if missing:
        return "partial", missing
    main_at = stamps and getattr(stamps, f"{MAIN}_changed_at")
    other_at = stamps and getattr(stamps, f"{language}_changed_at")
    if main_at and other_at and main_at > other_at:
        return "outdated", []
    return "ok", []


def _sections() -> dict[str, str]:
    """Path prefix of each top-level section (children of the site's start page) → title."""
    sections = {}
    for page in Page.objects.filter(depth=3):
        sections[page.path] = page.title
    return sections


def report_rows(kind: str = "", section: str = "", status: str = "") -> list[Row]:
    """Everything whose English side needs work, in a stable order."""
    stamps = {(s.content_type_id, s.object_id): s for s in TranslationTimestamps.objects.all()}
    sections = _sections()
    rows: list[Row] = []
    page_models = [m for m in _tracked() if issubclass(m, Page)]
    other_models = [m for m in _tracked() if not issubclass(m, Page)]
    if kind in ("", "page"):
        for page in Page.objects.filter(depth__gt=1).type(*page_models).specific().order_by("path"):
            section_title = next(
                (title for path, title in sections.items() if page.path.startswith(path)), ""
            )
            if section and section_title != section:
                continue
            ct = ContentType.objects.get_for_model(type(page))
            state, fields = status_of(page, stamps.get((ct.pk, str(page.pk))))
            if state != "ok":
                rows.append(Row(page, "page", _("Page"), section_title, state, fields))
    if not section:
        for model in sorted(other_models, key=lambda m: m._meta.verbose_name):
            model_kind = model._meta.model_name
            if kind not in ("", model_kind):
                continue
            ct = ContentType.objects.get_for_model(model)
            for obj in model._base_manager.all().order_by("pk"):
                state, fields = status_of(obj, stamps.get((ct.pk, str(obj.pk))))
                if state != "ok":
                    label = model._meta.verbose_name.capitalize()
                    rows.append(Row(obj, model_kind, label, "", state, fields))
    if status:
        rows = [row for row in rows if row.status == status]
    return rows


def kind_choices() -> list[tuple[str, str]]:
    choices = [("page", _("Page"))]
    for model in sorted(_tracked(), key=lambda m: m._meta.verbose_name):
        if not issubclass(model, Page):
            choices.append((model._meta.model_name, model._meta.verbose_name.capitalize()))
    return choices


def section_choices() -> list[str]:
    return sorted(set(_sections().values()))
