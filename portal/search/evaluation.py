"""Search quality: recall@5 and MRR over a set of (query, expected document) pairs."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from portal.search.query import search

# The standing query set: (language, query, what it tests, expected title prefix).
QUALITY_QUERIES = Path(__file__).with_name("quality_queries.json")


def load_queries(path: Path = QUALITY_QUERIES) -> list[tuple[str, str, str, str]]:
    return [tuple(row) for row in json.loads(path.read_text(encoding="utf-8"))["queries"]]


@dataclass
class Outcome:
    language: str
    query: str
    label: str
    expected: str
    rank: int | None  # 1-based rank of the first expected document, None if not in the top 10
    top: list[str]


def evaluate(queries, depth: int = 10) -> list[Outcome]:
    outcomes = []
    for language, query, label, expected in queries:
        results = search(query, language)
        titles = [e.title for e in (results.entries or [])[:depth]]
        rank = next((i + 1 for i, t in enumerate(titles) if t.startswith(expected)), None)
        outcomes.append(Outcome(language, query, label, expected, rank, titles[:5]))
    return outcomes


def recall_at(outcomes: list[Outcome], k: int = 5) -> float:
    return sum(1 for o in outcomes if o.rank is not None and o.rank <= k) / len(outcomes)


def mean_reciprocal_rank(outcomes: list[Outcome]) -> float:
    return sum(1 / o.rank for o in outcomes if o.rank) / len(outcomes)
