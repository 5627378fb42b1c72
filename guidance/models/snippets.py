"""Reusable pieces editors keep once and use on many pages."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet


@register_snippet
class Hotline(index.Indexed, models.Model):
    """A phone line, kept once and rendered the same everywhere (tel: link in international form)."""

    name = models.CharField(_("name"), max_length=120)
    number = PhoneNumberField(
        _("number"),
        region="SE",
        help_text=_("As you would dial it in Sweden, e.g. 020-39 00 00."),
    )
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)

    panels = [FieldPanel("name"), FieldPanel("number"), FieldPanel("opening_hours")]
    search_fields = [index.SearchField("name_sv"), index.SearchField("name_en")]

    class Meta:
        verbose_name = _("hotline")
        verbose_name_plural = _("hotlines")

    def __str__(self) -> str:
        return f"{self.name} ({self.display_number})"

    @property
    def display_number(self) -> str:
        return self.number.as_national if self.number else ""

    @property
    def tel_url(self) -> str:
        return f"tel:{self.number.as_e164}" if self.number else ""
