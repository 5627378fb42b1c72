"""The SQL that ranks and matches entries on the search index's postings.

Read by portal.search.query: one grouped pass over the postings of the terms' words
(their index only), the same on PostgreSQL and SQLite.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from portal.search.models import SearchPosting

# The table the SQL reads, by the model's own name for it.
POSTINGS = SearchPosting._meta.db_table

# A term's weight in an entry: a whole word in the title, a part of a title word, a whole
# word in the body, a part of a body word.
TITLE_WORD, TITLE_PART, BODY_WORD, BODY_PART = 8, 6, 2, 1


@dataclass
class Term:
    word: str
    variants: list[str]
    corrected: str = ""
    filler: bool = False  # a question or filler word: not counted in partial matches
    # The vocabulary words the term matches: id → whether the word is a variant itself
    # (a whole-word match) rather than a word containing one (a compound part).
    words: dict[int, bool] = field(default_factory=dict)


def _placeholders(values: list) -> str:
    return ", ".join(["%s"] * len(values))


def scores_sql(terms: list[Term]) -> tuple[str, list]:
    """SQL giving (entry_id, score, title_length, matched, content, content_terms) for
    the entries matching any term: matched is how many of the terms the entry matches,
    content how many of the terms that are not filler words, content_terms which of
    those (bit k for the k-th such term).

    A term's score in an entry is its best posting: a whole word in the title, a part
    of a title word, a whole word in the body, a part of a body word; the entry's score
    is the sum over the terms. One pass over the postings of all the terms' words,
    grouped by entry (only the postings' index is read).
    """
    weights, weight_params, all_ids = [], [], []
    single = len(terms) == 1
    for term in terms:
        # A term without words matches nothing; the query still runs (one query per page,
        # whatever the words).
        ids = list(term.words) or [0]
        exact = [pk for pk, whole in term.words.items() if whole] or [0]
        weight = (
            f"CASE WHEN word_id IN ({_placeholders(exact)})"
            f" THEN CASE WHEN in_title THEN {TITLE_WORD} ELSE {BODY_WORD} END"
            f" ELSE CASE WHEN in_title THEN {TITLE_PART} ELSE {BODY_PART} END END"
        )
        if single:  # every posting read is one of this term's
            weights.append(f"MAX({weight})")
            weight_params += exact
        else:
            weights.append(f"MAX(CASE WHEN word_id IN ({_placeholders(ids)}) THEN {weight} END)")
            weight_params += [*ids, *exact]
        all_ids += ids
    all_ids = list(dict.fromkeys(all_ids))
    if single:
        return (
            f"SELECT entry_id, {weights[0]} AS score, MIN(title_length) AS title_length,"
            f" 1 AS matched, 1 AS content, 1 AS content_terms FROM {POSTINGS}"
            f" WHERE word_id IN ({_placeholders(all_ids)}) GROUP BY entry_id",
            [*weight_params, *all_ids],
        )
    present = [f"CASE WHEN {weight} IS NULL THEN 0 ELSE 1 END" for weight in weights]
    content = [p for p, term in zip(present, terms, strict=True) if not term.filler] or ["0"]
    content_params = [pk for term in terms if not term.filler for pk in _weight_params(term)]
    bits = [f"{2**k} * {p}" for k, p in enumerate(content)]
    sql = (
        f"SELECT entry_id, {' + '.join(f'COALESCE({w}, 0)' for w in weights)} AS score,"
        f" MIN(title_length) AS title_length, {' + '.join(present)} AS matched,"
        f" {' + '.join(content)} AS content, {' + '.join(bits)} AS content_terms"
        f" FROM {POSTINGS} WHERE word_id IN ({_placeholders(all_ids)})"
        " GROUP BY entry_id"
    )
    return sql, [*weight_params, *weight_params, *content_params, *content_params, *all_ids]


def _weight_params(term: Term) -> list:
    ids = list(term.words) or [0]
    exact = [pk for pk, whole in term.words.items() if whole] or [0]
    return [*ids, *exact]


def matches_sql(terms: list[Term]) -> tuple[str, list]:
    """SQL giving (entry_id, title_terms) for the entries matching every term, unranked:
    title_terms is how many of the terms occur in the entry's title. For filters, which
    need the matching set, not its order."""
    presences, titles, params, all_ids = [], [], [], []
    for term in terms:
        ids = list(term.words) or [0]
        presences.append(f"MAX(CASE WHEN word_id IN ({_placeholders(ids)}) THEN 1 END)")
        titles.append(
            f"MAX(CASE WHEN in_title AND word_id IN ({_placeholders(ids)}) THEN 1 ELSE 0 END)"
        )
        params.append(ids)
        all_ids += ids
    all_ids = list(dict.fromkeys(all_ids))
    flat = [pk for ids in params for pk in ids]
    sql = (
        f"SELECT entry_id, {' + '.join(titles)} AS title_terms FROM {POSTINGS}"
        f" WHERE word_id IN ({_placeholders(all_ids)}) GROUP BY entry_id"
    )
    if len(terms) == 1:  # every posting read is the term's
        return sql, [*flat, *all_ids]
    sql += f" HAVING {' AND '.join(f'{presence} IS NOT NULL' for presence in presences)}"
    return sql, [*flat, *all_ids, *flat]
