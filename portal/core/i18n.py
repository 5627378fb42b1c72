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


class LanguagePreviewMixin:
    """One preview mode per language: editors see each language before publishing.

    For pages and for snippets with PreviewableMixin. A model that previews in some
    other way than its parent's `serve_preview` overrides `serve_language_preview`; it
    runs with the mode's language active.
    """

    @property
    def preview_modes(self):
        return [(code, settings.LANGUAGE_NATIVE_NAMES[code]) for code, _name in settings.LANGUAGES]

    @property
    def default_preview_mode(self):
        return settings.MODELTRANSLATION_DEFAULT_LANGUAGE

    def serve_preview(self, request, mode_name):
        language = mode_name if mode_name in settings.LANGUAGE_NATIVE_NAMES else None
        language = language or settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = self.serve_language_preview(request, mode_name)
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
        return response

    def serve_language_preview(self, request, mode_name):
        return super().serve_preview(request, mode_name)
