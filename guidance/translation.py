"""Which guidance fields have a column per language (wagtail-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from guidance import models


@register(models.HomePage)
class HomePageTR(TranslationOptions):
    fields = ("intro",)


@register(models.SectionPage)
class SectionPageTR(TranslationOptions):
    fields = ("intro",)


@register(models.StandardPage)
class StandardPageTR(TranslationOptions):
    fields = ("intro", "body")


@register(models.ThemeIndexPage)
class ThemeIndexPageTR(TranslationOptions):
    fields = ("intro",)
