"""Reusable pieces editors keep once and use on many pages."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from guidance.widgets import TypedPhoneNumberWidget


class OpenDays(models.TextChoices):
    WEEKDAYS = "weekdays", _("Weekdays (Monday to Friday)")
    EVERY_DAY = "every_day", _("Every day")


@register_snippet
class Hotline(index.Indexed, models.Model):
    """A phone line, kept once and rendered the same everywhere (tel: link in international form)."""

    name = models.CharField(_("name"), max_length=120)
    number = PhoneNumberField(
        _("number"),
        region="SE",
        help_text=_("As you would dial it in Sweden, e.g. 020-39 00 00."),
    )
    days = models.CharField(_("open on"), max_length=12, choices=OpenDays.choices, blank=True)
    opens_at = models.TimeField(_("opens at"), null=True, blank=True)
    closes_at = models.TimeField(_("closes at"), null=True, blank=True)
    opening_hours = models.CharField(
        _("more about the hours"),
        max_length=200,
        blank=True,
        help_text=_("E.g. closed on public holidays."),
    )
    outside_hours = models.TextField(
        _("outside opening hours"),
        blank=True,
        help_text=_("What to do when the line is closed, e.g. whom to call instead."),
    )
    hours_confirmed = models.BooleanField(
        _("hours confirmed"),
        default=True,
        help_text=_(
            "Untick while the hours are not yet confirmed with the agency that runs the line."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("number", widget=TypedPhoneNumberWidget(region="SE")),
        MultiFieldPanel(
            [
                FieldPanel("days"),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("opening_hours"),
                FieldPanel("outside_hours"),
                FieldPanel("hours_confirmed"),
            ],
            heading=_("Opening hours"),
        ),
    ]
    search_fields = [index.SearchField("name_sv"), index.SearchField("name_en")]

    class Meta:
        verbose_name = _("hotline")
        verbose_name_plural = _("hotlines")

    def __str__(self) -> str:
        return f"{self.name} ({self.display_number})"

    @property
    def hours_text(self) -> str:
        """ "Open weekdays 08.00–16.30" in the active language; "" when not stated."""
        if not self.days:
            return ""
        if not (self.opens_at and self.closes_at):
            if self.days == OpenDays.EVERY_DAY:
                return gettext("Open every day")
            return gettext("Open weekdays")
        times = f"{self.opens_at:%H.%M}–{self.closes_at:%H.%M}"
        if self.days == OpenDays.EVERY_DAY:
            return gettext("Open every day %(times)s") % {"times": times}
        return gettext("Open weekdays %(times)s") % {"times": times}

    @property
    def display_number(self) -> str:
        return self.number.as_national if self.number else ""

    @property
    def tel_url(self) -> str:
        return f"tel:{self.number.as_e164}" if self.number else ""
