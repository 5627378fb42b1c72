"""The page that lists the catalogue: Publikationer / Publications."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from portal.core.pages import BasePage
from publications.routes import CatalogueRoutes


class PublicationIndexPage(CatalogueRoutes, RoutablePageMixin, BasePage):
    """Publikationer: the filterable catalogue, a page per publication, a feed and JSON."""

    intro = models.TextField(_("introduction"), blank=True)
    per_page = models.PositiveSmallIntegerField(
        _("publications per page"),
        default=20,
        validators=[MinValueValidator(5), MaxValueValidator(100)],
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    settings_panels = [*BasePage.settings_panels, FieldPanel("per_page")]

    parent_page_types = ["guidance.HomePage"]
    subpage_types: list[str] = []
    max_count = 1
    page_description = _(
        "The publications catalogue: filters, a page per publication, a feed and JSON."
    )

    class Meta:
        verbose_name = _("publications index page")
        verbose_name_plural = _("publications index pages")
