"""The publications the chosen filters let through, in the order asked for."""

from __future__ import annotations

from collections.abc import Collection

from django.db import connection
from django.db.models import F, QuerySet
from django.db.models.functions import Collate

from publications import search
from publications.catalogue.form import Filters
from publications.models.inlines import LanguageStatus


def apply(queryset: QuerySet, filters: Filters, *, skip: Collection[str] = ()) -> QuerySet:
    """The queryset narrowed by every filter except those named in `skip` (for a facet's
    counts).

    The text is not among them: Catalogue.base is already narrowed to it.
    """
    if filters.topic and "topic" not in skip:
        queryset = queryset.filter(topics=filters.topic)
    if filters.type and "type" not in skip:
        queryset = queryset.filter(publication_type=filters.type)
    if filters.author and "author" not in skip:
        queryset = queryset.filter(author_links__organisation=filters.author)
    if filters.language and "language" not in skip:
        queryset = queryset.filter(
            language_versions__language=filters.language,
            language_versions__status=LanguageStatus.AVAILABLE,
        )
    if "year" not in skip:
        if filters.year_from:
            queryset = queryset.filter(year__gte=filters.year_from)
        if filters.year_to:
            queryset = queryset.filter(year__lte=filters.year_to)
    return queryset


def sort_key_column(language: str):
    column = F(f"sort_key_{language}")
    if connection.vendor == "postgresql":
        # Byte order of the stored key is the alphabetical order (publications.text).
        return Collate(column, "C")
    return column  # SQLite compares text byte by byte (BINARY) already


def ordered(
    queryset: QuerySet,
    filters: Filters,
    language: str,
    text: search.TextMatches | None = None,
) -> QuerySet:
    title = sort_key_column(language)
    if filters.sort == "relevance" and text is not None:
        # The more of the words in the title, the higher; then the newest.
        return queryset.annotate(score=text.title_score()).order_by(
            "-score", "-year", title.asc(), "pk"
        )
    if filters.sort == "oldest":
        return queryset.order_by("year", title.asc(), "pk")
    if filters.sort == "title":
        return queryset.order_by(title.asc(), "-year", "pk")
    return queryset.order_by("-year", title.asc(), "pk")
