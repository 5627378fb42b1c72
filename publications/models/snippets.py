"""Topics, publication types and organisations: the catalogue's translated vocabularies."""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, TitleFieldPanel
from wagtail.search import index


def name_in(obj, language: str) -> str:
    """The name in `language`, falling back to Swedish."""
    return getattr(obj, f"name_{language}", None) or obj.name_sv or ""


class SwedishRequiredForm(WagtailAdminModelForm):
    """The admin's form, with the Swedish of every required translated field required.

    wagtail-modeltranslation does that for the panels it makes from a field's own name;
    the title and name panels here are named per language (`title_sv`), so that the
    Swedish one alone fills the slug, and would otherwise be left optional.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if not name.endswith("_sv"):
                continue
            try:
                original = self._meta.model._meta.get_field(name.removesuffix("_sv"))
            except FieldDoesNotExist:
                continue
            if not original.blank:
                field.required = True


class NamedSnippet(models.Model):
    """A translated name and a stable slug (the same in both languages, used in URLs)."""

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        allow_unicode=False,
        help_text=_("Used in addresses and filters, the same in both languages. Keep it stable."),
    )

    # The Swedish name makes the slug (ASCII, editable), as a publication's title does.
    panels = [
        TitleFieldPanel("name_sv", targets=["slug"], placeholder=False),
        FieldPanel("name_en"),
        FieldPanel("slug"),
    ]
    base_form_class = SwedishRequiredForm

    class Meta:
        abstract = True
        ordering = ["name_sv"]

    def __str__(self) -> str:
        return self.name or self.slug


class Topic(index.Indexed, NamedSnippet):
    """An ämnesområde: visitors find publications by clicking one."""

    search_fields = [
        index.SearchField("name_sv"),
        index.SearchField("name_en"),
        index.AutocompleteField("name_sv"),
        index.AutocompleteField("name_en"),
    ]

    class Meta(NamedSnippet.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class PublicationType(index.Indexed, NamedSnippet):
    """Manual, guidance, status report, brochure, study, mapping ..."""

    search_fields = Topic.search_fields

    class Meta(NamedSnippet.Meta):
        verbose_name = _("publication type")
        verbose_name_plural = _("publication types")


class Organisation(index.Indexed, NamedSnippet):
    """An authority or organisation that writes or publishes."""

    website = models.URLField(_("website"), blank=True)

    panels = [*NamedSnippet.panels, FieldPanel("website")]
    search_fields = Topic.search_fields

    class Meta(NamedSnippet.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
