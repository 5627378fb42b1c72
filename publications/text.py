"""Text normalisation for search and sorting that gives the same answer on every database.

SQLite's LIKE folds only ASCII case, and PostgreSQL's collations and text-search parser
depend on how the server was set up. So the catalogue keeps its own sort keys, written
on save, whose plain byte order is the alphabetical order of the language; and a
visitor's query is split into words here, in Python, so both databases see the same
words.
"""

from __future__ import annotations

import html
import re
import unicodedata

_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w+")
MAX_WORD_LENGTH = 100  # a tsvector lexeme must stay far below 2 kB
MAX_TERMS = 10
_NOT_WORD = re.compile(r"[^\w\s]")

# Swedish order: a–z, then å, ä, ö. Letters that Swedish sorts as others
# (æ as ä, ø as ö, ü as y) follow that rule. The three characters after "z" in ASCII
# ("{", "|", "}") keep the order under a plain byte comparison.
_SWEDISH = {"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}", "ü": "y"}
SORT_KEY_LENGTH = 255


def words(*parts: str | None) -> list[str]:
    """The distinct words of some text or rich text, casefolded, in order of appearance."""
    found: dict[str, None] = {}
    for part in parts:
        if not part:
            continue
        # Tags become spaces ("</p><p>" separates words); entities become characters.
        plain = unicodedata.normalize("NFC", html.unescape(_TAG.sub(" ", part))).casefold()
        for word in _WORD.findall(plain):
            found.setdefault(word[:MAX_WORD_LENGTH], None)
    return list(found)


def search_terms(query: str) -> list[str]:
    """The words of a visitor's query, casefolded and in NFC; at most ten."""
    return words(query.replace("\x00", " "))[:MAX_TERMS]


def _strip_accents(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _clean(text: str) -> str:
    # Punctuation does not count ("”De kan alltid hitta mig”" sorts under D).
    text = _NOT_WORD.sub(" ", unicodedata.normalize("NFC", text or "").casefold())
    return _SPACE.sub(" ", text).strip()


def sort_key_sv(text: str) -> str:
    """Swedish alphabetical order under a byte comparison: å, ä, ö after z."""
    out = []
    for char in _clean(text):
        if char in _SWEDISH:
            out.append(_SWEDISH[char])
        else:
            out.append(_strip_accents(char))
    return "".join(out)[:SORT_KEY_LENGTH]


def sort_key_en(text: str) -> str:
    """English order: accents do not count (Å sorts as A)."""
    return "".join(_strip_accents(char) for char in _clean(text))[:SORT_KEY_LENGTH]


SORT_KEYS = {"sv": sort_key_sv, "en": sort_key_en}
