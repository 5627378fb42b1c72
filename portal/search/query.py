"""Matching, ranking, excerpts and "Did you mean …?", the same on PostgreSQL and SQLite.

A query term matches an entry when the term or its lemma occurs in one of the entry's
analysed words: inflected and definite forms meet through their lemma, and a term
inside a word finds compound parts ("handel" in "människohandel"). Terms that match
nothing in the vocabulary are replaced by their nearest known words (one-letter
typos): through a trigram index on PostgreSQL, difflib on SQLite.

The index is inverted (portal.search.models.SearchPosting): a search first finds the few
vocabulary words that contain its terms, then reads those words' postings. Its cost
follows the number of matching entries, not the length or the number of texts.
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db import connection
from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from portal.search.analysis import is_filler, query_terms
from portal.search.models import SearchEntry, SearchWord
from portal.search.sql import Term, matches_sql, scores_sql

# The entries' table, by the model's own name for it.
ENTRIES = SearchEntry._meta.db_table

MIN_SUBSTRING = 3  # shorter terms match whole words only
EXCERPT_LENGTH = 240
TYPO_MIN_LENGTH = 4  # shorter words are not corrected
TRIGRAM_CUTOFF = 0.4  # PostgreSQL: similarity of a correction to the typed word
DIFFLIB_CUTOFF = 0.8  # SQLite: the same, as difflib measures it
CORRECTIONS = 2  # known words that may stand in for a typo
MAX_WORDS_PER_TERM = 300  # vocabulary words a term may stand for in the ranking query


@dataclass
class SearchResults:
    query: str
    terms: list[Term] = field(default_factory=list)
    entries: RankedEntries | None = None
    suggestion: str = ""

    @property
    def corrected(self) -> bool:
        return bool(self.suggestion)

    @property
    def partial(self) -> bool:
        """Whether the results match only some of the words (nothing matched them all)."""
        return self.entries is not None and self.entries.partial


def _vocabulary_q(variants: list[str]) -> Q:
    return reduce(
        or_,
        (Q(word__contains=v) if len(v) >= MIN_SUBSTRING else Q(word=v) for v in variants),
    )


def _lookup(terms: list[Term], language: str) -> None:
    """Fill each term's vocabulary words, correcting the terms that match none (see
    `_lookup_languages`)."""
    _lookup_languages({language: terms})


def _lookup_languages(terms: dict[str, list[Term]]) -> None:
    """Fill each term's vocabulary words in its language, correcting the terms that match
    none.

    One query for all the terms of all the languages: the words that contain a term. A
    term that matches no word in any of the languages is taken for a typo, and its
    nearest known words stand in for it: a second query finds the candidates for those
    terms only (trigram-similar words on PostgreSQL; on SQLite, words with the same first
    letter, compared with difflib). Comparing every word of the vocabulary by trigrams
    costs ten times the first query, so it is left for the searches that need it; and a
    Swedish word found in Swedish is not "corrected" to an English word like it.
    """
    asked = {language: found for language, found in terms.items() if found}
    if not asked:
        return
    condition = reduce(
        or_,
        (
            Q(language=language) & reduce(or_, (_vocabulary_q(t.variants) for t in found))
            for language, found in asked.items()
        ),
    )
    rows: dict[str, list[tuple]] = {language: [] for language in asked}
    for pk, word, language in SearchWord.objects.filter(condition).values_list(
        "pk", "word", "language"
    ):
        rows[language].append((pk, word))
    for language, found in asked.items():
        for term in found:
            _assign(term, rows[language])
    known = {term.word for found in asked.values() for term in found if term.words}
    for language, found in asked.items():
        typos = [t for t in found if t.word not in known and len(t.word) >= TYPO_MIN_LENGTH]
        if typos:
            _correct(typos, language, rows[language])


def _correct(typos: list[Term], language: str, found: list[tuple]) -> None:
    """Let the nearest known words stand in for terms that match none (one query);
    `found`: the words the terms' first query found."""
    postgres = connection.vendor == "postgresql"
    queryset = SearchWord.objects.filter(language=language)
    fields = ["pk", "word"]
    if postgres:
        from django.contrib.postgres.search import TrigramSimilarity

        condition = reduce(or_, (Q(word__trigram_similar=term.word) for term in typos))
        for number, term in enumerate(typos):
            queryset = queryset.annotate(**{f"s{number}": TrigramSimilarity("word", term.word)})
            fields.append(f"s{number}")
    else:
        condition = reduce(or_, (Q(word__startswith=term.word[0]) for term in typos))
    rows = list(queryset.filter(condition).values_list(*fields))
    for number, term in enumerate(typos):
        if postgres:
            scored = [
                (-row[2 + number], row[1]) for row in rows if row[2 + number] >= TRIGRAM_CUTOFF
            ]
            nearest = [word for _score, word in sorted(scored)[:CORRECTIONS]]
        else:
            candidates = [
                row[1]
                for row in rows
                if row[1].startswith(term.word[0]) and abs(len(row[1]) - len(term.word)) <= 2
            ]
            nearest = difflib.get_close_matches(
                term.word, candidates, n=CORRECTIONS, cutoff=DIFFLIB_CUTOFF
            )
        if not nearest:
            continue
        term.variants = nearest
        term.corrected = nearest[0]
        _assign(term, list({row[0]: row[:2] for row in [*found, *rows]}.values()))


