"""Helpers for the column-per-language translation of pages and snippets."""

from __future__ import annotations

from django.conf import settings
from django.db.models import URLField
from django.utils import translation
from django.utils.translation import gettext
from modeltranslation.translator import NotRegistered, translator

# Page fields that are addresses or metadata, not text a reader sees.
NOT_CONTENT = {"slug", "url_path", "seo_title", "search_description"}


def translated_fields(model) -> list[str]:
    """Translated fields that hold text a reader sees.

    Addresses (slugs, URL fields) are left out: a link may rightly lead to the
    same place in both languages.
    """
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return []
    return [
        name
        for name in options.all_fields
        if name not in NOT_CONTENT and not isinstance(model._meta.get_field(name), URLField)
    ]


def is_empty(value) -> bool:
    if value is None:
        return True
    if hasattr(value, "raw_data"):  # StreamValue
        return len(value) == 0
    return str(value).strip() == ""


def untranslated_fields(obj, language: str | None = None) -> list[str]:
    """Fields whose text exists in the main language but not in `language`.

    Those fields are shown in the main language (modeltranslation's fallback) and
    need lang="sv" and a notice on the page.
    """
    language = language or translation.get_language()
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if language == default:
        return []
    missing = []
    for name in translated_fields(type(obj)):
        if is_empty(getattr(obj, f"{name}_{language}", None)) and not is_empty(
            getattr(obj, f"{name}_{default}", None)
        ):
            missing.append(name)
    return missing


def join_names(names: list[str]) -> str:
    """ "A", "A and B", "A, B and C" in the active language ("A, B och C")."""
    names = [name for name in names if name]
    if len(names) < 2:
        return "".join(names)
    return gettext("%(names)s and %(last)s") % {"names": ", ".join(names[:-1]), "last": names[-1]}
