"""Every live publication's topics, type, authors, languages and year, and its place in
each order, as bit sets: what the catalogue filters, counts and sorts, in memory.

Each live publication has a bit: bit n is the publication whose primary key is n. A
filter's value is the set of bits of the publications that have it (one Python int per
value: 10,000 publications are 1.25 kB a value). Narrowing is `&`, a count is
`int.bit_count()`: a facet's counts cost a microsecond per option whatever the number of
publications or matches, where counting in SQL grew with the matches (joins of thousands
of ids to the related tables).

The index is made from four queries once per page-cache generation (publishing,
unpublishing or editing a publication, or any other change an editor makes, starts a new
one: portal.caching.invalidation) and kept in the shared cache and in each process
(`portal.caching.generation.kept_in_process`). It holds live publications only: one that
stops being live is in no index from the change's generation on.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from django.conf import settings

from portal.caching.generation import kept_in_process
from publications.models.inlines import LanguageStatus, PublicationAuthor, PublicationLanguage
from publications.models.publication import Publication

FACETS = ("topic", "type", "author", "language", "year")
SORTS = ("newest", "oldest", "title")


def bits_at(pks: Iterable[int]) -> int:
    """The set of `pks` (none negative) as one int: bit n is publication n."""
    found = bytearray()
    for pk in pks:
        byte = pk >> 3
        if byte >= len(found):
            found.extend(bytes(byte + 1 - len(found) + 64))
        found[byte] |= 1 << (pk & 7)
    return int.from_bytes(found, "little")


def members(bits: int) -> list[int]:
    """The pks in a set, in ascending order."""
    binary = bin(bits)[:1:-1]  # bit 0 first
    found, at = [], binary.find("1")
    while at >= 0:
        found.append(at)
        at = binary.find("1", at + 1)
    return found


class Index:
    """The live publications' filter values and orders (see the module's docstring)."""

    def __init__(self, rows: list[tuple], related: dict[str, Iterable[tuple[int, object]]]):
        """`rows`: (pk, type id, year, Swedish sort key, English sort key) of every live
        publication; `related`: for topic, author and language, (publication pk, value)
        pairs."""
        self.everything = bits_at(row[0] for row in rows)
        having: dict[str, dict[object, list[int]]] = {name: {} for name in FACETS}
        for pk, type_id, year, *_keys in rows:
            having["type"].setdefault(type_id, []).append(pk)
            having["year"].setdefault(year, []).append(pk)
        for name, pairs in related.items():
            for pk, value in pairs:
                having[name].setdefault(value, []).append(pk)
        self.values = {
            name: {value: bits_at(pks) & self.everything for value, pks in by_value.items()}
            for name, by_value in having.items()
        }
        # Each order as pks: "newest" is by year (newest first), then the title in the
        # language's alphabet (its stored sort key), then pk; the others likewise.
        self.orders: dict[tuple[str, str], array] = {}
        for column, (language, _name) in enumerate(settings.LANGUAGES, start=3):
            keys = {row[0]: (row[2], row[column]) for row in rows}
            by_key = {
                "newest": lambda pk, k=keys: (-k[pk][0], k[pk][1], pk),
                "oldest": lambda pk, k=keys: (k[pk][0], k[pk][1], pk),
                "title": lambda pk, k=keys: (k[pk][1], -k[pk][0], pk),
            }
            for sort, key in by_key.items():
                self.orders[(sort, language)] = array("q", sorted(keys, key=key))
        # Each publication's place in each order, by pk: a few publications are sorted
        # by it rather than found in the whole order.
        top = max((row[0] for row in rows), default=-1)
        self.ranks: dict[tuple[str, str], array] = {}
        for order_key, order in self.orders.items():
            ranks = array("q", bytes(8 * (top + 1)))
            for rank, pk in enumerate(order):
                ranks[pk] = rank
            self.ranks[order_key] = ranks

    def includes(self, pk: int, within: int) -> bool:
        """Whether publication `pk` is among `within`."""
        return pk >= 0 and bool(within >> pk & 1)

    def of(self, name: str, value) -> int:
        """The publications whose facet `name` has `value` (none when no one has it)."""
        return self.values[name].get(value, 0)

    def years(self, first: int | None, last: int | None) -> int:
        """The publications of the years from `first` to `last` (either may be open)."""
        found = 0
        for year, bits in self.values["year"].items():
            if (first is None or year >= first) and (last is None or year <= last):
                found |= bits
        return found

    def of_pks(self, pks: Iterable[int]) -> int:
        """The live publications among `pks`."""
        return bits_at(pks) & self.everything

    def counts(self, name: str, within: int) -> dict:
        """How many of the publications `within` have each value of facet `name`."""
        found = {}
        for value, bits in self.values[name].items():
            if count := (bits & within).bit_count():
                found[value] = count
        return found

    def ordered(self, within: int, sort: str, language: str, levels: Sequence[int] = ()) -> Ordered:
        """The pks of the publications `within`, in the order `sort` in `language`'s
        alphabet; with `levels` (sets of publications, best first: relevance), those of
        each level before the next, each level in the "newest" order."""
        if sort not in SORTS:
            sort = "newest"
        groups = [within & level for level in levels] if levels else [within]
        key = (sort, language)
        return Ordered(groups, self.orders[key], self.ranks[key], within.bit_count())


class Ordered(Sequence):
    """The pks of some publications in an order, read only as far as a page needs: a
    Paginator slices it."""

    # A group of fewer than a SPARSE-th of the catalogue is sorted by rank; a larger one
    # is found by walking the order, which stops at the page's end.
    SPARSE = 16

    def __init__(self, groups: list[int], order: array, ranks: array, count: int):
        self.groups, self.order, self.ranks, self._count = groups, order, ranks, count

    def __len__(self) -> int:
        return self._count

    def _pks(self) -> Iterator[int]:
        for group in self.groups:
            if not group:
                continue
            if group.bit_count() * self.SPARSE < len(self.order):
                yield from sorted(members(group), key=self.ranks.__getitem__)
                continue
            member = group.to_bytes((group.bit_length() + 7) // 8, "little")
            size = len(member)
            for pk in self.order:
                byte = pk >> 3
                if byte < size and member[byte] >> (pk & 7) & 1:
                    yield pk

    def __getitem__(self, item):
        if isinstance(item, slice):
            start, stop, step = item.indices(self._count)
            if step < 0:
                return list(islice(self._pks(), 0, self._count))[item]
            return list(islice(self._pks(), start, stop, step))
        if item < 0:
            item += self._count
        found = self[item : item + 1] if item >= 0 else []
        if not found:
            raise IndexError(item)
        return found[0]


def current(request=None) -> Index:
    """The index of the current generation (made once for it, then read from memory)."""
    return kept_in_process("catalogue-index", build, request)


def build() -> Index:
    live = Publication.objects.live()
    ids = live.values("pk")
    rows = list(
        live.order_by("pk").values_list(
            "pk",
            "publication_type_id",
            "year",
            *(f"sort_key_{code}" for code, _name in settings.LANGUAGES),
        )
    )
    related = {
        "topic": Publication.topics.through.objects.filter(publication__in=ids).values_list(
            "publication_id", "topic_id"
        ),
        "author": PublicationAuthor.objects.filter(publication__in=ids).values_list(
            "publication_id", "organisation_id"
        ),
        "language": PublicationLanguage.objects.filter(
            publication__in=ids, status=LanguageStatus.AVAILABLE
        ).values_list("publication_id", "language"),
    }
    return Index(rows, related)
