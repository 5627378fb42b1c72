"""The catalogue's free text: site search's matching (portal.search), over both languages.

A term finds its word forms, compound parts and one-letter typos in the title, subtitle,
description and authors, in Swedish or English; every term must match.
"""

from __future__ import annotations

from portal.search.query import matching_objects
from publications.models.publication import Publication


def by_title_terms(terms: list[str]) -> dict[int, list[int]]:
    """The publications that match the text (pks; live or not: the catalogue's index
    keeps the live ones), by how many of its terms their title holds."""
    return matching_objects(" ".join(terms), Publication)
