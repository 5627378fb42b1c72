"""What the catalogue keeps between views, per page-cache generation: each result's HTML
per publication and language (Catalogue.results_html) and the index its filters, counts
and orders come from (catalogue.index); an edit is seen at once. Each test builds the small
catalogue of tests/factories/sample_catalogue.py (`sample`).

The query counts are upper bounds: an upgrade of Django or Wagtail may save a query."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from publications.models import Publication
from tests.factories import PublicationFactory, TopicFactory
from tests.publications.catalogue_helpers import (
    EN,
    SV,
    facet_labels,
    get,
    option_count,
    option_labels,
    result_slugs,
    result_titles,
    results,
)

pytestmark = pytest.mark.django_db


def test_a_result_drawn_before_is_the_same_and_costs_no_queries_of_its_own(client, sample):
    # The page's route and layout, and the whole catalogue's counts; no results.
    assert not results(get(client, SV, {"year_from": "2100"}))
    with CaptureQueriesContext(connection) as drawn:
        first = get(client, SV, {"topic": "vald-i-nara-relationer"})
    with CaptureQueriesContext(connection) as kept:  # the same results, in another order
        again = get(client, SV, {"topic": "vald-i-nara-relationer", "sort": "title"})
    # The results and their authors, editions and language versions are not fetched again.
    assert len(kept) <= len(drawn) - 4
    assert len(results(first)) == len(sample.with_topic("vald-i-nara-relationer")) > 1
    assert sorted(results(again)) == sorted(results(first))
    assert results(again) != results(first)  # in the order asked for


def test_an_edited_publication_is_listed_as_edited_at_once(client, sample):
    publication = sample["valdsutsatta-kvinnor"]
    assert "Våldsutsatta kvinnor i länet" in result_titles(get(client, SV))
    publication.title_sv = "Våldsutsatta kvinnor i Östergötland"
    publication.save_revision().publish()
    titles = result_titles(get(client, SV))
    assert "Våldsutsatta kvinnor i Östergötland" in titles
    assert "Våldsutsatta kvinnor i länet" not in titles


def test_kept_results_stay_in_their_language(client, sample):
    sv_first = result_titles(get(client, SV))
    en_first = result_titles(get(client, EN))
    assert sorted(sv_first) == sorted(p.title_sv for p in sample.publications.values())
    assert sorted(en_first) == sorted(p.title_en for p in sample.publications.values())
    assert result_titles(get(client, SV)) == sv_first
    assert result_titles(get(client, EN)) == en_first


def test_the_index_is_made_once_and_later_views_ask_the_database_nothing_about_publications(
    client, sample
):
    """Filters, counts and orders come from the catalogue's index (catalogue.index), made
    once per generation; a view whose results were drawn before reads no publication."""
    views = [
        {"sort": "title"},
        {"topic": "vald-i-nara-relationer", "sort": "oldest"},
        {"type": "folder", "year_from": "2010"},
        {"language": "en", "author": "nck"},
    ]
    with CaptureQueriesContext(connection) as first:
        drawn = [get(client, SV, params) for params in views]
    with CaptureQueriesContext(connection) as again:
        shown = [get(client, SV, params) for params in views]

    def publication_queries(context) -> list[str]:
        return [q["sql"] for q in context.captured_queries if "publications_" in q["sql"]]

    assert publication_queries(first)  # the index and the results, made once
    assert publication_queries(again) == []
    assert len(again) <= len(views)  # at most the page's own row a view
    assert [facet_labels(html) for html in shown] == [facet_labels(html) for html in drawn]
    assert [results(html) for html in shown] == [results(html) for html in drawn]
    violence = sample.with_topic("vald-i-nara-relationer")
    assert Publication.objects.live().filter(topics__slug="vald-i-nara-relationer").count() == len(
        violence
    )
    label = option_labels(drawn[0], "pub-topic")["vald-i-nara-relationer"]
    assert option_count(label) == len(violence)


def test_a_published_publication_is_counted_at_once(client, sample):
    before = option_labels(get(client, EN), "pub-topic")["aldre"]
    publication = PublicationFactory(
        title_sv="Våld mot äldre i hemtjänsten",
        title_en="Violence against older people in home care",
        year=2024,
        topics=[sample.topics["aldre"]],
    )
    after = option_labels(get(client, EN), "pub-topic")["aldre"]
    assert option_count(after) == option_count(before) + 1

    publication.unpublish()
    assert option_labels(get(client, EN), "pub-topic")["aldre"] == before


def test_a_topic_added_or_renamed_is_offered_at_once(client, sample):
    """Topics, types and organisations are kept per generation too (catalogue.form.Options)."""
    get(client, EN)  # keeps the options
    new = TopicFactory(name_sv="Ensamkommande barn", name_en="Unaccompanied children")

    html = get(client, EN, {"topic": new.slug})
    assert "There is no topic" not in html
    assert "Unaccompanied children" in option_labels(html, "pub-topic")[new.slug]

    new.name_en = "Children arriving alone"
    new.save()
    html = get(client, EN, {"topic": new.slug})
    assert "Children arriving alone" in option_labels(html, "pub-topic")[new.slug]


def test_an_unpublished_publication_leaves_every_view_at_once(client, sample):
    """Filtered, searched, in the feed and in JSON: none lists it from the change on,
    though each view's index was made before it."""
    publication = sample["valdsutsatta-kvinnor"]
    views = [{}, {"topic": "vald-i-nara-relationer", "year_to": "2020"}, {"q": "våldsutsatta"}]
    for params in views:
        assert publication.slug in result_slugs(get(client, SV, params), SV), params
    assert publication.slug in get(client, SV + "feed/")
    assert publication.slug in get(client, SV + "api/", {"q": "våldsutsatta"})

    publication.unpublish()
    for params in views:
        html = get(client, SV, params)
        assert publication.slug not in result_slugs(html, SV), params
        assert "Våldsutsatta kvinnor" not in html
    assert publication.slug not in get(client, SV + "feed/")
    assert publication.slug not in get(client, SV + "api/", {"q": "våldsutsatta"})