def _assign(term: Term, rows: list[tuple]) -> None:
    """The term's words among `rows`: its variants themselves, then the words containing
    one, the shortest first (closest to the term), at most MAX_WORDS_PER_TERM in all, so
    that a very common fragment ("ing") keeps the ranking query bounded."""
    whole, parts = [], []
    for pk, word, *_similarities in rows:
        if word in term.variants:
            whole.append(pk)
        elif any(len(v) >= MIN_SUBSTRING and v in word for v in term.variants):
            parts.append((len(word), word, pk))
    term.words = dict.fromkeys(whole, True)
    for _length, _word, pk in sorted(parts)[: max(0, MAX_WORDS_PER_TERM - len(whole))]:
        term.words[pk] = False


def _stood_for(language: str) -> set[int]:
    """The entries another entry stands for in site search (a catalogue entry its resource
    page describes): one result per document. Few; one query, which splits each
    `stands_for` ("<content type id>:<object id>") and looks the object's entry up by the
    unique index on (content type, object, language)."""
    if connection.vendor == "postgresql":
        content_type = "split_part(s.stands_for, ':', 1)::integer"
        object_id = "substr(s.stands_for, strpos(s.stands_for, ':') + 1)"
    else:
        colon = "instr(s.stands_for, ':')"
        content_type = f"CAST(substr(s.stands_for, 1, {colon} - 1) AS integer)"
        object_id = f"substr(s.stands_for, {colon} + 1)"
    sql = (
        f"SELECT o.id FROM {ENTRIES} AS s JOIN {ENTRIES} AS o"
        f" ON o.content_type_id = {content_type} AND o.object_id = {object_id}"
        " AND o.language = s.language"
        # A range on the column's index, not a scan.
        " WHERE s.language = %s AND s.stands_for > ''"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [language])
        return {row[0] for row in cursor.fetchall()}


def _by_rarity(rows: list[tuple]) -> list[int]:
    """When no entry matches every word: the entries matching the rarest of the words
    that are not filler words first. Each such word counts by how few of the entries
    found have it (its inverse document frequency among them), so that in "who can
    advise me about a child who may be trafficked?" the one entry that gives advice
    comes before the many that only mention children and trafficking. Then the score,
    the shorter title and the older entry, as when all match.

    `rows`: (entry_id, matched, content_terms, score, title_length), from `scores_sql`.
    """
    found = len(rows)
    having: dict[int, int] = {}
    for _pk, _matched, terms, *_rest in rows:
        for bit in range(terms.bit_length()):
            if terms >> bit & 1:
                having[bit] = having.get(bit, 0) + 1
    rarity = {bit: math.log((found + 1) / (count + 0.5)) for bit, count in having.items()}

    def weight(terms: int) -> float:
        return sum(value for bit, value in rarity.items() if terms >> bit & 1)

    ordered = sorted(rows, key=lambda r: (-weight(r[2]), -r[3], r[4], r[0]))
    return [row[0] for row in ordered]


