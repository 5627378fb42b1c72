"""Turn text into the terms the index stores and a query into the terms it looks for."""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

from simplemma import Lemmatizer
from simplemma.strategies import DefaultStrategy
from simplemma.strategies.dictionaries import LOW_MEMORY_DICTIONARY_FACTORY

_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_WORD = 60
MAX_QUERY_TERMS = 8

# simplemma's streaming dictionaries: the same lemmas as its default in-memory dicts, at
# about 15 MB per process instead of about 120 MB for Swedish and English (measured;
# docs/performance.md), for some 30 µs per first lookup of a word.
_LEMMATIZER = Lemmatizer(
    lemmatization_strategy=DefaultStrategy(dictionary_factory=LOW_MEMORY_DICTIONARY_FACTORY)
)

# Words too common to tell documents apart. Kept short on purpose.
STOPWORDS = {
    "sv": {
        "och",
        "i",
        "att",
        "det",
        "som",
        "en",
        "på",
        "är",
        "av",
        "för",
        "med",
        "till",
        "den",
        "har",
        "de",
        "inte",
        "om",
        "ett",
        "men",
        "var",
        "jag",
        "så",
        "man",
        "vid",
        "kan",
        "du",
        "vi",
        "eller",
        "hur",
        "när",
        "sig",
        "sin",
        "ska",
        "från",
        "han",
        "hon",
        "dem",
        "där",
        "här",
        "även",
        "också",
    },
    "en": {
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "in",
        "on",
        "to",
        "for",
        "with",
        "by",
        "at",
        "from",
        "is",
        "are",
        "was",
        "were",
        "be",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "as",
        "how",
        "what",
        "who",
        "can",
        "you",
        "your",
        "we",
        "our",
    },
}


# Question words and fillers: kept as terms (every-word matching still requires them when
# it finds something), but when it finds nothing, an entry is ranked by how many of the
# other terms it matches (portal.search.query).
FILLERS = {
    "sv": {
        "vilket",
        "vilken",
        "vilka",
        "vad",
        "vem",
        "vems",
        "var",
        "vart",
        "varför",
        "hur",
        "när",
        "kontakta",
        "göra",
        "gör",
        "får",
        "måste",
        "bör",
        "behöver",
        "vill",
        "mig",
        "min",
        "mitt",
        "mina",
        "oss",
        "vår",
        "någon",
        "något",
        "några",
        "det",
        "finns",
        "kan",
        "ska",
        "skulle",
        "jag",
        "man",
        "vara",
        "blir",
        "bli",
        "om",
        "vid",
        "för",
        "till",
        "med",
        "ett",
        "en",
        "som",
    },
    "en": {
        "who",
        "whom",
        "whose",
        "what",
        "which",
        "where",
        "when",
        "why",
        "how",
        "do",
        "does",
        "did",
        "i",
        "me",
        "my",
        "mine",
        "us",
        "should",
        "could",
        "would",
        "may",
        "might",
        "must",
        "will",
        "shall",
        "about",
        "there",
        "any",
        "anyone",
        "someone",
        "something",
        "get",
        "need",
        "if",
        "have",
        "has",
        "be",
        "is",
        "am",
        "can",
        "whether",
        "think",
        "tell",
        "know",
        "find",
    },
}


def is_filler(word: str, language: str) -> bool:
    return word in FILLERS.get(language, ()) or word in STOPWORDS.get(language, ())


def plain_text(value: str | None) -> str:
    """Rich text or HTML as plain text (tags become spaces, entities characters)."""
    if not value:
        return ""
    text = html.unescape(_TAG.sub(" ", str(value)))
    return " ".join(unicodedata.normalize("NFC", text).split())


def words(text: str) -> list[str]:
    return [w[:MAX_WORD] for w in _WORD.findall(unicodedata.normalize("NFC", text).casefold())]


@lru_cache(maxsize=50_000)
def lemma(word: str, language: str) -> str:
    if not word.isalpha():
        return word  # codes, numbers, words joined by "_": kept as written
    try:
        return _LEMMATIZER.lemmatize(word, lang=language).casefold()
    except (ValueError, KeyError):
        return word


def terms(text: str, language: str) -> list[str]:
    """Each word of `text` and its lemma, once each, in order of appearance.

    Stored in the inverted index (SearchPosting); a query term matches a stored term
    that contains it (inside a word too, which finds compound parts: "handel" in
    "människohandel").
    """
    seen: dict[str, None] = {}
    for word in words(text):
        seen.setdefault(word, None)
        seen.setdefault(lemma(word, language), None)
    return list(seen)


def query_terms(query: str, language: str) -> list[tuple[str, str]]:
    """(word, lemma) pairs of a visitor's query, stopwords and duplicates left out."""
    found: dict[str, str] = {}
    for word in words(query.replace("\x00", " ")):
        if word in STOPWORDS.get(language, ()) or not word.strip("_"):
            continue
        found.setdefault(word, lemma(word, language))
    return list(found.items())[:MAX_QUERY_TERMS]
