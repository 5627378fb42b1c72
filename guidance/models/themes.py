"""Themes and the ordered list of resources on each."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page

from guidance.blocks import ThemeBodyBlock
from guidance.models.resources import ResourceCard, ResourceKind, ResourcePage
from guidance.models.review import ReviewedPage
from guidance.resource_chooser import ResourcesPanel
from portal.alerts.following import Followable
from portal.caching.fragments import fragment
from portal.changes.forms import ChangeNotedPageForm
from portal.changes.models import ChangeNoted
from portal.core.links import hostname
from portal.core.pages import BasePage


class ThemePage(Followable, ChangeNoted, ReviewedPage, BasePage):
    """A theme: what to look for, what to do, and where to get help."""

    lead = models.TextField(_("lead paragraph"))
    body = StreamField(ThemeBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("body"),
        ResourcesPanel("resources", label=_("Resources"), heading=_("Resources, in order")),
        *ChangeNoted.change_panels,
    ]
    base_form_class = ChangeNotedPageForm

    settings_panels = [*BasePage.settings_panels, *ReviewedPage.review_panels]

    parent_page_types = ["guidance.ThemeIndexPage"]
    subpage_types = [
        "guidance.SupportServicePage",
        "guidance.DocumentResourcePage",
        "guidance.PodcastEpisodePage",
        "guidance.WebCoursePage",
    ]
    page_description = _(
        "A theme such as child trafficking: a lead, guidance text and an ordered list of resources."
    )

    class Meta:
        verbose_name = _("theme page")
        verbose_name_plural = _("theme pages")

    search_kind = "theme"
    search_kind_label = _("Theme")

    @property
    def intro(self) -> str:
        """The theme index lists themes by their lead."""
        return self.lead

    def search_body(self) -> list[str]:
        return [self.lead, *self.body.stream_block.get_searchable_content(self.body)]

    def resource_cards(self) -> list[ResourceCard]:
        items = list(self.resources.all())
        chosen = [i.page_id for i in items if i.page_id]
        pages = {p.pk: p for p in Page.objects.filter(pk__in=chosen).live().public().specific()}
        cards = []
        for item in items:
            if item.page_id:
                page = pages.get(item.page_id)
                if page is not None and isinstance(page, ResourcePage):
                    cards.append(page.card())
            elif item.external_url:
                cards.append(item.card())
        return cards

    kept_blocks = ("body",)

    def kept_parts(self) -> list[str]:
        return [*super().kept_parts(), f"resource-cards-html:{self.pk}"]

    def resource_cards_html(self) -> str:
        """The resource list as drawn: the same for every view of a language and generation."""
        return render_to_string(
            "guidance/includes/resource_cards.html", {"resource_cards": self.resource_cards()}
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The cards come from other pages (six queries): kept drawn, per generation,
        # which publishing, unpublishing or moving any page renews; a preview shows the
        # editor's unsaved list.
        context["resource_cards_html"] = mark_safe(
            fragment(request, f"resource-cards-html:{self.pk}", self.resource_cards_html)
        )
        return context


class ThemeResource(Orderable):
    """One entry of a theme's ordered resource list: a resource page or an external site."""

    theme = ParentalKey(ThemePage, on_delete=models.CASCADE, related_name="resources")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("resource page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    external_url = models.URLField(_("external site"), blank=True)
    external_title = models.CharField(_("title of the external site"), max_length=255, blank=True)
    external_summary = models.TextField(_("summary of the external site"), blank=True)

    panels = [
        PageChooserPanel(
            "page",
            page_type=[
                "guidance.SupportServicePage",
                "guidance.DocumentResourcePage",
                "guidance.PodcastEpisodePage",
                "guidance.WebCoursePage",
            ],
        ),
        FieldPanel("external_url"),
        FieldPanel("external_title"),
        FieldPanel("external_summary"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    def clean(self):
        super().clean()
        if bool(self.page_id) == bool(self.external_url):
            raise ValidationError(
                _("Choose either a resource page or an external site, not both and not neither.")
            )
        if self.external_url and not self.external_title:
            raise ValidationError(
                {"external_title": _("An external site needs a title for its card.")}
            )

    def card(self) -> ResourceCard:
        return ResourceCard(
            kind=str(ResourceKind.EXTERNAL.label),
            title=self.external_title,
            summary=self.external_summary,
            url=self.external_url,
            destination=hostname(self.external_url),
            external=True,
        )
