"""What the catalogue keeps between views, per page-cache generation: each result's HTML
per publication and language (Catalogue.results_html) and the whole catalogue's counts
(catalogue.whole_catalogue_counts); an edit is seen at once. Each test builds the small
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


def test_the_whole_catalogue_is_counted_once_and_its_counts_are_the_same(client, sample):
    def grouped(context) -> int:
        return len([q for q in context.captured_queries if "GROUP BY" in q["sql"]])

    get(client, SV, {"q": "xyzzy"})  # the page's route and layout; text: no whole counts
    with CaptureQueriesContext(connection) as counted:
        first = get(client, SV, {"sort": "title"})
    with CaptureQueriesContext(connection) as kept:  # another order: the same counts
        again = get(client, SV, {"sort": "oldest"})
    # The type and year rows, and the topic, author and language counts (one query):
    # not asked again (nor the results, kept since the first view: four more).
    assert grouped(counted) == 2
    assert grouped(kept) == 0
    assert len(kept) <= len(counted) - 2 - 4
    assert facet_labels(again) == facet_labels(first)
    violence = sample.with_topic("vald-i-nara-relationer")
    assert Publication.objects.live().filter(topics__slug="vald-i-nara-relationer").count() == len(
        violence
    )
    label = option_labels(first, "pub-topic")["vald-i-nara-relationer"]
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
