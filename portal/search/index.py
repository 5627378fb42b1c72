"""Keep the search index current: one SearchEntry per object and language.

Models opt in with `search_document()`, returning a dict with kind, kind_label,
title, body and url in the active language, or None when the object is not to be
found (a draft, a private page).

One result per document: a document may also name, under "stands_for", another indexed
object it stands for in site search (a resource page for the catalogue entry it describes,
whose facts its body then carries). Site search leaves out the entries of objects that
another entry in the same language stands for (portal.search.query); the object keeps its
entry for the searches of its own model (the catalogue's free text). An object's change
re-indexes the entries standing for it, so that the facts they carry stay its own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import translation

from portal.search.analysis import plain_text, terms
from portal.search.models import SearchEntry, SearchPosting, SearchWord

logger = logging.getLogger(__name__)
LANGUAGES = [code for code, _name in settings.LANGUAGES]
REBUILD_BATCH = 500

# Lookups shared by every object of a rebuild (the catalogue page a publication's URL
# hangs from, say), made once per rebuild instead of once per object and language.
_memo: ContextVar[dict | None] = ContextVar("search_index_memo", default=None)


def memo(key: str, factory: Callable):
    """`factory()`, computed once per rebuild; during ordinary saves, every time."""
    cache = _memo.get()
    if cache is None:
        return factory()
    if key not in cache:
        cache[key] = factory()
    return cache[key]


def _key(obj) -> dict:
    return {
        "content_type": ContentType.objects.get_for_model(type(obj), for_concrete_model=True),
        "object_id": str(obj.pk),
    }


def _key_text(content_type_id: int, object_id: str) -> str:
    return f"{content_type_id}:{object_id}"


def _load(content_type_id: int, object_id: str):
    """An indexed object as its row now stands; None when it is gone."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    return model._base_manager.filter(pk=object_id).first()


def _entries(obj, key: dict) -> list[SearchEntry]:
    """The object's entries (unsaved, with their terms), one per language it is found in."""
    entries = []
    for language in LANGUAGES:
        with translation.override(language):
            document = obj.search_document()
            if document:
                document["kind_label"] = str(document["kind_label"])
        if not document:
            continue
        title = plain_text(document["title"])
        body = plain_text(document.get("body", ""))
        entry = SearchEntry(
            language=language,
            **key,
            kind=document["kind"],
            kind_label=document["kind_label"],
            title=title,
            body=body,
            url=document["url"],
        )
        stood_for = document.get("stands_for")
        if stood_for is not None:
            stood_key = _key(stood_for)
            entry.stands_for = _key_text(stood_key["content_type"].pk, stood_key["object_id"])
        entry.title_terms = terms(title, language)
        entry.body_terms = terms(body, language)
        entries.append(entry)
    return entries


def _word_ids(entries: list[SearchEntry], known: dict[tuple[str, str], int]) -> None:
    """Add the ids of the entries' words to `known`, creating the words that are new."""
    wanted = {
        (entry.language, word) for entry in entries for word in entry.title_terms + entry.body_terms
    }
    missing = wanted - known.keys()
    if not missing:
        return
    SearchWord.objects.bulk_create(
        [SearchWord(language=language, word=word) for language, word in missing],
        ignore_conflicts=True,
        batch_size=1000,
    )
    by_language: dict[str, list[str]] = {}
    for language, word in missing:
        by_language.setdefault(language, []).append(word)
    for language, words in by_language.items():
        for start in range(0, len(words), 500):
            rows = SearchWord.objects.filter(
                language=language, word__in=words[start : start + 500]
            ).values_list("word", "pk")
            known.update(((language, word), pk) for word, pk in rows)


def _write(entries: list[SearchEntry], known: dict[tuple[str, str], int]) -> None:
    """Insert the entries and their postings."""
    if not entries:
        return
    SearchEntry.objects.bulk_create(entries, batch_size=REBUILD_BATCH)
    _word_ids(entries, known)
    postings = []
    for entry in entries:
        for in_title, words in ((True, entry.title_terms), (False, entry.body_terms)):
            postings += [
                SearchPosting(
                    entry_id=entry.pk,
                    word_id=known[(entry.language, word)],
                    in_title=in_title,
                    title_length=len(entry.title),
                )
                for word in words
            ]
    SearchPosting.objects.bulk_create(postings, batch_size=5000)


def update_object(obj) -> None:
    """Write (or remove) the object's entries in every language."""
    if obj is None or not hasattr(obj, "search_document"):
        return
    key = _key(obj)
    with transaction.atomic():
        _rewrite(obj, key)
        _index_standing_for(key)


def _rewrite(obj, key: dict) -> None:
    entries = _entries(obj, key)
    SearchEntry.objects.filter(**key).delete()
    _write(entries, {})


def remove_object(obj) -> None:
    key = _key(obj)
    with transaction.atomic():
        SearchEntry.objects.filter(**key).delete()
        _index_standing_for(key)


def _index_standing_for(key: dict) -> None:
    """Index again the objects whose entries stand for this one: the facts they carry
    are this object's (or, when it is gone or unpublished, no longer there)."""
    own = _key_text(key["content_type"].pk, key["object_id"])
    standing = (
        SearchEntry.objects.filter(stands_for=own)
        .values_list("content_type_id", "object_id")
        .distinct()
    )
    for content_type_id, object_id in list(standing):
        obj = _load(content_type_id, object_id)
        if obj is not None:
            _rewrite(obj, _key(obj))


def indexed_models() -> list[type]:
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if hasattr(model, "search_document") and not model._meta.abstract
    ]


def _default_queryset(model):
    from wagtail.models import Page

    if hasattr(model, "search_queryset"):
        return model.search_queryset()
    if issubclass(model, Page):
        return model.objects.live()
    return model.objects.all()


def index_queryset(queryset, known: dict[tuple[str, str], int] | None = None) -> int:
    """(Re)write the entries of every object of `queryset` in batches; returns the count.

    For many objects at once (a rebuild, an import): a few queries per batch instead of
    several per object.
    """
    known = {} if known is None else known
    content_type = ContentType.objects.get_for_model(queryset.model, for_concrete_model=True)
    count = 0
    token = _memo.set({})
    try:
        with transaction.atomic():
            batch: list[SearchEntry] = []
            keys: list[str] = []
            for obj in queryset.iterator(chunk_size=REBUILD_BATCH):
                key = {"content_type": content_type, "object_id": str(obj.pk)}
                batch += _entries(obj, key)
                keys.append(key["object_id"])
                count += 1
                if len(keys) >= REBUILD_BATCH:
                    _replace(content_type, keys, batch, known)
                    batch, keys = [], []
            _replace(content_type, keys, batch, known)
    finally:
        _memo.reset(token)
    return count


def _replace(content_type, keys: list[str], entries: list[SearchEntry], known: dict) -> None:
    if keys:
        SearchEntry.objects.filter(content_type=content_type, object_id__in=keys).delete()
    _write(entries, known)


def rebuild(stdout=None) -> int:
    """Index everything from scratch; returns the number of objects indexed.

    Models may offer `search_queryset()` (what to index, with its related rows
    prefetched); pages default to the live ones.
    """
    count = 0
    known: dict[tuple[str, str], int] = {}  # (language, word) → SearchWord id
    with transaction.atomic():
        SearchPosting.objects.all().delete()
        SearchEntry.objects.all().delete()
        SearchWord.objects.all().delete()
        for model in indexed_models():
            count += index_queryset(_default_queryset(model), known)
    if stdout is not None:
        stdout.write(f"Indexed {count} objects.")
    return count
