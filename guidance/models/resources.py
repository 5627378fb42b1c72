"""Resource page types: the structured things a theme points social workers to."""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from guidance.blocks import RICH_TEXT_FEATURES
from guidance.models.review import ReviewedPage
from portal.changes.forms import ChangeNotedPageForm
from portal.changes.models import ChangeNoted
from portal.core.i18n import join_names
from portal.core.links import hostname
from portal.core.pages import BasePage


class ResourceKind(models.TextChoices):
    GUIDANCE = "guidance", _("Guidance")
    MANUAL = "manual", _("Manual")
    SUPPORT = "support", _("Support service")
    PUBLICATION = "publication", _("Publication")
    PODCAST = "podcast", _("Podcast")
    WEB_COURSE = "web_course", _("Web course")
    EXTERNAL = "external", _("External site")


@dataclass(frozen=True)
class ResourceCard:
    """What a theme shows of a resource: its kind, title, summary and where it leads."""

    kind: str
    title: str
    summary: str
    url: str
    destination: str = ""
    external: bool = False


THEME_ONLY = ["guidance.ThemePage"]


class ResourcePage(ChangeNoted, ReviewedPage, BasePage):
    """What every resource has: a summary for its card, a kind, a place it leads to."""

    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences. Shown on the theme's resource card.")
    )

    kind: str = ResourceKind.EXTERNAL
    search_text_fields: tuple[str, ...] = ()
    settings_panels = [*BasePage.settings_panels, *ReviewedPage.review_panels]
    base_form_class = ChangeNotedPageForm
    parent_page_types = THEME_ONLY
    subpage_types: list[str] = []

    class Meta:
        abstract = True

    @property
    def intro(self) -> str:
        return self.summary

    @property
    def kind_label(self) -> str:
        return ResourceKind(self.kind).label

    @property
    def search_kind(self) -> str:  # type: ignore[override]
        return self.kind

    @property
    def search_kind_label(self) -> str:  # type: ignore[override]
        return self.kind_label

    def search_body(self) -> list[str]:
        """The summary, then every other text field of the page type, in the active language."""
        parts = [self.summary]
        for name in self.search_text_fields:
            parts.append(str(getattr(self, name) or ""))
        return parts

    @property
    def destination_url(self) -> str:
        """The outside address this resource leads to, if any."""
        return ""

    def card(self) -> ResourceCard:
        return ResourceCard(
            kind=str(self.kind_label),
            title=self.title,
            summary=self.summary,
            url=self.url,
            destination=hostname(self.destination_url),
        )


class SupportServicePage(ResourcePage):
    """A support service for professionals, such as NMT and its hotline."""

    abbreviation = models.CharField(_("abbreviation"), max_length=20, blank=True)
    lead_agency = models.CharField(_("lead agency"), max_length=200)
    hotline = models.ForeignKey(
        "guidance.Hotline",
        verbose_name=_("hotline"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hotline_prompt = models.CharField(
        _("hotline prompt"),
        max_length=200,
        blank=True,
        help_text=_("A question before the number, e.g. 'Do you suspect human trafficking?'"),
    )
    website = models.URLField(_("website"))
    website_label = models.CharField(_("website link text"), max_length=200)
    audience = models.TextField(_("who it serves"))
    offers = RichTextField(_("what it offers"), features=RICH_TEXT_FEATURES)

    kind = ResourceKind.SUPPORT
    search_text_fields = ("abbreviation", "lead_agency", "audience", "offers", "hotline_prompt")
    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("abbreviation"), FieldPanel("lead_agency")]),
        InlinePanel("partner_agencies", label=_("Partner agency"), heading=_("Partner agencies")),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("hotline_prompt"), FieldPanel("hotline")], heading=_("Hotline")
        ),
        FieldRowPanel([FieldPanel("website"), FieldPanel("website_label")]),
        FieldPanel("audience"),
        FieldPanel("offers"),
        *ChangeNoted.change_panels,
    ]
    page_description = _("A support service, such as NMT: who runs it, its hotline and website.")

    class Meta:
        verbose_name = _("support service")
        verbose_name_plural = _("support services")

    @property
    def destination_url(self) -> str:
        return self.website

    def search_body(self) -> list[str]:
        """The page's texts, then its hotline as the page shows it (name, number, hours,
        what to do outside them): a question about whom to call finds the page."""
        parts = super().search_body()
        hotline = self.hotline
        if hotline:
            parts += [
                hotline.name,
                gettext("Call %(number)s") % {"number": hotline.display_number},
                str(hotline.hours_text or ""),
                hotline.opening_hours,
                hotline.outside_hours,
            ]
        return parts

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partner_names"] = join_names([a.name for a in self.partner_agencies.all()])
        return context


