"""Which index stays: Wagtail's database search backend against the portal's own, on the quality set.

    .venv/bin/python -m tools.search_decision            # SQLite (the development database)
    DATABASE_URL=postgres://… .venv/bin/python -m tools.search_decision

Run on a seeded database (`make seed`). The portal's index holds one SearchEntry per object
and language (its title and plain text). Those same texts are indexed into Wagtail's database
backend (PostgreSQL full-text search, SQLite FTS5) twice: as written, and lemmatised as the
portal analyses them (each word followed by its simplemma lemma, the query's words replaced by
theirs). Each variant runs portal/search/quality_queries.json with the "and" and the "or"
operator, in the query's language; the portal's search runs it as the site does. It prints
recall@5 and MRR for each. Everything written to Wagtail's index is rolled back.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


class _Rollback(Exception):
    pass


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    import django

    django.setup()
    from django.db import connection, transaction
    from modelsearch.abstract_models import TextIDGenericRelation
    from wagtail.search import index
    from wagtail.search.backends.database import SearchBackend
    from wagtail.search.models import IndexEntry

    from portal.search import analysis
    from portal.search.evaluation import (
        Outcome,
        evaluate,
        load_queries,
        mean_reciprocal_rank,
        recall_at,
    )
    from portal.search.models import SearchEntry

    class ComparedEntry(index.Indexed, SearchEntry):
        """The portal's entries, as Wagtail's backend would index them."""

        search_fields: list = []

        class Meta:
            proxy = True
            app_label = "search"

        def lemmatised_title(self) -> str:
            return " ".join(analysis.terms(self.title, self.language))

        def lemmatised_body(self) -> str:
            return " ".join(analysis.terms(self.body, self.language))

    # What Wagtail adds to every indexed model when the app registry is ready (the
    # PostgreSQL backend joins through it); this model came later.
    TextIDGenericRelation(IndexEntry).contribute_to_class(ComparedEntry, "index_entries")

    filters = [index.FilterField("language")]
    variants = {
        "as written": [index.SearchField("title", boost=4), index.SearchField("body"), *filters],
        "lemmatised": [
            index.SearchField("lemmatised_title", boost=4),
            index.SearchField("lemmatised_body"),
            *filters,
        ],
    }

    def lemmatised_query(query: str, language: str) -> str:
        return " ".join(lemma for _word, lemma in analysis.query_terms(query, language))

    queries = load_queries()
    entries = list(SearchEntry.objects.all())
    if not entries:
        sys.exit("The index is empty: run `make seed` (or manage.py rebuild_search_index) first.")

    def report(name: str, outcomes: list[Outcome]) -> None:
        print(
            f"  {name:48} recall@5 {recall_at(outcomes):.3f}  MRR {mean_reciprocal_rank(outcomes):.3f}"
        )

    print(f"{connection.vendor}: {len(queries)} queries, {len(entries)} entries")
    report("portal index (the site's search)", evaluate(queries))
    for variant, fields in variants.items():
        ComparedEntry.search_fields = fields
        try:
            with transaction.atomic():
                backend = SearchBackend({})
                backend.add_bulk(
                    ComparedEntry,
                    list(ComparedEntry.objects.filter(pk__in=[e.pk for e in entries])),
                )
                for operator in ("and", "or"):
                    outcomes = []
                    for language, query, label, expected in queries:
                        text = (
                            lemmatised_query(query, language) if variant == "lemmatised" else query
                        )
                        found = backend.search(
                            text,
                            ComparedEntry.objects.filter(language=language),
                            operator=operator,
                        )
                        titles = [e.title for e in found[:10]]
                        rank = next(
                            (i + 1 for i, t in enumerate(titles) if t.startswith(expected)), None
                        )
                        outcomes.append(Outcome(language, query, label, expected, rank, titles[:5]))
                    report(f"Wagtail {type(backend).__name__}, {variant}, {operator}", outcomes)
                raise _Rollback
        except _Rollback:
            pass


if __name__ == "__main__":
    main()
