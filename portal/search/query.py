"""Matching, ranking, excerpts and "Did you mean …?", the same on PostgreSQL and SQLite.

A query term matches an entry when the term or its lemma occurs in the entry's
analysed text: inflected and definite forms meet through their lemma, and a term
inside a word finds compound parts ("handel" in "människohandel"). Terms that match
nothing in the vocabulary are replaced by their nearest known words (one-letter
typos): through a trigram index on PostgreSQL, difflib on SQLite.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db import connection
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Length
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from portal.models import SearchEntry, SearchWord
from portal.search.analysis import query_terms

MIN_SUBSTRING = 3  # shorter terms match whole words only
EXCERPT_LENGTH = 240
TITLE_WORD, TITLE_PART, BODY_WORD, BODY_PART = 8, 6, 2, 1


@dataclass
class Term:
    word: str
    variants: list[str]
    corrected: str = ""


@dataclass
class SearchResults:
    query: str
    terms: list[Term] = field(default_factory=list)
    entries: QuerySet | None = None
    suggestion: str = ""

    @property
    def corrected(self) -> bool:
        return bool(self.suggestion)


def _term_q(variants: list[str]) -> Q:
    parts = []
    for variant in variants:
        if len(variant) >= MIN_SUBSTRING:
            parts += [Q(title_terms__contains=variant), Q(body_terms__contains=variant)]
        else:
            padded = f" {variant} "
            parts += [Q(title_terms__contains=padded), Q(body_terms__contains=padded)]
    return reduce(or_, parts)


def _term_score(variants: list[str]):
    whens = []
    for weight, column, padded in (
        (TITLE_WORD, "title_terms", True),
        (TITLE_PART, "title_terms", False),
        (BODY_WORD, "body_terms", True),
        (BODY_PART, "body_terms", False),
    ):
        for variant in variants:
            if not padded and len(variant) < MIN_SUBSTRING:
                continue
            needle = f" {variant} " if padded else variant
            whens.append(When(Q(**{f"{column}__contains": needle}), then=Value(weight)))
    return Case(*whens, default=Value(0), output_field=IntegerField())


def _known(variants: list[str], language: str) -> bool:
    """Whether any variant occurs in the vocabulary (one query)."""
    condition = reduce(
        or_,
        (Q(word__contains=v) if len(v) >= MIN_SUBSTRING else Q(word=v) for v in variants),
    )
    return SearchWord.objects.filter(condition, language=language).exists()


def nearest_words(word: str, language: str, limit: int = 2) -> list[str]:
    """Known words one small typo away from `word` (none for words under four letters)."""
    if len(word) < 4:
        return []
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import TrigramSimilarity

        return list(
            SearchWord.objects.filter(language=language, word__trigram_similar=word)
            .annotate(similarity=TrigramSimilarity("word", word))
            .filter(similarity__gte=0.45)
            .order_by("-similarity", "word")
            .values_list("word", flat=True)[:limit]
        )
    # SQLite: compare with the words of about the same length and the same first letter.
    candidates = SearchWord.objects.filter(language=language, word__startswith=word[0]).values_list(
        "word", flat=True
    )
    candidates = [w for w in candidates if abs(len(w) - len(word)) <= 2]
    return difflib.get_close_matches(word, candidates, n=limit, cutoff=0.8)


def search(query: str, language: str, queryset: QuerySet | None = None) -> SearchResults:
    """Entries matching every term of `query`, best first."""
    results = SearchResults(query=query)
    pairs = query_terms(query, language)
    if not pairs:
        return results
    entries = (queryset if queryset is not None else SearchEntry.objects.all()).filter(
        language=language
    )
    for word, lemma in pairs:
        variants = list(dict.fromkeys([word, lemma]))
        term = Term(word=word, variants=variants)
        # Both lookups always run, so a page's query count does not depend on the words.
        known = _known(variants, language)
        nearest = nearest_words(word, language)
        if not known and nearest:
            term.variants = nearest
            term.corrected = nearest[0]
        results.terms.append(term)
    condition = reduce(lambda a, b: a & b, (_term_q(t.variants) for t in results.terms))
    score = reduce(lambda a, b: a + b, (_term_score(t.variants) for t in results.terms))
    results.entries = (
        entries.filter(condition)
        .annotate(score=score, title_length=Length("title"))
        # Among equal scores, a shorter title is more about the words (length normalisation).
        .order_by("-score", "title_length", "title", "pk")
    )
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


def matching_ids(query: str, model, languages: list[str] | None = None) -> list[int]:
    """Primary keys of `model`'s objects whose entry in any of `languages` matches `query`.

    For filters that search both languages at once (the publications catalogue).
    """
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(model)
    base = SearchEntry.objects.filter(content_type=content_type)
    found: set[int] = set()
    for language in languages or [code for code, _name in settings.LANGUAGES]:
        results = search(query, language, queryset=base)
        if results.entries is not None:
            found.update(
                int(pk) for pk in results.entries.order_by().values_list("object_id", flat=True)
            )
    return sorted(found)
