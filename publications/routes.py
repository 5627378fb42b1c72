"""The addresses under the catalogue page: the list, a page per publication, the feed, JSON.

/sv/publikationer/            the catalogue (filters in the query string)
/sv/publikationer/feed/       Atom, newest first, honouring the same filters
/sv/publikationer/api/        JSON, the same filters and pagination
/sv/publikationer/<slug>/     one publication
"""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.contrib.routable_page.models import path, re_path

from portal.core.i18n import untranslated_fields

RESULT_TEMPLATE = "publications/includes/publication_item.html"


class CatalogueRoutes:
    """Route views of PublicationIndexPage (kept apart from the model definitions)."""

    def localized_route_suffix(self, request, lang: str) -> str:
        """What follows the page's address for the language switcher and hreflang."""
        return getattr(request, "publication_route_suffix", "")

    def catalogue(self, request, *, with_topics: bool = True, fetch_results: bool = True):
        from publications.catalogue import Catalogue

        return Catalogue(
            request.GET,
            per_page=self.per_page,
            language=translation.get_language(),
            base_url=self.get_url(request),
            with_topics=with_topics,
            fetch_results=fetch_results,
            request=request,
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

        return self.render(
            request,
            context_overrides={
                "catalogue": catalogue,
                "page_obj": catalogue.page_obj,
                "results": catalogue.results_html(request, render_result),
                "facets": catalogue.facets(),
            },
        )

    @path("feed/", name="feed")
    def feed_route(self, request):
        from publications.feeds import catalogue_feed

        return catalogue_feed(self, request, self.catalogue_for_feed(request))

    def catalogue_for_feed(self, request):
        from publications.catalogue import Catalogue

        params = request.GET.copy()
        params["sort"] = "newest"
        params.pop("page", None)
        return Catalogue(
            params,
            per_page=50,
            language=translation.get_language(),
            base_url=self.get_url(request),
            request=request,
        )

    @path("api/", name="api")
    def api_route(self, request):
        from publications.api import catalogue_json
        from publications.schema import dumps

        response = HttpResponse(
            dumps(catalogue_json(self, request, self.catalogue(request))),
            content_type="application/json",
        )
        response["Access-Control-Allow-Origin"] = "*"
        return response

    @re_path(r"^(?P<slug>[-a-zA-Z0-9_]+)/$", name="publication")
    def publication_route(self, request, slug: str):
        from publications.models import Publication

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
        from publications.schema import json_ld

        request.publication_route_suffix = f"{publication.slug}/"
        return self.render(
            request,
            template="publications/publication_detail.html",
            context_overrides={
                "publication": publication,
                "json_ld": json_ld(self, request, publication),
                "untranslated": untranslated_fields(publication),
                "is_preview": preview,
            },
        )
