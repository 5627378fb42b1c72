"""The frame of the page tree: the start page, sections, plain pages and theme indexes."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from guidance.blocks import BodyBlock
from guidance.models.review import ReviewedPage
from portal.changes.forms import ChangeNotedPageForm
from portal.changes.models import ChangeNoted
from portal.core.pages import BasePage


class HomePage(BasePage):
    """Start: the root of the site in both languages."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "guidance.SectionPage",
        "guidance.StandardPage",
        "publications.PublicationIndexPage",
        "guidance.AccessibilityStatementPage",
    ]
    max_count = 1
    page_description = _("The start page of the portal. There is only one.")

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().public().in_menu().specific()
        return context


class SectionPage(BasePage):
    """A subject area such as Våld (Violence): lists what lies below it."""

    intro = models.TextField(_("introduction"), blank=True)
    quick_exit_below = models.BooleanField(
        _("quick exit on pages below"),
        default=False,
        help_text=_(
            "Show the 'Exit this page' button on this section and every page below it, "
            "unless a page decides otherwise. Turn on for sections about violence."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    settings_panels = [*BasePage.settings_panels, FieldPanel("quick_exit_below")]

    parent_page_types = ["guidance.HomePage", "guidance.SectionPage"]
    subpage_types = [
        "guidance.SectionPage",
        "guidance.ThemeIndexPage",
        "guidance.StandardPage",
    ]
    page_description = _("A subject area, such as Violence. Lists the pages below it.")

    class Meta:
        verbose_name = _("section page")
        verbose_name_plural = _("section pages")

    @property
    def quick_exit_for_descendants(self) -> bool:
        return self.quick_exit_below

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().public().specific()
        return context


class StandardPage(ChangeNoted, ReviewedPage, BasePage):
    """A plain page of text: contact, about."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        *ChangeNoted.change_panels,
    ]
    base_form_class = ChangeNotedPageForm
    kept_blocks = ("body",)
    settings_panels = [*BasePage.settings_panels, *ReviewedPage.review_panels]

    parent_page_types = ["guidance.HomePage", "guidance.SectionPage"]
    subpage_types: list[str] = []
    page_description = _("A plain page of text, such as Contact.")
    search_kind = "page"

    def search_body(self) -> list[str]:
        return [self.intro, *self.body.stream_block.get_searchable_content(self.body)]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class ThemeIndexPage(BasePage):
    """Teman (Themes): lists its themes with their lead paragraphs."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["guidance.SectionPage"]
    subpage_types = ["guidance.ThemePage"]
    page_description = _("Lists the themes of a section with their lead paragraphs.")

    class Meta:
        verbose_name = _("theme index page")
        verbose_name_plural = _("theme index pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = self.get_children().live().public().specific()
        return context
