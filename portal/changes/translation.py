"""The change note has a column per language (wagtail-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from portal.changes.models import ChangeNote


@register(ChangeNote)
class ChangeNoteTR(TranslationOptions):
    fields = ("note",)
