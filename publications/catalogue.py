"""The catalogue's filters, sorting and facet counts, shared by the page, the feed and JSON.

Everything the visitor chooses is in the query string (q, topic, type, year_from,
year_to, language, author, sort, page) with slug values, the same in both languages.
A value that means nothing (year=abc, an unknown topic) is dropped and named in a
notice; it never reaches the database. The number of queries does not depend on the
number of publications: the topic, author and language facets are counted with one
aggregate query each, and the type and year facets with the result count in one more
(TypeYearCounts).

A facet counts over the publications that every filter but its own lets through. So while
no other filter and no text is chosen, its counts are those of the whole catalogue, and
those are counted once per page-cache generation (publishing, unpublishing or editing a
publication starts a new one) and kept in the shared cache: the catalogue's first view,
its later pages and other orders, and one chosen topic or type, cost no counting of the
whole catalogue (`whole_catalogue_counts`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, F, QuerySet
from django.db.models.functions import Collate
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from portal.caching.fragments import fragments
from portal.caching.generation import CACHE_SECONDS, generation
from publications import languages as language_names
from publications import search, text
from publications.models import (
    LanguageStatus,
    Organisation,
    Publication,
    PublicationAuthor,
    PublicationLanguage,
    PublicationType,
    Topic,
)

MAX_QUERY_LENGTH = 200
MIN_YEAR, MAX_YEAR = 1900, 2100

SORTS = {
    "newest": _("Newest first"),
    "oldest": _("Oldest first"),
    "title": _("Title A–Z"),  # Swedish: "Titel A–Ö", the alphabet the order follows
    "relevance": _("Relevance"),
}


def sort_label(code: str) -> str:
    return str(SORTS[code])


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
    obj: object = None
    lang: str = ""
    dir: str = ""


@dataclass
class ActiveFilter:
    name: str
    label: str
    value: str
    remove_query: str
    lang: str = ""


@dataclass
class Filters:
    q: str = ""
    terms: list[str] = field(default_factory=list)
    topic: Topic | None = None
    type: PublicationType | None = None
    author: Organisation | None = None
    language: str = ""
    year_from: int | None = None
    year_to: int | None = None
    sort: str = "newest"
    page: int = 1
    notices: list[str] = field(default_factory=list)

    def state(self) -> dict[str, str]:
        """The valid choices as query parameters, in a fixed order."""
        values = {
            "q": self.q,
            "topic": self.topic.slug if self.topic else "",
            "type": self.type.slug if self.type else "",
            "year_from": str(self.year_from) if self.year_from else "",
            "year_to": str(self.year_to) if self.year_to else "",
            "language": self.language,
            "author": self.author.slug if self.author else "",
            "sort": self.sort if self.sort != default_sort(self) else "",
        }
        return {key: value for key, value in values.items() if value}


def default_sort(filters: Filters) -> str:
    return "relevance" if filters.terms else "newest"


class Options:
    """Every topic, type and organisation, fetched once: three small queries."""

    def __init__(self):
        self.topics = {t.slug: t for t in Topic.objects.only("slug", "name_sv", "name_en")}
        self.types = {t.slug: t for t in PublicationType.objects.only("slug", "name_sv", "name_en")}
        self.authors = {o.slug: o for o in Organisation.objects.only("slug", "name_sv", "name_en")}


def _single(params, name: str) -> str:
    """The last value of a parameter (a repeated parameter does not fail)."""
    values = params.getlist(name) if hasattr(params, "getlist") else [params.get(name, "")]
    value = values[-1] if values else ""
    return value.replace("\x00", "").strip() if isinstance(value, str) else ""


def _year(params, name: str, notices: list[str]) -> int | None:
    raw = _single(params, name)
    if not raw:
        return None
    if raw.isascii() and raw.isdigit() and MIN_YEAR <= int(raw) <= MAX_YEAR:
        return int(raw)
    values = {"value": raw[:40], "min": MIN_YEAR, "max": MAX_YEAR}
    if name == "year_from":
        message = gettext(
            "“%(value)s” is not a year between %(min)s and %(max)s; “From” was ignored."
        )
    else:
        message = gettext(
            "“%(value)s” is not a year between %(min)s and %(max)s; “To” was ignored."
        )
    notices.append(message % values)
    return None


def _unknown(name: str, value: str) -> str:
    # One message per filter: Swedish nouns differ in gender (inget ämnesområde, ingen typ).
    messages = {
        "topic": gettext("There is no topic “%(value)s”; that filter was ignored."),
        "type": gettext("There is no type “%(value)s”; that filter was ignored."),
        "author": gettext("There is no author “%(value)s”; that filter was ignored."),
        "language": gettext("There is no language “%(value)s”; that filter was ignored."),
    }
    return messages[name] % {"value": value[:60]}


def parse(params, options: Options) -> Filters:
    """Validate the query string. Unknown values are dropped with a notice, never an error."""
    filters = Filters()
    notices = filters.notices

    q = _single(params, "q")
    if len(q) > MAX_QUERY_LENGTH:
        q = q[:MAX_QUERY_LENGTH]
        notices.append(
            gettext("The search text was shortened to %(max)s characters.")
            % {"max": MAX_QUERY_LENGTH}
        )
    filters.q = q
    filters.terms = text.search_terms(q)

    for name, table in (
        ("topic", options.topics),
        ("type", options.types),
        ("author", options.authors),
    ):
        slug = _single(params, name)
        if not slug:
            continue
        if slug in table:
            setattr(filters, name, table[slug])
        else:
            notices.append(_unknown(name, slug))

    language = _single(params, "language")
    if language:
        if language in language_names.NATIVE_NAMES:
            filters.language = language
        else:
            notices.append(_unknown("language", language))

    filters.year_from = _year(params, "year_from", notices)
    filters.year_to = _year(params, "year_to", notices)
    if filters.year_from and filters.year_to and filters.year_from > filters.year_to:
        filters.year_from, filters.year_to = filters.year_to, filters.year_from

    sort = _single(params, "sort")
    if sort in SORTS and (sort != "relevance" or filters.terms):
        filters.sort = sort
    else:
        if sort and sort != "relevance":
            notices.append(
                gettext("Unknown sort order “%(value)s”; the default was used.")
                % {"value": sort[:40]}
            )
        filters.sort = default_sort(filters)

    raw_page = _single(params, "page")
    if raw_page:
        if raw_page.isascii() and raw_page.isdigit() and len(raw_page) < 10 and int(raw_page) > 0:
            filters.page = int(raw_page)
        else:
            notices.append(
                gettext("“%(value)s” is not a page number; showing the first page.")
                % {"value": raw_page[:40]}
            )
    return filters


def apply(queryset: QuerySet, filters: Filters, *, skip: Collection[str] = ()) -> QuerySet:
    """The queryset narrowed by every filter except those named in `skip` (for a facet's
    counts).

    The text is not among them: Catalogue.base is already narrowed to it.
    """
    if filters.topic and "topic" not in skip:
        queryset = queryset.filter(topics=filters.topic)
    if filters.type and "type" not in skip:
        queryset = queryset.filter(publication_type=filters.type)
    if filters.author and "author" not in skip:
        queryset = queryset.filter(author_links__organisation=filters.author)
    if filters.language and "language" not in skip:
        queryset = queryset.filter(
            language_versions__language=filters.language,
            language_versions__status=LanguageStatus.AVAILABLE,
        )
    if "year" not in skip:
        if filters.year_from:
            queryset = queryset.filter(year__gte=filters.year_from)
        if filters.year_to:
            queryset = queryset.filter(year__lte=filters.year_to)
    return queryset


def sort_key_column(language: str):
    column = F(f"sort_key_{language}")
    if connection.vendor == "postgresql":
        # Byte order of the stored key is the alphabetical order (publications.text).
        return Collate(column, "C")
    return column  # SQLite compares text byte by byte (BINARY) already


def ordered(
    queryset: QuerySet,
    filters: Filters,
    language: str,
    text: search.TextMatches | None = None,
) -> QuerySet:
    title = sort_key_column(language)
    if filters.sort == "relevance" and text is not None:
        # The more of the words in the title, the higher; then the newest.
        return queryset.annotate(score=text.title_score()).order_by(
            "-score", "-year", title.asc(), "pk"
        )
    if filters.sort == "oldest":
        return queryset.order_by("year", title.asc(), "pk")
    if filters.sort == "title":
        return queryset.order_by(title.asc(), "-year", "pk")
    return queryset.order_by("-year", title.asc(), "pk")


class TypeYearCounts:
    """How many publications have each (type, year), counted without the type and year
    filters, so that three figures come from one grouped query instead of three:

    - the result count: the pairs that pass both filters;
    - the type facet ("if you chose this type"): the pairs that pass the year filter;
    - the year facet: the pairs that pass the type filter.

    Type and year are columns of the publication itself, so each publication is in
    exactly one pair and the sums are exact.
    """

    def __init__(self, rows, filters: Filters):
        self.rows: list[tuple[int | None, int, int]] = list(rows)
        self.filters = filters

    def _type_ok(self, type_id: int | None) -> bool:
        return self.filters.type is None or type_id == self.filters.type.pk

    def _year_ok(self, year: int) -> bool:
        f = self.filters
        return (f.year_from is None or year >= f.year_from) and (
            f.year_to is None or year <= f.year_to
        )

    def total(self) -> int:
        return sum(n for t, y, n in self.rows if self._type_ok(t) and self._year_ok(y))

    def by_type(self) -> dict[int | None, int]:
        counts: Counter = Counter()
        for type_id, year, n in self.rows:
            if self._year_ok(year):
                counts[type_id] += n
        return dict(counts)

    def by_year(self) -> dict[int, int]:
        counts: Counter = Counter()
        for type_id, year, n in self.rows:
            if self._type_ok(type_id):
                counts[year] += n
        return dict(counts)


def whole_catalogue_counts(request=None) -> dict:
    """How many live publications have each type and year, topic, author and language
    (available): the counts of a facet while no other filter is chosen. Counted once per
    page-cache generation and kept in the shared cache (with the cache away, each time)."""
    key = f"catalogue-counts:{generation(request)}"
    counts = cache.get(key)
    if counts is None:
        live = Publication.objects.live()
        counts = {
            "type_year": list(
                live.order_by().values_list("publication_type_id", "year").annotate(n=Count("*"))
            ),
            "topic": _counts_by(Publication.topics.through, "topic_id", live),
            "author": _counts_by(PublicationAuthor, "organisation_id", live),
            "language": _counts_by(
                PublicationLanguage, "language", live, status=LanguageStatus.AVAILABLE
            ),
        }
        cache.set(key, counts, CACHE_SECONDS)
    return counts


def _counts_by(model, column: str, publications: QuerySet, **equal) -> dict:
    """How many of `publications` have each value of `column` of a related table."""
    return dict(
        model.objects.filter(publication__in=publications, **equal)
        .values_list(column)
        .annotate(n=Count("publication_id"))
    )


class CountedPaginator(Paginator):
    """A paginator told the count (TypeYearCounts has it: no COUNT query of its own)."""

    def __init__(self, object_list, per_page, *, count: int):
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count


def _name(obj, language: str) -> str:
    return getattr(obj, f"name_{language}", None) or obj.name_sv or obj.slug


class Catalogue:
    """One view of the catalogue: the filters from the query string, the results, the facets."""

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
        self.options = Options()
        self.filters = parse(params, self.options)
        self.base = Publication.objects.live()
        # With text: the publications that match it.
        self.text: search.TextMatches | None = None
        if self.filters.terms:
            self.base, self.text = search.narrow(self.base, self.filters.terms)
        self.per_page = per_page
        matching = apply(self.base, self.filters)
        # Sort narrow rows (ids and sort keys) and fetch whole publications for one page
        # only: sorting thousands of wide rows cost more than the extra query.
        ids = ordered(matching, self.filters, self.language, self.text).values_list("pk", flat=True)
        self.paginator = CountedPaginator(ids, per_page, count=self._type_year.total())
        self.page_obj = self._page()
        self.page_ids: list[int] = list(self.page_obj.object_list)
        if fetch_results:
            self.page_obj.object_list = self._publications(self.page_ids)

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
            for p in Publication.objects.filter(pk__in=ids).with_listing_data(
                topics=self.with_topics, organisations=False
            )
        }
        # The authors' organisations are among those the filters have read already.
        organisations = {o.pk: o for o in self.options.authors.values()}
        for publication in found.values():
            for link in publication.listed("author_links"):
                if link.organisation_id in organisations:
                    link.organisation = organisations[link.organisation_id]
        return [found[pk] for pk in ids if pk in found]

    def _page(self):
        number = self.filters.page
        if number > self.paginator.num_pages:
            if self.paginator.count:
                self.filters.notices.append(
                    gettext("There is no page %(number)s; showing the last page.")
                    % {"number": number}
                )
            number = self.paginator.num_pages
        return self.paginator.page(number)

    @property
    def count(self) -> int:
        return self.paginator.count

    def count_text(self) -> str:
        return ngettext("%(count)s publication", "%(count)s publications", self.count) % {
            "count": self.count
        }

    def state(self) -> dict[str, str]:
        return self.filters.state()

    def query(self, **changes) -> str:
        """The query string of the current view with some parameters changed (None removes)."""
        params = self.state()  # never holds "page": a changed filter starts at page 1
        for key, value in changes.items():
            if value is None or value == "":
                params.pop(key, None)
            else:
                params[key] = str(value)
        if params.get("page") == "1":
            del params["page"]
        return urlencode(params)

    def page_query(self, number: int) -> str:
        return self.query(page=number)

    # Facets -----------------------------------------------------------------------

    @cached_property
    def _type_year(self) -> TypeYearCounts:
        """The result count and the type and year facets, from one query (none while
        only the type and the year are chosen: the whole catalogue's rows are kept)."""
        if self._only_own_filter("type", "year"):
            return TypeYearCounts(self._whole["type_year"], self.filters)
        rows = (
            apply(self.base, self.filters, skip=("type", "year"))
            .order_by()
            .values_list("publication_type_id", "year")
            .annotate(n=Count("*"))
        )
        return TypeYearCounts(rows, self.filters)

    @cached_property
    def _whole(self) -> dict:
        return whole_catalogue_counts(self.request)

    def _chosen(self) -> dict[str, object]:
        f = self.filters
        return {
            "topic": f.topic,
            "type": f.type,
            "author": f.author,
            "language": f.language,
            "year": f.year_from or f.year_to,
        }

    def _only_own_filter(self, *facets: str) -> bool:
        """Whether no text and no filter is chosen but those of `facets`: their counts are
        then the whole catalogue's."""
        return not self.filters.terms and not any(
            value for name, value in self._chosen().items() if name not in facets
        )

    def _counts(self, skip: str) -> QuerySet:
        """The publications a facet counts over: all filters but its own.

        Plain COUNTs are exact: a publication has each topic, author and language at
        most once (unique constraints), so no join repeats a publication.
        """
        return apply(self.base, self.filters, skip=(skip,))

    def _related_counts(self, skip: str, model, column: str, **equal) -> dict:
        """For a table related to the publications (topics, authors, languages): how many
        of the publications the facet counts have each value of `column`.

        On PostgreSQL, with text and no other filter than the facet's own, the matching
        ids are known: the related table is read alone, joined to those ids, without
        going back to the publications.
        """
        if self._only_own_filter(skip):
            return self._whole[skip]
        others = {name: value for name, value in self._chosen().items() if name != skip}
        if self.text is not None and connection.vendor == "postgresql" and not any(others.values()):
            return self.text.counts_in(model, column, **equal)
        return _counts_by(model, column, self._counts(skip), **equal)

    def topic_options(self) -> list[Option]:
        counts = self._related_counts("topic", Publication.topics.through, "topic_id")
        return self._named_options(self.options.topics, counts, self.filters.topic, "topic")

    def type_options(self) -> list[Option]:
        counts = self._type_year.by_type()
        return self._named_options(self.options.types, counts, self.filters.type, "type")

    def author_options(self) -> list[Option]:
        counts = self._related_counts("author", PublicationAuthor, "organisation_id")
        return self._named_options(self.options.authors, counts, self.filters.author, "author")

    def _named_options(self, table, counts, selected, name) -> list[Option]:
        options = [
            Option(
                value=obj.slug,
                label=_name(obj, self.language),
                count=counts.get(obj.pk, 0),
                selected=obj == selected,
                obj=obj,
                lang="sv" if not getattr(obj, f"name_{self.language}", None) else "",
            )
            for obj in table.values()
        ]
        key = text.SORT_KEYS.get(self.language, text.sort_key_en)
        options.sort(key=lambda option: key(option.label))
        # Only what leads somewhere, and what is chosen.
        return [option for option in options if option.count or option.selected]

    def language_options(self) -> list[Option]:
        counts = self._related_counts(
            "language", PublicationLanguage, "language", status=LanguageStatus.AVAILABLE
        )
        codes = set(counts) | ({self.filters.language} if self.filters.language else set())
        return [
            Option(
                value=code,
                label=language_names.native_name(code),
                count=counts.get(code, 0),
                selected=code == self.filters.language,
                lang=code,
                dir=language_names.direction(code),
            )
            for code in sorted(codes, key=lambda c: language_names.ORDER.get(c, 999))
        ]

    def year_options(self) -> list[Option]:
        counts = self._type_year.by_year()
        chosen = {self.filters.year_from, self.filters.year_to} - {None}
        return [
            Option(value=str(year), label=str(year), count=counts.get(year, 0), selected=False)
            for year in sorted(set(counts) | chosen, reverse=True)
        ]

    def sort_options(self) -> list[Option]:
        codes = ["newest", "oldest", "title"] + (["relevance"] if self.filters.terms else [])
        return [
            Option(value=code, label=sort_label(code), count=0, selected=code == self.filters.sort)
            for code in codes
        ]

    def facets(self) -> dict[str, list[Option]]:
        return {
            "topic": self.topic_options(),
            "type": self.type_options(),
            "year": self.year_options(),
            "language": self.language_options(),
            "author": self.author_options(),
        }

    def active_filters(self) -> list[ActiveFilter]:
        f = self.filters
        active = []
        if f.q:
            active.append(ActiveFilter("q", gettext("Search"), f"“{f.q}”", self.query(q=None)))
        if f.topic:
            active.append(
                ActiveFilter(
                    "topic", gettext("Topic"), _name(f.topic, self.language), self.query(topic=None)
                )
            )
        if f.type:
            active.append(
                ActiveFilter(
                    "type", gettext("Type"), _name(f.type, self.language), self.query(type=None)
                )
            )
        if f.year_from:
            active.append(
                ActiveFilter(
                    "year_from", gettext("From year"), str(f.year_from), self.query(year_from=None)
                )
            )
        if f.year_to:
            active.append(
                ActiveFilter(
                    "year_to", gettext("To year"), str(f.year_to), self.query(year_to=None)
                )
            )
        if f.language:
            active.append(
                ActiveFilter(
                    "language",
                    gettext("Available in"),
                    language_names.native_name(f.language),
                    self.query(language=None),
                    lang=f.language,
                )
            )
        if f.author:
            active.append(
                ActiveFilter(
                    "author",
                    gettext("Author"),
                    _name(f.author, self.language),
                    self.query(author=None),
                )
            )
        return active
