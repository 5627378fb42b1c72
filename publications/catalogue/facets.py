"""The numbers beside each option of the catalogue's filters, counted in the catalogue's
index (publications.catalogue.index): no query, whatever the number of publications."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.utils.functional import cached_property

from publications import languages as language_names
from publications import text
from publications.catalogue.form import sort_label


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


class Facets:
    """The facets of one view of the catalogue (mixed into Catalogue, which gives it
    `filters`, `options`, `index`, `matching` (the publications the text lets through)
    and `language`).

    A facet counts over the publications that every filter but its own lets through, so
    that each option says how many its choice would show.
    """

    @cached_property
    def _chosen(self) -> dict[str, int]:
        """The publications each chosen filter lets through."""
        f, index = self.filters, self.index
        chosen = {}
        if f.topic:
            chosen["topic"] = index.of("topic", f.topic.pk)
        if f.type:
            chosen["type"] = index.of("type", f.type.pk)
        if f.author:
            chosen["author"] = index.of("author", f.author.pk)
        if f.language:
            chosen["language"] = index.of("language", f.language)
        if f.year_from or f.year_to:
            chosen["year"] = index.years(f.year_from, f.year_to)
        return chosen

    def within(self, skip: str = "") -> int:
        """The publications the text and every filter but `skip` let through."""
        found = self.matching
        for name, members in self._chosen.items():
            if name != skip:
                found &= members
        return found

    def _counts(self, name: str) -> dict:
        return self.index.counts(name, self.within(skip=name))

    def topic_options(self) -> list[Option]:
        counts = self._counts("topic")
        return self._named_options(self.options.topics, counts, self.filters.topic)

    def type_options(self) -> list[Option]:
        counts = self._counts("type")
        return self._named_options(self.options.types, counts, self.filters.type)

    def author_options(self) -> list[Option]:
        counts = self._counts("author")
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
        counts = self._counts("language")
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
        counts = self._counts("year")
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
