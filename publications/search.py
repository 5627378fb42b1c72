"""Free-text matching over the stored words (publications.text), alike on every database.

A term matches the start of a word, in any field and either language: "barn" finds
"barn", "barnen" and "barngrupper"; "ÅTERVÄND" finds "återvändande". Every term must
match.

On PostgreSQL the words are also kept as a tsvector (`search_words`, a column the
database computes from `search_text`) with a GIN index, so the cost of a search follows
the number of matches, not the size of the catalogue. The tsvector is built from the
words as Python split them, never by PostgreSQL's text-search parser, whose idea of a
letter depends on the server's locale. On SQLite the same test is LIKE '% term%'.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import connection
from django.db.models import BooleanField, F, Func, Q, QuerySet, Value


class WordsVector(Func):
    """The generated column's expression: PostgreSQL only; NULL elsewhere."""

    output_field = SearchVectorField()

    def __init__(self, column: str = "search_text"):
        super().__init__(F(column))

    def as_sql(self, compiler, connection, **extra):
        column_sql, params = compiler.compile(self.source_expressions[0])
        return f"array_to_tsvector(string_to_array(btrim({column_sql}), ' '))", params

    def as_sqlite(self, compiler, connection, **extra):
        return "NULL", []


class WordsStartWith(Func):
    """PostgreSQL: every term is the start of one of the stored words."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, terms: list[str], column: str = "search_words"):
        # Terms are runs of \w (publications.text.words): no quote or backslash to escape.
        query = " & ".join(f"'{term}':*" for term in terms)
        super().__init__(F(column), Value(query))

    def as_sql(self, compiler, connection, **extra):
        column_sql, column_params = compiler.compile(self.source_expressions[0])
        query_sql, query_params = compiler.compile(self.source_expressions[1])
        # A cast, not to_tsquery(): the terms are used as they are, unparsed.
        return f"{column_sql} @@ ({query_sql})::tsquery", [*column_params, *query_params]


class IdIn(Func):
    """PostgreSQL: the primary key is one of a list, sent as one array parameter.

    "id = ANY(array)" lets the planner hash the list and read the table in order; an
    IN list of thousands of parameters, or IN (SELECT unnest(...)), was slower here.
    """

    output_field = BooleanField()
    conditional = True

    def __init__(self, ids: list[int], column: str = "pk"):
        super().__init__(F(column))
        # One string, not a list: quoting thousands of numbers one by one on the client
        # (psycopg's client-side binding, Django's default) took longer than the query.
        self.ids = ",".join(str(int(pk)) for pk in ids)

    def as_sql(self, compiler, connection, **extra):
        column_sql, params = compiler.compile(self.source_expressions[0])
        return f"{column_sql} = ANY(string_to_array(%s, ',')::bigint[])", [*params, self.ids]


def matches(terms: list[str]):
    """A filter for querysets of Publication: every term starts a word of the text."""
    if connection.vendor == "postgresql":
        return WordsStartWith(terms)
    condition = Q()
    for term in terms:
        condition &= Q(search_text__contains=f" {term}")
    return condition


def narrow(queryset: QuerySet, terms: list[str]) -> tuple[QuerySet, list[int] | None]:
    """`queryset` (live publications) narrowed to those that match the text, and on
    PostgreSQL the list of their ids.

    The matching is site search's (portal.search): word forms, compound parts and
    typos, over both languages' entries. On PostgreSQL the ids are handed to the page's
    other queries (count, facets, results) as one array.
    """
    from portal.search.query import matching_ids

    ids = matching_ids(" ".join(terms), queryset.model)
    if connection.vendor != "postgresql":
        return queryset.filter(pk__in=ids), None
    return queryset.filter(IdIn(ids)), ids


def title_matches(term: str) -> Q:
    """For relevance: the term starts a word of a title or subtitle (either language)."""
    return Q(search_title__contains=f" {term}")
