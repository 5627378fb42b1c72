"""Which publication fields have a column per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from publications import models


@register(models.Topic)
class TopicTR(TranslationOptions):
    fields = ("name",)


@register(models.PublicationType)
class PublicationTypeTR(TranslationOptions):
    fields = ("name",)


@register(models.Organisation)
class OrganisationTR(TranslationOptions):
    fields = ("name",)


@register(models.Publication)
class PublicationTR(TranslationOptions):
    fields = ("title", "subtitle", "description", "change_note")


@register(models.PublicationEdition)
class PublicationEditionTR(TranslationOptions):
    fields = ("publisher",)


@register(models.PublicationIndexPage)
class PublicationIndexPageTR(TranslationOptions):
    fields = ("intro",)
