"""Keep the search index current: one SearchEntry per object and language.

Models opt in with `search_document()`, returning a dict with kind, kind_label,
title, body and url in the active language, or None when the object is not to be
found (a draft, a private page).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import translation

from portal.models import SearchEntry, SearchWord
from portal.search.analysis import plain_text, terms

logger = logging.getLogger(__name__)
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _key(obj) -> dict:
    return {
        "content_type": ContentType.objects.get_for_model(type(obj), for_concrete_model=True),
        "object_id": str(obj.pk),
    }


def update_object(obj) -> None:
    """Write (or remove) the object's entries in every language."""
    if obj is None or not hasattr(obj, "search_document"):
        return
    key = _key(obj)
    vocabulary: set[tuple[str, str]] = set()
    with transaction.atomic():
        for language in LANGUAGES:
            with translation.override(language):
                document = obj.search_document()
                if document:
                    document["kind_label"] = str(document["kind_label"])
            if not document:
                SearchEntry.objects.filter(language=language, **key).delete()
                continue
            title = plain_text(document["title"])
            body = plain_text(document.get("body", ""))
            title_terms = terms(title, language)
            body_terms = terms(body, language)
            SearchEntry.objects.update_or_create(
                language=language,
                **key,
                defaults={
                    "kind": document["kind"],
                    "kind_label": str(document["kind_label"]),
                    "title": title,
                    "body": body,
                    "url": document["url"],
                    "title_terms": title_terms,
                    "body_terms": body_terms,
                },
            )
            vocabulary.update((language, w) for w in (title_terms + body_terms).split())
        SearchWord.objects.bulk_create(
            [SearchWord(language=lang, word=word) for lang, word in vocabulary],
            ignore_conflicts=True,
            batch_size=1000,
        )


def remove_object(obj) -> None:
    SearchEntry.objects.filter(**_key(obj)).delete()


def indexed_models() -> list[type]:
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if hasattr(model, "search_document") and not model._meta.abstract
    ]


def rebuild(stdout=None) -> int:
    """Index everything from scratch; returns the number of objects indexed."""
    from wagtail.models import Page

    SearchEntry.objects.all().delete()
    SearchWord.objects.all().delete()
    count = 0
    for model in indexed_models():
        queryset = model.objects.all()
        if issubclass(model, Page):
            queryset = queryset.live()
        for obj in queryset.iterator(chunk_size=500):
            update_object(obj)
            count += 1
    if stdout is not None:
        stdout.write(f"Indexed {count} objects.")
    return count
