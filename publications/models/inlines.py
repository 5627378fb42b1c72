"""What a publication holds inline, in order: authors, earlier editions, languages, pages."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel
from wagtail.models import Orderable

from portal.caching.restrictions import restricted_collection_ids
from portal.core.links import hostname
from publications import languages
from publications.models.snippets import Organisation

YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2100)]


def edition_name(number: int) -> str:
    names = {
        1: _("1st edition"),
        2: _("2nd edition"),
        3: _("3rd edition"),
        4: _("4th edition"),
        5: _("5th edition"),
        6: _("6th edition"),
        7: _("7th edition"),
        8: _("8th edition"),
        9: _("9th edition"),
        10: _("10th edition"),
    }
    if number in names:
        return str(names[number])
    return gettext("edition %(number)s") % {"number": number}


class PublicationAuthor(Orderable):
    """An author organisation, in the order the publication names them."""

    publication = ParentalKey(
        "publications.Publication", related_name="author_links", on_delete=models.CASCADE
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="authored",
    )

    panels = [FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "organisation"], name="publication_author_once"
            )
        ]


class PublicationEdition(Orderable):
    """An earlier edition: its number, year and who published it."""

    publication = ParentalKey(
        "publications.Publication", related_name="editions", on_delete=models.CASCADE
    )
    number = models.PositiveSmallIntegerField(_("edition"), validators=[MinValueValidator(1)])
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    publisher = models.CharField(
        _("published by"),
        max_length=255,
        blank=True,
        help_text=_("E.g. “Länsstyrelsen Stockholm och IOM”."),
    )

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("year")]),
        FieldPanel("publisher"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("earlier edition")
        verbose_name_plural = _("earlier editions")

    def name(self) -> str:
        return edition_name(self.number)


class LanguageStatus(models.TextChoices):
    AVAILABLE = "available", _("Available")
    PLANNED = "planned", _("Coming soon")


class PublicationLanguage(Orderable):
    """A language the publication exists in (or soon will), with its document."""

    publication = ParentalKey(
        "publications.Publication", related_name="language_versions", on_delete=models.CASCADE
    )
    language = models.CharField(_("language"), max_length=8, choices=languages.LANGUAGES)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=LanguageStatus.choices,
        default=LanguageStatus.AVAILABLE,
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link = models.URLField(
        _("at the publisher"),
        blank=True,
        help_text=_(
            "The publisher's page for this language version, where it can be read or "
            "ordered, when its document is not uploaded here."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("language"), FieldPanel("status")]),
        FieldPanel("document"),
        FieldPanel("link"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "language"], name="publication_language_once"
            )
        ]
        indexes = [
            # The "available in" facet: for the matching publications, their available
            # languages, read from this index alone (a nested loop of index-only lookups
            # instead of a scan of every language version).
            models.Index(
                fields=["publication", "language"],
                condition=models.Q(status=LanguageStatus.AVAILABLE),
                name="publication_language_available",
            ),
            # The "available in" filter: the publications available in one language,
            # read from this index alone when the other facets are counted.
            models.Index(
                fields=["language", "publication"],
                condition=models.Q(status=LanguageStatus.AVAILABLE),
                name="available_in_language",
            ),
        ]

    @property
    def native_name(self) -> str:
        return languages.native_name(self.language)

    @property
    def direction(self) -> str:
        return languages.direction(self.language)

    @property
    def is_available(self) -> bool:
        return self.status == LanguageStatus.AVAILABLE

    @property
    def has_public_document(self) -> bool:
        """A document anyone may read: none in a private collection is listed anywhere."""
        return bool(self.document_id) and (
            self.document.collection_id not in restricted_collection_ids()
        )

    @property
    def link_host(self) -> str:
        """The publisher's site, as a visitor reads it in a link ("polisen.se")."""
        return hostname(self.link)

    def document_format(self) -> str:
        if not self.document_id:
            return ""
        return (self.document.file_extension or "").upper()

    def document_size(self) -> int | None:
        if not self.document_id:
            return None
        return self.document.get_file_size()


class PublicationPageLink(Orderable):
    """A page of the site the publication belongs with, usually a theme."""

    publication = ParentalKey(
        "publications.Publication", related_name="related_page_links", on_delete=models.CASCADE
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="publication_links",
    )

    panels = [PageChooserPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")