class SupportServiceAgency(Orderable):
    page = ParentalKey(
        SupportServicePage, on_delete=models.CASCADE, related_name="partner_agencies"
    )
    name = models.CharField(_("agency"), max_length=200)

    panels = [FieldPanel("name")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner agency")
        verbose_name_plural = _("partner agencies")

    def __str__(self) -> str:
        return self.name


class DocumentResourcePage(ResourcePage):
    """A manual, guidance document or publication, with its cover and publisher."""

    document_kind = models.CharField(
        _("kind of document"),
        max_length=20,
        choices=[
            (ResourceKind.GUIDANCE.value, ResourceKind.GUIDANCE.label),
            (ResourceKind.MANUAL.value, ResourceKind.MANUAL.label),
            (ResourceKind.PUBLICATION.value, ResourceKind.PUBLICATION.label),
        ],
        default=ResourceKind.GUIDANCE,
    )
    subtitle = models.CharField(_("subtitle"), max_length=255, blank=True)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_alt_text = models.CharField(
        _("cover image alt text"),
        max_length=255,
        blank=True,
        help_text=_("What the cover shows, for those who cannot see it."),
    )
    publisher = models.CharField(_("publisher"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    publisher_url = models.URLField(_("link to the publisher's page"))
    publisher_link_text = models.CharField(_("publisher link text"), max_length=255)
    catalogue_entry = models.ForeignKey(
        "publications.Publication",
        verbose_name=_("catalogue entry"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The same document in the publications catalogue, if it is there."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("subtitle"),
        FieldPanel("document_kind"),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("publisher"), FieldPanel("year")]),
        FieldRowPanel([FieldPanel("publisher_url"), FieldPanel("publisher_link_text")]),
        MultiFieldPanel(
            [FieldPanel("cover_image"), FieldPanel("cover_alt_text")], heading=_("Cover")
        ),
        FieldPanel("catalogue_entry"),
        *ChangeNoted.change_panels,
    ]
    page_description = _(
        "A manual, guidance document or publication: cover, publisher, year and links."
    )

    class Meta:
        verbose_name = _("manual or guidance document")
        verbose_name_plural = _("manuals and guidance documents")

    search_text_fields = ("publisher",)

    def search_title(self) -> str:
        return f"{self.title} – {self.subtitle}" if self.subtitle else self.title

    def _live_catalogue_entry(self):
        entry = self.catalogue_entry
        return entry if entry is not None and entry.live else None

    def search_body(self) -> list[str]:
        """Besides the page's own text, the facts of the catalogue entry it describes: the
        page is that document's one result in site search."""
        parts = super().search_body()
        entry = self._live_catalogue_entry()
        if entry is not None:
            parts += [entry.description, entry.authors_display()]
        return parts

    def search_document(self) -> dict | None:
        document = super().search_document()
        entry = self._live_catalogue_entry()
        if document is not None and entry is not None:
            document["stands_for"] = entry
        return document

    @property
    def kind(self) -> str:  # type: ignore[override]
        return self.document_kind

    @property
    def destination_url(self) -> str:
        return self.publisher_url

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        entry = self.catalogue_entry
        catalogue = (
            apps.get_model("publications", "PublicationIndexPage").objects.live().first()
            if entry is not None and entry.live
            else None
        )
        context["catalogue_url"] = entry.url_in(catalogue, request) if catalogue else ""
        return context

    def clean(self):
        super().clean()
        if self.cover_image_id and not (self.cover_alt_text_sv or "").strip():
            raise ValidationError(
                {"cover_alt_text_sv": _("A cover image needs an alt text that says what it shows.")}
            )


class PodcastEpisodePage(ResourcePage):
    series = models.CharField(_("series"), max_length=200)
    episode_number = models.PositiveIntegerField(_("episode number"))
    publisher = models.CharField(_("publisher"), max_length=200)
    listen_url = models.URLField(_("listen link"))
    listen_link_text = models.CharField(_("listen link text"), max_length=255)
    transcript = RichTextField(
        _("transcript"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Shown on the page when filled in."),
    )

    kind = ResourceKind.PODCAST
    search_text_fields = ("series", "publisher", "transcript")
    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("series"), FieldPanel("episode_number")]),
        FieldPanel("publisher"),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("listen_url"), FieldPanel("listen_link_text")]),
        FieldPanel("transcript"),
        *ChangeNoted.change_panels,
    ]
    page_description = _("A podcast episode: series, number, where to listen, transcript.")

    class Meta:
        verbose_name = _("podcast episode")
        verbose_name_plural = _("podcast episodes")

    @property
    def destination_url(self) -> str:
        return self.listen_url


class WebCoursePage(ResourcePage):
    provider = models.CharField(_("provider"), max_length=255)
    audience = models.TextField(_("audience"))
    course_url = models.URLField(_("link to the course"))
    course_link_text = models.CharField(_("course link text"), max_length=255)

    kind = ResourceKind.WEB_COURSE
    search_text_fields = ("provider", "audience")
    content_panels = [
        *Page.content_panels,
        FieldPanel("provider"),
        FieldPanel("audience"),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("course_url"), FieldPanel("course_link_text")]),
        *ChangeNoted.change_panels,
    ]
    page_description = _("A web course: who provides it, for whom, and where to take it.")

    class Meta:
        verbose_name = _("web course")
        verbose_name_plural = _("web courses")

    @property
    def destination_url(self) -> str:
        return self.course_url
