"""A publication: its fields, the sort keys kept for ordering, and its preview."""

from __future__ import annotations

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PublishingPanel,
    TitleFieldPanel,
)
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from portal.caching.restrictions import restricted_collection_ids
from portal.changes.forms import ChangeNoteFormMixin
from portal.changes.models import ChangeNoted
from portal.core.i18n import LanguagePreviewMixin, join_names
from publications import languages, reading, text
from publications.models.inlines import (
    YEAR_VALIDATORS,
    PublicationAuthor,
    PublicationEdition,
    PublicationLanguage,
    edition_name,
)
from publications.models.snippets import (
    Organisation,
    PublicationType,
    SwedishRequiredForm,
    Topic,
    name_in,
)

# Addresses under the catalogue that are not publications.
RESERVED_SLUGS = {"feed", "api"}


# Where `with_listing_data` leaves each relation's rows (see `Publication.listed`).
LISTED = {
    "author_links": "listed_author_links",
    "editions": "listed_editions",
    "language_versions": "listed_language_versions",
}


class PublicationQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)

    def with_listing_data(self, *, topics: bool = True, organisations: bool = True):
        """Everything a listing shows, in a fixed number of queries whatever the count.

        The catalogue page leaves out what it has already or does not show: the topics
        (`topics=False`: not shown per result) and the authors' organisations
        (`organisations=False`: the author links come without them, and the catalogue
        gives them the organisations it has read for its filters).
        """
        authors = PublicationAuthor.objects.all()
        # Into plain lists (`to_attr`): Django then makes no related manager and no
        # queryset per publication and relation, which cost more than the rows.
        lookups = [
            models.Prefetch(
                "author_links",
                queryset=authors.select_related("organisation") if organisations else authors,
                to_attr=LISTED["author_links"],
            ),
            models.Prefetch(
                "editions",
                queryset=PublicationEdition.objects.all(),
                to_attr=LISTED["editions"],
            ),
            models.Prefetch(
                "language_versions",
                queryset=PublicationLanguage.objects.select_related("document"),
                to_attr=LISTED["language_versions"],
            ),
        ]
        if topics:
            lookups.append("topics")
        return self.select_related("publication_type", "cover_image").prefetch_related(*lookups)

    def for_page(self, page):
        """Live publications that link to `page` (a theme or resource page)."""
        return self.live().filter(related_page_links__page=page)


class PublicationForm(ChangeNoteFormMixin, SwedishRequiredForm):
    """The publication's admin form: Swedish required, the change note offered anew."""


