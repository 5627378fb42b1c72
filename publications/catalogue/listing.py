"""One view of the catalogue: the filters from the query string, the results, the facets."""

from __future__ import annotations

import functools
import operator

from django.core.paginator import Paginator
from django.utils import translation
from django.utils.safestring import mark_safe

from portal.caching.fragments import fragments
from publications import search
from publications.catalogue.facets import Facets
from publications.catalogue.form import Options, parse
from publications.catalogue.index import current as current_index
from publications.catalogue.presentation import Presentation, page_of
from publications.models.publication import Publication


class Catalogue(Facets, Presentation):
    """The page, the feed and JSON each make one from the request's query string."""

    def __init__(
        self,
        params,
        *,
        per_page: int = 20,
        language: str | None = None,
        base_url: str = "",
        with_topics: bool = True,
        fetch_results: bool = True,
        request=None,
    ):
        """`with_topics=False`: the results come without their topics (the page does not
        show them per result; the feed and JSON do). `fetch_results=False`: the page's
        results stay ids (`page_obj.object_list`) for `results_html` to fetch what it
        needs. `request`: the page-cache generation read for it is reused."""
        self.request = request
        self.base_url = base_url
        self.with_topics = with_topics
        self.language = language or translation.get_language()
        self.options = Options(request)
        self.filters = parse(params, self.options)
        self.index = current_index(request)
        # With text: the matching publications (as the index's bit sets) by how many of
        # its terms their title holds.
        self.text: dict[int, int] | None = None
        self.matching = self.index.everything
        if self.filters.terms:
            self.text = {
                count: self.index.of_pks(pks)
                for count, pks in search.by_title_terms(self.filters.terms).items()
            }
            self.matching = functools.reduce(operator.or_, self.text.values(), 0)
        self.per_page = per_page
        results = self.index.ordered(
            self.within(), self.filters.sort, self.language, self._relevance()
        )
        self.paginator = Paginator(results, per_page)
        self.page_obj = page_of(self.paginator, self.filters.page, self.filters.notices)
        self.page_ids: list[int] = list(self.page_obj.object_list)
        if fetch_results:
            self.page_obj.object_list = self._publications(self.page_ids)

    def _relevance(self) -> list[int]:
        """With text, sorted by relevance: the publications by how many of the terms their
        title holds, most first (each group then newest first)."""
        if self.filters.sort != "relevance" or self.text is None:
            return []
        return [self.text[count] for count in sorted(self.text, reverse=True)]

    def includes(self, pk: int) -> bool:
        """Whether the publication is among those the view lets through (all pages)."""
        return self.index.includes(pk, self.within())

    def results_html(self, request, render) -> list[str]:
        """The page's results as HTML, each made by `render(publication)`.

        A result's HTML depends on the publication alone (and the language and the
        catalogue's address), not on the filters that listed it, so it is kept per
        publication and generation (portal.caching): a publication listed by another
        view of the catalogue is not fetched and drawn again. Editing any publication
        starts a new generation. The page's results are read in one round trip; the
        publications not kept yet are fetched together, in the usual four queries (all
        of them in a preview).
        """
        names = {pk: f"publication-item:{pk}:{self.base_url}" for pk in self.page_ids}
        by_name = {name: pk for pk, name in names.items()}

        def build(missing: list[str]) -> dict[str, str]:
            publications = self._publications([by_name[name] for name in missing])
            return {names[p.pk]: render(p) for p in publications}

        kept = fragments(request, list(names.values()), build)
        return [mark_safe(kept[names[pk]]) for pk in self.page_ids if names[pk] in kept]

    def _publications(self, ids: list[int]) -> list[Publication]:
        found = {
            p.pk: p
            # Live, though the index lists live ones only: nothing else is ever shown.
            for p in Publication.objects.live()
            .filter(pk__in=ids)
            .with_listing_data(topics=self.with_topics, organisations=False)
        }
        # The authors' organisations are among those the filters have read already.
        organisations = {o.pk: o for o in self.options.authors.values()}
        for publication in found.values():
            for link in publication.listed("author_links"):
                if link.organisation_id in organisations:
                    link.organisation = organisations[link.organisation_id]
        return [found[pk] for pk in ids if pk in found]
