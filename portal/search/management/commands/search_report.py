"""Print search quality (recall@5, MRR) for the query set in portal/search/quality_queries.json."""

from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import connection

from portal.search.evaluation import (
    QUALITY_QUERIES,
    evaluate,
    load_queries,
    mean_reciprocal_rank,
    recall_at,
)


class Command(BaseCommand):
    help = "Report recall@5 and MRR of site search over a query set (on the current database)."

    def add_arguments(self, parser):
        parser.add_argument("--queries", type=Path, default=QUALITY_QUERIES)
        parser.add_argument("--misses", action="store_true", help="List the queries that miss.")

    def handle(self, *args, queries, misses, **options):
        outcomes = evaluate(load_queries(queries))
        self.stdout.write(
            f"{connection.vendor}: {len(outcomes)} queries, "
            f"recall@5 {recall_at(outcomes):.3f}, MRR {mean_reciprocal_rank(outcomes):.3f}"
        )
        for label in sorted({o.label for o in outcomes}):
            group = [o for o in outcomes if o.label == label]
            self.stdout.write(f"  {label:16} {len(group):3}  recall@5 {recall_at(group):.2f}")
        if misses:
            for o in outcomes:
                if o.rank is None or o.rank > 5:
                    self.stdout.write(
                        f"  MISS [{o.language}] {o.query!r} → {o.expected!r}; got {o.top}"
                    )
