"""The page that lists the catalogue: Publikationer / Publications, and the addresses
under it (Wagtail's RoutablePageMixin):

/sv/publikationer/            the catalogue (filters in the query string)
/sv/publikationer/feed/       Atom, newest first, honouring the same filters
/sv/publikationer/api/        JSON, the same filters and pagination
/sv/publikationer/<slug>/     one publication

It imports what its views use (the catalogue, the feed, JSON, schema.org); none of those
imports this module or the `publications.models` package.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page

from portal.alerts.following import Followable
from portal.caching import edge
from portal.caching.middleware import keep_query
from portal.core.i18n import untranslated_fields
from portal.core.pages import BasePage, sitemap_entries
from publications import alerts
from publications.api import catalogue_json
from publications.catalogue import Catalogue
from publications.feeds import catalogue_feed
from publications.models.publication import Publication
from publications.schema import dumps, json_ld

RESULT_TEMPLATE = "publications/includes/publication_item.html"


class PublicationIndexPage(Followable, RoutablePageMixin, BasePage):
    """Publikationer: the filterable catalogue, a page per publication, a feed and JSON."""

    intro = models.TextField(_("introduction"), blank=True)
    per_page = models.PositiveSmallIntegerField(
        _("publications per page"),
        default=20,
        validators=[MinValueValidator(5), MaxValueValidator(100)],
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    settings_panels = [*BasePage.settings_panels, FieldPanel("per_page")]

    # The catalogue's listing does not ask; each publication's page does (serve_publication).
    asks_for_feedback = False

    @classmethod
    def feedback_entry(cls, pk: int):
        return Publication.objects.live().filter(pk=pk).first()

    parent_page_types = ["guidance.HomePage"]
    subpage_types: list[str] = []
    max_count = 1
    page_description = _(
        "The publications catalogue: filters, a page per publication, a feed and JSON."
    )

    # Followed by e-mail (portal.alerts): new and changed publications matching a filter.

    def alert_filters(self, params) -> dict[str, str]:
        return alerts.clean_filters(params)

    def alert_subject(self, filters: dict[str, str]) -> str:
        return alerts.subject(filters)

    def alert_description(self, filters: dict[str, str]) -> str:
        return alerts.description(filters)

    def alert_events(self, filters: dict[str, str], since):
        return alerts.events(self, filters, since)

    def get_sitemap_urls(self, request=None):
        """The catalogue page, then each live publication, in each language; the
        publications' addresses hang from the page's own, as in `Publication.url_in`."""
        bases = self.language_urls(request, full=True)
        entries = sitemap_entries(bases, self.last_published_at or self.latest_revision_created_at)
        for publication in Publication.objects.live().order_by("pk"):
            route = self.reverse_subpage("publication", kwargs={"slug": publication.slug})
            urls = {code: base + route for code, base in bases.items() if base}
            entries += sitemap_entries(urls, publication.last_published_at)
        return entries

    def search_dependents(self) -> list:
        """What site search must look at again when this page's restrictions change: the
        publications, whose addresses hang from it."""
        return [Publication.objects.live()]

    class Meta:
        verbose_name = _("publications index page")
        verbose_name_plural = _("publications index pages")

    def get_cached_paths(self):
        """What a purge of this page reaches besides the catalogue (Wagtail's frontend
        cache): its feed and JSON. Filtered views are kept by the app's cache only."""
        return ["/", "feed/", "api/"]

    def publication_addresses(self, publication) -> set[str]:
        """Where a shared cache may keep `publication`: its own page and the catalogue's
        addresses in every language (portal.caching.edge), and the pages it links to."""
        route = self.reverse_subpage("publication", kwargs={"slug": publication.slug})
        urls = {base + route for base in self.language_urls(full=True).values() if base}
        urls |= edge.page_addresses(self, listings=False)
        for link in publication.related_page_links.select_related("page"):
            if link.page.live:
                urls |= edge.page_addresses(link.page.specific, listings=False)
        return urls

    def localized_route_suffix(self, request, lang: str) -> str:
        """What follows the page's address for the language switcher and hreflang."""
        return getattr(request, "publication_route_suffix", "")

    def catalogue(self, request, params=None, **options) -> Catalogue:
        return Catalogue(
            request.GET if params is None else params,
            per_page=options.pop("per_page", self.per_page),
            language=translation.get_language(),
            base_url=self.get_url(request),
            request=request,
            **options,
        )

    @path("", name="catalogue")
    def index_route(self, request):
        # The page's results without their topics (not shown per result), drawn from
        # the kept HTML where a result has been drawn before (Catalogue.results_html).
        catalogue = self.catalogue(request, with_topics=False, fetch_results=False)

        def render_result(publication) -> str:
            return render_to_string(
                RESULT_TEMPLATE, {"publication": publication, "catalogue": catalogue}
            )

        response = self.render(
            request,
            context_overrides={
                "catalogue": catalogue,
                "page_obj": catalogue.page_obj,
                "results": catalogue.results_html(request, render_result),
                "facets": catalogue.facets(),
                "view_title": catalogue.view_title(self.seo_title or self.title),
                "canonical_url": self.url_with_query(request, catalogue.canonical_query()),
                "noindex": catalogue.near_duplicate,
            },
        )
        # The page cache keeps a view under its canonical address only, and never a
        # free-text search (any text is valid: a flood of them would each be kept).
        return (
            response if catalogue.filters.q else keep_query(response, catalogue.canonical_query())
        )

    def url_with_query(self, request, query: str) -> str:
        url = self.get_url(request)
        return f"{url}?{query}" if query else url

    @path("feed/", name="feed")
    def feed_route(self, request):
        return catalogue_feed(self, request, self.catalogue_for_feed(request))

    def catalogue_for_feed(self, request) -> Catalogue:
        """The newest 50 of the view's filters, whatever its order and page."""
        params = request.GET.copy()
        params["sort"] = "newest"
        params.pop("page", None)
        return self.catalogue(request, params, per_page=50)

    @path("api/", name="api")
    def api_route(self, request):
        response = HttpResponse(
            dumps(catalogue_json(self, request, self.catalogue(request))),
            content_type="application/json",
        )
        response["Access-Control-Allow-Origin"] = "*"
        return response

    @re_path(r"^(?P<slug>[-a-zA-Z0-9_]+)/$", name="publication")
    def publication_route(self, request, slug: str):
        publication = (
            Publication.objects.live()
            .with_listing_data()
            .prefetch_related("related_page_links__page")
            .filter(slug=slug)
            .first()
        )
        if publication is None:
            raise Http404("No such publication")
        return self.serve_publication(request, publication)

    def serve_publication(self, request, publication, preview: bool = False):
        request.publication_route_suffix = f"{publication.slug}/"
        return self.render(
            request,
            template="publications/publication_detail.html",
            context_overrides={
                "publication": publication,
                # "Did this information help you?" about the publication (portal/feedback/).
                "feedback_publication": publication,
                "meta_title": str(publication),
                "meta_description": publication.description,
                "canonical_url": publication.url_in(self, request),
                "json_ld": json_ld(self, request, publication),
                "untranslated": untranslated_fields(publication),
                "is_preview": preview,
            },
        )