class RankedEntries:
    """The matching entries, best first, fetched a page at a time (for Paginator).

    Ranking reads only the postings: the ordered ids are computed once; a page then
    reads its own rows.
    """

    def __init__(self, terms: list[Term], language: str):
        self.terms = terms
        self.language = language
        self._ids: list[int] | None = None
        self.partial = False

    def ids(self) -> list[int]:
        if self._ids is None:
            self._ids = self._rank()
        return self._ids

    def _rank(self) -> list[int]:
        """Entries matching every term when there are any; else the entries matching
        some (then `partial` is set), ordered by `_by_rarity`. One query either way."""
        ranking, params = scores_sql(self.terms)
        # Entries matching every term first; among them a higher score, then a shorter
        # title (length normalisation), then the older entry, for a stable order.
        sql = (
            f"SELECT s.entry_id, s.matched, s.content_terms, s.score, s.title_length"
            f" FROM ({ranking}) AS s WHERE s.content > 0 OR s.matched = %s"
            f" ORDER BY CASE WHEN s.matched = %s THEN 1 ELSE 0 END DESC,"
            " s.score DESC, s.title_length, s.entry_id"
        )
        every = len(self.terms)
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, every, every])
            rows = cursor.fetchall()
        if rows and rows[0][1] == every:
            ranked = [row[0] for row in rows if row[1] == every]
        else:
            ranked = _by_rarity(rows)
            self.partial = bool(ranked)
        stood_for = _stood_for(self.language) if ranked else set()
        return [pk for pk in ranked if pk not in stood_for]

    def count(self) -> int:
        return len(self.ids())

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if isinstance(index, slice):
            wanted = self.ids()[index]
            found = SearchEntry.objects.in_bulk(wanted)
            return [found[pk] for pk in wanted if pk in found]
        return self[index : index + 1][0]


def _terms(query: str, language: str) -> list[Term]:
    return [
        Term(
            word=word,
            variants=list(dict.fromkeys([word, lemma])),
            filler=is_filler(word, language),
        )
        for word, lemma in query_terms(query, language)
    ]


def search(query: str, language: str) -> SearchResults:
    """Entries matching every term of `query`, best first; when none does, the entries
    matching the most of its words (`partial`)."""
    results = SearchResults(query=query)
    results.terms = _terms(query, language)
    if not results.terms:
        return results
    _lookup(results.terms, language)
    results.entries = RankedEntries(results.terms, language)
    if any(t.corrected for t in results.terms):
        results.suggestion = " ".join(t.corrected or t.word for t in results.terms)
    return results


def excerpt(text: str, terms: list[Term], length: int = EXCERPT_LENGTH) -> SafeString:
    """A window of `text` around the first match, escaped, with the matches in <mark>."""
    needles = sorted(
        {v for t in terms for v in t.variants if len(v) >= MIN_SUBSTRING}, key=len, reverse=True
    )
    if not text:
        return mark_safe("")
    if not needles:
        return mark_safe(escape(_cut(text, 0, length)))
    pattern = re.compile(r"\w*(?:" + "|".join(map(re.escape, needles)) + r")\w*", re.IGNORECASE)
    first = pattern.search(text)
    start = max(0, (first.start() if first else 0) - length // 3)
    window = _cut(text, start, length)
    out, last = [], 0
    for match in pattern.finditer(window):
        out.append(escape(window[last : match.start()]))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    out.append(escape(window[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece of text above is escaped


def _cut(text: str, start: int, length: int) -> str:
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 30 else start
    window = text[start : start + length]
    if start + length < len(text):
        space = window.rfind(" ")
        window = (window[:space] if space > length // 2 else window) + " …"
    return ("… " if start > 0 else "") + window


def matching_objects(query: str, model, languages: list[str] | None = None) -> dict[int, list[int]]:
    """The objects of `model` whose entry in any of `languages` matches `query`, by how
    many of the query's terms their title holds (the most in any language): that number →
    their primary keys.

    For filters that search both languages at once (the publications catalogue): one
    query over the vocabulary of all of them (and one more for a term that matches no
    word in any, `_lookup_languages`), then one query for the matches in all of them,
    which sends each group's keys as one string (thousands of rows cost more to fetch
    than to join).
    """
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(model)
    terms = {
        language: _terms(query, language)
        for language in languages or [code for code, _name in settings.LANGUAGES]
    }
    _lookup_languages(terms)
    parts, params = [], []
    for language, found in terms.items():
        if not found:
            continue
        matching, matches_params = matches_sql(found)
        parts.append(
            f"SELECT e.object_id, m.title_terms FROM ({matching}) AS m"
            f" JOIN {ENTRIES} AS e ON e.id = m.entry_id"
            # The language is implied by the words; it lets the join read the narrow
            # index of one model's entries in one language (search_entry_object).
            " WHERE e.content_type_id = %s AND e.language = %s"
        )
        params += [*matches_params, content_type.pk, language]
    if not parts:
        return {}
    joined = (
        "string_agg(object_id, ',')"
        if connection.vendor == "postgresql"
        else "group_concat(object_id, ',')"
    )
    sql = (
        f"SELECT title_terms, {joined} FROM (SELECT object_id, MAX(title_terms) AS title_terms"
        " FROM (" + " UNION ALL ".join(parts) + ") AS found GROUP BY object_id) AS best"
        " GROUP BY title_terms"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {
            int(title_terms): [int(pk) for pk in pks.split(",")]
            for title_terms, pks in cursor.fetchall()
        }
