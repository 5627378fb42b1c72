"""The abstract page every public page type builds on: what the base layout needs of a page."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from portal.i18n import untranslated_fields


class QuickExit(models.TextChoices):
    INHERIT = "inherit", _("As the section decides")
    SHOW = "show", _("Show")
    HIDE = "hide", _("Hide")


class BasePage(Page):
    """Common behaviour: the quick-exit option and the translation-fallback notice."""

    quick_exit = models.CharField(
        _("quick exit button"),
        max_length=8,
        choices=QuickExit.choices,
        default=QuickExit.INHERIT,
        help_text=_(
            "The 'Exit this page' button that replaces the page with a neutral site. "
            "By default a page follows its section (on under Violence)."
        ),
    )
    # Set on section pages: whether pages below show the quick exit by default.
    quick_exit_for_descendants: bool | None = None

    settings_panels = [*Page.settings_panels, FieldPanel("quick_exit")]

    class Meta:
        abstract = True

    def shows_quick_exit(self, ancestors=None) -> bool:
        """Own choice first, then the nearest section that decides, else off."""
        if self.quick_exit != QuickExit.INHERIT:
            return self.quick_exit == QuickExit.SHOW
        if self.quick_exit_for_descendants is not None:
            return self.quick_exit_for_descendants
        if ancestors is None:
            ancestors = self.get_ancestors().specific()
        for ancestor in reversed(list(ancestors)):
            decided = getattr(ancestor, "quick_exit_for_descendants", None)
            if decided is not None:
                return decided
        return False

    def untranslated_fields(self, language: str | None = None) -> list[str]:
        return untranslated_fields(self, language)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        ancestors = list(self.get_ancestors().specific().filter(depth__gt=1))
        context["ancestors"] = ancestors
        context["quick_exit"] = self.shows_quick_exit(ancestors)
        context["untranslated"] = self.untranslated_fields()
        return context
