"""The numbers beside each option of the catalogue's filters.

A facet counts over the publications that every filter but its own lets through. The
number of queries does not depend on the number of publications: the topic, author and
language facets are counted together in one query (a UNION ALL of one aggregate each,
`related_counts`), and the type and year facets with the result count in one more
(TypeYearCounts).

While no other filter and no text is chosen, a facet's counts are those of the whole
catalogue, and those are counted once per page-cache generation (publishing,
unpublishing or editing a publication starts a new one) and kept in the shared cache:
the catalogue's first view, its later pages and other orders, and one chosen topic or
type, cost no counting of the whole catalogue (`whole_catalogue_counts`).
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import CharField, Count, QuerySet, Value
from django.db.models.functions import Cast
from django.utils.functional import cached_property

from portal.caching.generation import kept
from publications import languages as language_names
from publications import text
from publications.catalogue.form import Filters, sort_label
from publications.catalogue.query import apply
from publications.models.inlines import LanguageStatus, PublicationAuthor, PublicationLanguage
from publications.models.publication import Publication


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
    obj: object = None
    lang: str = ""
    dir: str = ""


@functools.lru_cache(maxsize=2048)
def label_key(language: str, label: str) -> str:
    """An option's place in the language's alphabet; the labels are few, and sorted on
    every view of the catalogue."""
    return text.SORT_KEYS.get(language, text.sort_key_en)(label)


def display_name(obj, language: str) -> str:
    """A topic's, type's or organisation's name in `language`, else Swedish, else its slug."""
    return getattr(obj, f"name_{language}", None) or obj.name_sv or obj.slug


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


@dataclass(frozen=True)
class Related:
    """A table related to the publications whose values a facet counts."""

    model: type
    column: str
    equal: dict = field(default_factory=dict)  # conditions on its rows
    numeric: bool = True

    def key(self, value: str):
        """A value as the facet knows it (counts come back as text, see counts_of)."""
        return int(value) if self.numeric else value


RELATED = {
    "topic": Related(Publication.topics.through, "topic_id"),
    "author": Related(PublicationAuthor, "organisation_id"),
    "language": Related(
        PublicationLanguage, "language", {"status": LanguageStatus.AVAILABLE}, numeric=False
    ),
}


def counts_of(name: str, publications: QuerySet) -> QuerySet:
    """Rows (facet name, value as text, count) for how many of `publications` have each
    value of the facet's related table: as text, so that facets can be counted together
    (a UNION's columns have one type)."""
    related = RELATED[name]
    return (
        related.model.objects.filter(publication__in=publications, **related.equal)
        .annotate(facet=Value(name), value=Cast(related.column, CharField()))
        .order_by()
        .values_list("facet", "value")
        .annotate(n=Count("publication_id"))
    )


def related_counts(publications: dict[str, QuerySet]) -> dict[str, dict]:
    """For each facet named, how many of its publications have each value: one query."""
    parts = [counts_of(name, queryset) for name, queryset in publications.items()]
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    found: dict[str, dict] = {name: {} for name in publications}
    for name, value, n in rows:
        found[name][RELATED[name].key(value)] = n
    return found


def whole_catalogue_counts(request=None) -> dict:
    """How many live publications have each type and year, topic, author and language
    (available): the counts of a facet while no other filter is chosen. Counted once per
    page-cache generation and kept in the shared cache (with the cache away, each time)."""
    return kept("catalogue-counts", _whole_catalogue_counts, request)


def _whole_catalogue_counts() -> dict:
    live = Publication.objects.live()
    return {
        "type_year": list(
            live.order_by().values_list("publication_type_id", "year").annotate(n=Count("*"))
        ),
        **related_counts(dict.fromkeys(RELATED, live)),
    }


class Facets:
    """The facets of one view of the catalogue (mixed into Catalogue, which gives it
    `filters`, `options`, `base`, `text`, `language` and `request`)."""

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

    @cached_property
    def _related(self) -> dict[str, dict]:
        """For the tables related to the publications (topics, authors, languages): how
        many of the publications each facet counts (all filters but its own) have each
        value, all facets in one query.

        Plain COUNTs are exact: a publication has each topic, author and language at
        most once (unique constraints), so no join repeats a publication. On
        PostgreSQL, with text and no other filter, the matching ids are known: the
        related tables are read alone, joined to those ids, without going back to the
        publications.
        """
        counts = {name: self._whole[name] for name in RELATED if self._only_own_filter(name)}
        todo = [name for name in RELATED if name not in counts]
        if not todo:
            return counts
        if (
            self.text is not None
            and connection.vendor == "postgresql"
            and not any(self._chosen().values())
        ):
            counts.update(self.text.counts_in({name: RELATED[name] for name in todo}))
        else:
            counts.update(
                related_counts(
                    {name: apply(self.base, self.filters, skip=(name,)) for name in todo}
                )
            )
        return counts

    def topic_options(self) -> list[Option]:
        counts = self._related["topic"]
        return self._named_options(self.options.topics, counts, self.filters.topic)

    def type_options(self) -> list[Option]:
        counts = self._type_year.by_type()
        return self._named_options(self.options.types, counts, self.filters.type)

    def author_options(self) -> list[Option]:
        counts = self._related["author"]
        return self._named_options(self.options.authors, counts, self.filters.author)

    def _named_options(self, table, counts, selected) -> list[Option]:
        options = [
            Option(
                value=obj.slug,
                label=display_name(obj, self.language),
                count=counts.get(obj.pk, 0),
                selected=obj == selected,
                obj=obj,
                lang="sv" if not getattr(obj, f"name_{self.language}", None) else "",
            )
            for obj in table.values()
        ]
        options.sort(key=lambda option: label_key(self.language, option.label))
        # Only what leads somewhere, and what is chosen.
        return [option for option in options if option.count or option.selected]

    def language_options(self) -> list[Option]:
        counts = self._related["language"]
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
