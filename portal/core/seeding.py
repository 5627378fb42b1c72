"""The seed command's loader: content from each app's data files, created once, never overwritten.

An app's seed content lives in JSON files in its `seed/` folder (`read(app, name)`). Python
keeps only the loading: a `Loader` ensures what a file lists.

- Objects (`ensure_objects`): groups of `{"model": "app.Model", "key": [...], "objects": [...]}`.
  An object whose key fields match a row in the database is left as it is; otherwise it is
  created (and published, for models with drafts).
- Pages (`ensure_pages`): a tree of `{"model": ..., "slug_sv": ..., <fields>, "children": [...],
  "then": {...}}`. A page is looked up by its Swedish slug under its parent; a missing one is
  created and published. `then` holds ordered inline rows made after the page and its
  children (a theme's resource list, a support service's partner agencies): only for a page
  created in this run, which is then published once more.
- Links and settings (`fill_empty`, `link`): fields set only where they are still empty.

Field values are given as the model stores them, with a few forms for what cannot be:
- a relation (foreign key, many-to-many, a block choosing a snippet) names its target by a
  lookup, `{"slug": "barn"}`; a page by its path of Swedish slugs, `{"$page": "vald/teman"}`;
- a stand-in image by `{"$image": {"title": ..., "subtitle": ..., "file": ...}}`;
- a stream field is its list of blocks; a rich-text field may be a list of plain paragraphs;
- inline rows (a page's form fields, a publication's authors) are lists of their fields.

What exists is never changed: an editor's edits stay whatever the files say. What is not
found by its key (never seeded, or deleted or re-keyed since) is created.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.core.management.base import CommandError
from django.db import models
from django.utils import translation
from django.utils.html import escape, format_html
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, Page

from portal.core.seed_images import placeholder_image


def paragraph(raw: str | dict) -> str:
    """A paragraph of rich text from the data files: its text, escaped, and where the text
    leads to something (`{"text": …, "link": url, "link_text": …}`), the link after it."""
    if isinstance(raw, str):
        return escape(raw)
    link = format_html('<a href="{}">{}</a>', raw["link"], raw["link_text"])
    return format_html("{} {}", raw["text"], link) if raw.get("text") else link


def read(app_label: str, name: str):
    """The data file `<app>/seed/<name>.json`."""
    path = Path(apps.get_app_config(app_label).path) / "seed" / f"{name}.json"
    with path.open(encoding="utf-8") as file:
        return json.load(file)


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
        page.save_revision().publish()
    if log:
        log(f"  created {model.__name__} /{slug_sv}/")
    return page, True


def publish(obj) -> None:
    """A new live revision of a page or of a snippet with drafts, logged as any publish is
    (by no user: the history says "system")."""
    if isinstance(obj, Page | DraftStateMixin):
        obj.save_revision().publish()


def complete(obj) -> None:
    """Save what the seed added to an object it created and published in this run (inline
    rows, links; `obj` as read after that publish) into the object and its live revision: the seed's content is one
    revision, published once, so that the history and its comparisons show only what
    editors change afterwards."""
    obj.save()
    revision = getattr(obj, "live_revision", None)
    if revision is not None and revision.pk == getattr(obj, "latest_revision_id", None):
        revision.content = obj.serializable_data()
        revision.save(update_fields=["content"])


class Loader:
    """Ensures the objects and pages of data files; `root` is where page paths start."""

    def __init__(self, root: Page | None = None, log=None):
        self.root = root
        self.log = log or (lambda message: None)
        self.pages: dict[str, Page] = {}  # by path, as ensured in this run

    # Objects

    def ensure_objects(self, groups: list[dict]) -> None:
        for group in groups:
            model = apps.get_model(group["model"])
            for data in group["objects"]:
                self.ensure_object(model, [data[name] for name in group["key"]], group, data)

    def ensure_object(self, model, key_values: list, group: dict, data: dict):
        key = dict(zip(group["key"], key_values, strict=True))
        existing = model.objects.filter(**key).first()
        if existing is not None:
            return existing
        scalars, relations = self.values(model, {**group.get("defaults", {}), **data})
        obj = model(**scalars)
        for name, value in relations.items():
            setattr(obj, name, value)
        obj.save()
        publish(obj)
        self.log(f"  created {model.__name__} {' '.join(str(v) for v in key_values)}")
        return obj

    # Pages

    def ensure_pages(self, parent: Page, entries: list[dict], path: str = "") -> None:
        for entry in entries:
            self.ensure_page_entry(parent, entry, path)

    def ensure_page_entry(self, parent: Page, entry: dict, path: str = "") -> Page:
        model = apps.get_model(entry["model"])
        slug_sv = entry["slug_sv"]
        own_path = f"{path}/{slug_sv}".lstrip("/")
        existing = find_child(parent, slug_sv)
        if existing is not None:
            page, created = existing.specific, False
        else:
            fields = {
                name: value
                for name, value in entry.items()
                if name not in {"model", "slug_sv", "children", "then"}
            }
            scalars, relations = self.values(model, fields)
            page, created = ensure_page(
                parent, model, slug_sv=slug_sv, log=self.log, **scalars, **relations
            )
        self.pages[own_path] = page
        self.ensure_pages(page, entry.get("children", []), own_path)
        if created and entry.get("then"):
            for name, rows in entry["then"].items():
                self.create_rows(page, name, rows)
            page = type(page).objects.get(pk=page.pk)  # as published, with its rows
            self.pages[own_path] = page
            complete(page)
        return page

    def create_rows(self, parent, relation: str, rows: list[dict]) -> None:
        """Inline rows of `parent` saved one by one, in the order given."""
        related = parent._meta.get_field(relation)
        model, parent_field = related.related_model, related.field.name
        for order, data in enumerate(rows):
            scalars, _ = self.values(model, data)
            model.objects.create(**{parent_field: parent}, sort_order=order, **scalars)

    def page(self, path: str) -> Page | None:
        """The page at `path` (Swedish slugs below the root): as ensured, else as it is now."""
        if path in self.pages:
            return self.pages[path]
        page = self.root
        for slug in filter(None, path.split("/")):
            page = find_child(page, slug) if page is not None else None
        return page.specific if page is not None else None

    # Links and settings

    def fill_empty(self, obj, fields: dict) -> bool:
        """Set the fields of `obj` that are still empty; True if any was."""
        changed = False
        for name, raw in fields.items():
            field = obj._meta.get_field(name)
            if getattr(obj, field.attname) not in (None, ""):
                continue
            value = self.value(field, raw, required=False)
            if value is not None:
                setattr(obj, name, value)
                changed = True
        return changed

    def link(self, entries: list[dict]) -> None:
        """Relations between apps' content, once both ends exist: filled only where empty."""
        for entry in entries:
            model = apps.get_model(entry["model"])
            obj = model.objects.filter(**entry["key"]).first()
            if obj is not None and self.fill_empty(obj, entry["fields"]):
                complete(obj)
                self.log(f"  linked {model.__name__} {' '.join(entry['key'].values())}")

    # Values

    def values(self, model, data: dict) -> tuple[dict, dict]:
        """Field values for a new `model`: plain ones, and relations set after construction."""
        scalars, relations = {}, {}
        for name, raw in data.items():
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist as error:
                raise CommandError(f"{model.__name__} has no field {name!r}") from error
            value = self.value(field, raw)
            if field.many_to_many or field.one_to_many:
                relations[name] = value
            else:
                scalars[name] = value
        return scalars, relations

    def value(self, field, raw, *, required: bool = True):
        if field.one_to_many:  # inline rows
            model = field.related_model
            return [model(**self.values(model, row)[0]) for row in raw]
        if field.many_to_many:
            return [self.target(field.related_model, lookup, required) for lookup in raw]
        if field.many_to_one or field.one_to_one:
            return self.target(field.related_model, raw, required)
        if isinstance(field, StreamField):
            return json.dumps([self.block(field, block) for block in raw])
        if isinstance(field, RichTextField) and isinstance(raw, list):
            return "".join(f"<p>{paragraph(text)}</p>" for text in raw)
        if isinstance(field, models.DateField):
            return field.to_python(raw)
        return raw

    def block(self, field: StreamField, block: dict) -> dict:
        chosen = getattr(field.stream_block.child_blocks[block["type"]], "model_class", None)
        value = block["value"]
        if chosen is not None and isinstance(value, dict):
            value = self.target(chosen, value, required=True).pk
        return {"type": block["type"], "value": value}

    def target(self, model, lookup, required: bool):
        if lookup is None:
            return None
        if "$page" in lookup:
            found = self.page(lookup["$page"])
        elif "$image" in lookup:
            found = placeholder_image(**lookup["$image"])
        else:
            found = model.objects.filter(**lookup).first()
        if found is None and required:
            raise CommandError(f"No {model.__name__} matches {lookup}")
        return found