class Publication(
    ChangeNoted,
    WorkflowMixin,
    LanguagePreviewMixin,
    PreviewableMixin,
    LockableMixin,
    DraftStateMixin,
    RevisionMixin,
    index.Indexed,
    ClusterableModel,
):
    title = models.CharField(_("title"), max_length=255)
    subtitle = models.CharField(_("subtitle"), max_length=255, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_(
            "The publication's address in the catalogue, the same in both languages. "
            "Keep it stable: links and bookmarks use it."
        ),
    )
    description = RichTextField(
        _("description"),
        blank=True,
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
    )
    year = models.PositiveSmallIntegerField(
        _("year of publication"), validators=YEAR_VALIDATORS, db_index=True
    )
    publication_type = models.ForeignKey(
        PublicationType,
        verbose_name=_("type"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="publications",
    )
    topics = ParentalManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="publications"
    )
    edition = models.PositiveSmallIntegerField(
        _("edition"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("The number of this edition, e.g. 3 for the third. Empty for a first edition."),
    )
    article_number = models.CharField(_("article number"), max_length=64, blank=True)
    external_url = models.URLField(
        _("read online"),
        blank=True,
        help_text=_("Where the publication can be read or ordered, if not as a document here."),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # Kept up to date on save: the sort keys, for an alphabetical order that is the same
    # on every database (publications.text). The text is searched in the real fields: by
    # the site search's index (the catalogue, portal.search) and by Wagtail's fallback
    # backend (the admin), which reads the search fields below and keeps no copy.
    sort_key_sv = models.CharField(editable=False, max_length=520, default="")
    sort_key_en = models.CharField(editable=False, max_length=520, default="")

    objects = PublicationQuerySet.as_manager()

    base_form_class = PublicationForm

    panels = [
        MultiFieldPanel(
            [
                # The Swedish title makes the slug (ASCII, editable) while the publication
                # is not live. Named per language: wagtail-modeltranslation would point a
                # TitleFieldPanel("title") at slug_sv/slug_en, and the slug is not translated.
                TitleFieldPanel("title_sv", targets=["slug"]),
                FieldPanel("title_en"),
                FieldPanel("subtitle"),
                FieldPanel("slug"),
            ],
            heading=_("Title"),
        ),
        InlinePanel("author_links", heading=_("Authors"), label=_("author"), min_num=1),
        FieldRowPanel([FieldPanel("year"), FieldPanel("edition")], heading=_("Year and edition")),
        FieldPanel("publication_type"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("description"),
        InlinePanel(
            "language_versions",
            heading=_("Languages and documents"),
            label=_("language"),
            min_num=1,
        ),
        InlinePanel("editions", heading=_("Earlier editions"), label=_("earlier edition")),
        MultiFieldPanel(
            [
                FieldPanel("external_url"),
                FieldPanel("article_number"),
                FieldPanel("cover_image"),
            ],
            heading=_("More"),
        ),
        InlinePanel("related_page_links", heading=_("Related pages"), label=_("related page")),
        *ChangeNoted.change_panels,
        # Go-live and expiry (the status side panel's scheduling dialog), as on pages.
        PublishingPanel(),
    ]

    search_fields = [
        index.SearchField("title_sv", boost=3),
        index.SearchField("title_en", boost=3),
        index.SearchField("subtitle_sv", boost=2),
        index.SearchField("subtitle_en", boost=2),
        index.SearchField("description_sv"),
        index.SearchField("description_en"),
        # The admin's listing searches with autocomplete.
        index.AutocompleteField("title_sv"),
        index.AutocompleteField("title_en"),
        index.AutocompleteField("subtitle_sv"),
        index.AutocompleteField("subtitle_en"),
        index.FilterField("year"),
        index.FilterField("live"),
    ]

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["-year", "sort_key_sv"]

    def __str__(self) -> str:
        if self.subtitle:
            return f"{self.title} – {self.subtitle}"
        return self.title or self.slug

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is used by the catalogue itself.")})

    def save(self, *args, **kwargs):
        self.refresh_sort_keys()
        super().save(*args, **kwargs)

    # Columns derived on save stay out of revisions: they are recomputed on publishing.
    DERIVED_FIELDS = ("sort_key_sv", "sort_key_en")

    def serializable_data(self):
        data = super().serializable_data()
        for name in self.DERIVED_FIELDS:
            data.pop(name, None)
        return data

    def refresh_sort_keys(self) -> None:
        """The sort keys from the titles and subtitles (each language, else Swedish)."""
        for language, key in text.SORT_KEYS.items():
            title = getattr(self, f"title_{language}") or self.title_sv
            subtitle = getattr(self, f"subtitle_{language}") or self.subtitle_sv
            # The title orders; the subtitle breaks ties (three "Återvändandeprogrammet").
            setattr(self, f"sort_key_{language}", f"{key(title)}\t{key(subtitle)}")

    # What the templates show -------------------------------------------------------

    def listed(self, relation: str) -> list:
        """A relation's rows: those `with_listing_data` fetched, else the relation's own
        (the database, or an unsaved preview's in-memory rows)."""
        fetched = getattr(self, LISTED[relation], None)
        return fetched if fetched is not None else list(getattr(self, relation).all())

    @property
    def authors(self) -> list[Organisation]:
        return [link.organisation for link in self.listed("author_links") if link.organisation]

    def authors_display(self) -> str:
        return join_names([name_in(org, translation.get_language()) for org in self.authors])

    @cached_property
    def sorted_editions(self) -> list[PublicationEdition]:
        return sorted(self.listed("editions"), key=lambda edition: (edition.number, edition.year))

    def edition_statement(self) -> str:
        """ "3rd edition; first edition 2014 by …" in the active language."""
        if not self.edition or self.edition < 2:
            return ""
        statement = edition_name(self.edition)
        first = next((e for e in self.sorted_editions if e.number == 1), None)
        if first is None:
            return statement
        if first.publisher:
            earlier = gettext("first edition %(year)s by %(publisher)s") % {
                "year": first.year,
                "publisher": first.publisher,
            }
        else:
            earlier = gettext("first edition %(year)s") % {"year": first.year}
        return f"{statement}; {earlier}"

    def languages(self) -> list[PublicationLanguage]:
        return sorted(
            self.listed("language_versions"),
            key=lambda version: (languages.ORDER.get(version.language, 999), version.sort_order),
        )

    def documents(self) -> list[PublicationLanguage]:
        """The language versions with a document anyone may read; which collections are
        private is asked once, and only when there is a document at all."""
        with_document = [version for version in self.languages() if version.document_id]
        if not with_document:
            return []
        restricted = restricted_collection_ids()
        return [v for v in with_document if v.document.collection_id not in restricted]

    def read_options(self) -> list[reading.ReadOption]:
        return reading.read_options(self)

    def url_in(self, index_page, request=None, language: str | None = None) -> str:
        with translation.override(language or translation.get_language()):
            return index_page.url + index_page.reverse_subpage(
                "publication", kwargs={"slug": self.slug}
            )

    # Site search (portal.search) -----------------------------------------------------

    @classmethod
    def search_queryset(cls):
        """What a rebuild of the search index reads: live publications and their authors."""
        return cls.objects.filter(live=True).prefetch_related("author_links__organisation")

    def search_document(self) -> dict | None:
        """The publication as site search sees it, in the active language."""
        from portal.search.index import memo

        index_page = memo(
            "publications.index_page",
            # A catalogue behind a restriction takes its publications out of search.
            lambda: (
                apps.get_model("publications", "PublicationIndexPage")
                .objects.live()
                .public()
                .first()
            ),
        )
        if not self.live or index_page is None:
            return None
        title = f"{self.title} – {self.subtitle}" if self.subtitle else self.title
        return {
            "kind": "publication",
            "kind_label": _("Publication"),
            "title": title,
            "body": " ".join(part for part in (self.description, self.authors_display()) if part),
            "url": self.url_in(index_page),
        }

    # Preview in both languages before publishing -----------------------------------

    def serve_language_preview(self, request, mode_name):
        """The publication's own page in the catalogue, in the mode's language."""
        from django.template.response import TemplateResponse

        index_page = apps.get_model("publications", "PublicationIndexPage").objects.live().first()
        if index_page is None:
            return TemplateResponse(
                request, "publications/publication_detail.html", {"publication": self}
            )
        return index_page.serve_publication(request, self, preview=True)
