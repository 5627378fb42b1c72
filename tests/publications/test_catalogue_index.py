"""The catalogue's index (publications.catalogue.index) holds what the database holds: each
facet's counts (for the whole catalogue and under other filters) and each order of the
live publications, checked against the database's own grouping and ordering, on the
sample catalogue and on 120 generated publications."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.models import Count, F
from django.db.models.functions import Collate

from publications.catalogue import index
from publications.models import Publication, PublicationAuthor, PublicationLanguage
from publications.models.inlines import LanguageStatus
from tests.factories.catalogue import generate
from tests.publications.catalogue_helpers import SV, facet_labels, get, option_count

pytestmark = pytest.mark.django_db


def database_counts() -> dict[str, dict]:
    live = Publication.objects.live()

    def grouped(queryset, column: str) -> dict:
        rows = queryset.order_by().values_list(column).annotate(n=Count("*"))
        return dict(rows)

    return {
        "type": grouped(live, "publication_type_id"),
        "year": grouped(live, "year"),
        "topic": grouped(
            Publication.topics.through.objects.filter(publication__live=True), "topic_id"
        ),
        "author": grouped(
            PublicationAuthor.objects.filter(publication__live=True), "organisation_id"
        ),
        "language": grouped(
            PublicationLanguage.objects.filter(
                publication__live=True, status=LanguageStatus.AVAILABLE
            ),
            "language",
        ),
    }


def title(language: str):
    column = F(f"sort_key_{language}")
    # The stored key's byte order is the alphabet's (publications.text).
    return Collate(column, "C") if connection.vendor == "postgresql" else column


def database_order(sort: str, language: str) -> list[int]:
    orders = {
        "newest": ("-year", title(language).asc(), "pk"),
        "oldest": ("year", title(language).asc(), "pk"),
        "title": (title(language).asc(), "-year", "pk"),
    }
    return list(Publication.objects.live().order_by(*orders[sort]).values_list("pk", flat=True))


def check_against_database(built: index.Index) -> None:
    for name, counts in database_counts().items():
        assert built.counts(name, built.everything) == counts, name
    for sort in index.SORTS:
        for language in ("sv", "en"):
            everything = built.ordered(built.everything, sort, language)
            assert everything[0 : len(everything)] == database_order(sort, language)


def test_the_sample_catalogues_index_is_the_database(sample):
    unpublished = sample["valdsutsatta-kvinnor"]
    unpublished.unpublish()
    built = index.build()
    check_against_database(built)
    assert not built.includes(unpublished.pk, built.everything)
    assert built.everything.bit_count() == Publication.objects.live().count() > 5


def test_a_generated_catalogues_index_is_the_database_and_pages_through_it(sample):
    generate(120, seed=7)
    built = index.build()
    check_against_database(built)

    newest = database_order("newest", "sv")
    listed = built.ordered(built.everything, "newest", "sv")
    assert len(listed) == len(newest) > 120
    assert listed[40:60] == newest[40:60]  # a page in the middle
    assert listed[len(newest) - 3 : len(newest) + 20] == newest[-3:]  # the last, short page
    assert listed[-1] == newest[-1]
    assert listed[-len(newest)] == newest[0]
    assert listed[::-1][:3] == newest[::-1][:3]
    with pytest.raises(IndexError):
        listed[-len(newest) - 1]
    with pytest.raises(IndexError):
        listed[len(newest)]


@pytest.mark.parametrize("every", [3, 40])  # a third of the catalogue; a few (sorted apart)
def test_relevance_lists_each_level_in_the_newest_order(sample, every):
    generate(120, seed=3)
    built = index.build()
    newest = database_order("newest", "en")
    best, rest = set(newest[::every]), set(newest) - set(newest[::every])
    listed = built.ordered(
        built.everything, "relevance", "en", [built.of_pks(best), built.of_pks(rest)]
    )
    assert listed[0 : len(listed)] == [pk for pk in newest if pk in best] + [
        pk for pk in newest if pk in rest
    ]


def counted_in_the_database(params: dict[str, str], skip: str) -> dict[str, int]:
    """What facet `skip` counts for the view `params`, counted by the database: the live
    publications every other chosen filter lets through, grouped by the facet's values."""
    live = Publication.objects.live()
    if "topic" in params and skip != "topic":
        live = live.filter(topics__slug=params["topic"])
    if "type" in params and skip != "type":
        live = live.filter(publication_type__slug=params["type"])
    if "author" in params and skip != "author":
        live = live.filter(author_links__organisation__slug=params["author"])
    if "language" in params and skip != "language":
        live = live.filter(
            language_versions__language=params["language"],
            language_versions__status=LanguageStatus.AVAILABLE,
        )
    if skip != "year":
        live = live.filter(
            year__gte=params.get("year_from", 0), year__lte=params.get("year_to", 9999)
        )
    ids = live.values("pk")
    rows = {
        "topic": Publication.topics.through.objects.filter(publication__in=ids).values_list(
            "topic__slug"
        ),
        "type": Publication.objects.filter(pk__in=ids).values_list("publication_type__slug"),
        "author": PublicationAuthor.objects.filter(publication__in=ids).values_list(
            "organisation__slug"
        ),
        "language": PublicationLanguage.objects.filter(
            publication__in=ids, status=LanguageStatus.AVAILABLE
        ).values_list("language"),
        "year": Publication.objects.filter(pk__in=ids).values_list("year"),
    }[skip]
    return {str(value): n for value, n in rows.order_by().annotate(n=Count("*")) if value}


@pytest.mark.parametrize(
    "params",
    [
        {"topic": "barn-och-unga"},
        {"type": "folder", "year_from": "2010", "year_to": "2020"},
        {"language": "en", "year_from": "2017"},
        {"author": "nck", "topic": "vald-i-nara-relationer"},
    ],
)
def test_each_facets_counts_under_the_other_filters_are_the_databases(client, sample, params):
    shown = facet_labels(get(client, SV, params))
    selects = {"topic": "pub-topic", "type": "pub-type", "author": "pub-author"}
    selects |= {"language": "pub-language", "year": "pub-year-from"}
    for facet, select in selects.items():
        expected = counted_in_the_database(params, skip=facet)
        counts = {value: option_count(label) for value, label in shown[select].items() if value}
        # A chosen year is offered with its count even when none has it.
        assert {value: n for value, n in counts.items() if n} == expected, facet
        assert expected  # the view lists something for every facet
