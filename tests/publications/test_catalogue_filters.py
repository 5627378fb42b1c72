"""The catalogue's filters: topics, type, years, language and author, and the number
beside each option. Each test builds the small catalogue of
tests/factories/sample_catalogue.py (`sample`); the figures are that catalogue's."""

from __future__ import annotations

import re
from html import unescape

import pytest

from tests.helpers import elements, section
from tests.publications.catalogue_helpers import (
    EN,
    SV,
    count_text,
    get,
    option_count,
    option_labels,
    result_slugs,
    result_titles,
    results,
)

pytestmark = pytest.mark.django_db


def test_clicking_a_topic_shows_its_publications_and_marks_it_current(client, sample):
    html = get(client, SV)
    topics = section(html, '<nav class="pub-topics"')
    links = {
        unescape(re.sub(r"<[^>]+>", "", m)).strip(): href
        for href, m in re.findall(
            r'<a class="pub-topic" href="([^"]+)"[^>]*>(.*?)</a>', topics, re.S
        )
    }
    # Every topic, with how many publications it has (5, 3, 2 and 1), in Swedish
    # alphabetical order (Äldre last).
    in_order = [sample.topics[key] for key in ("barn", "heder", "vald", "aldre")]
    assert list(links.items()) == [
        (f"{topic.name_sv} ({len(sample.with_topic(topic.slug))})", f"{SV}?topic={topic.slug}")
        for topic in in_order
    ]
    assert [len(sample.with_topic(topic.slug)) for topic in in_order] == [2, 3, 5, 1]
    children = sample.topics["barn"]
    html = get(client, unescape(links[f"{children.name_sv} (2)"]))
    assert result_slugs(html, SV) == sample.with_topic(children.slug)
    assert count_text(2, "sv") in html
    current = elements(section(html, '<nav class="pub-topics"'), "a", aria_current="true")
    assert [a["href"] for a in current] == [f"{SV}?topic={children.slug}"]


@pytest.mark.parametrize("path", [SV, EN])
@pytest.mark.parametrize(
    ("params", "slugs"),
    [
        ({"type": "folder"}, {"hedersrelaterat-skolan", "hedersrelaterat-foraldrar"}),
        ({"year_from": "2022"}, {"fraga-om-vald", "oppna-jamforelser"}),
        ({"year_to": "2015"}, {"valdsutsatta-kvinnor"}),
        (
            {"year_from": "2018", "year_to": "2019"},
            {"aldre-och-vald", "hedersrelaterat-skolan", "hedersrelaterat-foraldrar"},
        ),
        # A range given backwards is read the right way round.
        (
            {"year_from": "2022", "year_to": "2019", "type": "rapport"},
            {"oppna-jamforelser", "jag-ville-bara", "aldre-och-vald"},
        ),
        ({"language": "fa"}, {"hedersrelaterat-skolan"}),
        # Two English versions are only planned: they are not available in English yet.
        ({"language": "en"}, {"fraga-om-vald", "aldre-och-vald", "hedersrelaterat-skolan"}),
        ({"author": "nck"}, {"fraga-om-vald", "aldre-och-vald", "barn-som-upplever-vald"}),
        ({"author": "skr"}, {"oppna-jamforelser", "aldre-och-vald"}),
        ({"topic": "barn-och-unga", "type": "rapport"}, {"jag-ville-bara"}),
        (
            {"topic": "vald-i-nara-relationer", "author": "nck", "year_to": "2020"},
            {"aldre-och-vald", "barn-som-upplever-vald"},
        ),
    ],
)
def test_each_filter_narrows_the_list(client, sample, path, params, slugs):
    html = get(client, path, params)
    assert result_slugs(html, path) == slugs
    assert count_text(len(slugs), path[1:3]) in html


def test_each_filter_option_shows_how_many_it_would_give(client, sample):
    html = get(client, EN, {"topic": "hedersrelaterat-vald"})
    # Counts follow the other filters: on honour-based violence, two leaflets and a report.
    assert option_labels(html, "pub-type") == {
        "": "All types",
        "folder": "Leaflet (2)",
        "rapport": "Report (1)",
    }
    authors = option_labels(html, "pub-author")
    assert (
        authors["lansstyrelsen-ostergotland"] == "County Administrative Board of Östergötland (2)"
    )
    assert authors["barnombudsmannen"] == "Ombudsman for Children in Sweden (2)"
    assert "nck" not in authors
    languages = option_labels(html, "pub-language")
    assert languages["sv"] == "Svenska (3)"
    assert languages["ar"] == "العربية (2)"
    assert option_labels(html, "pub-year-from") == {
        "": "Any year",
        "2021": "2021 (1)",
        "2018": "2018 (2)",
    }
    # A facet's own choice does not narrow its own counts: every topic stays reachable.
    topics = section(html, '<nav class="pub-topics"')
    assert sample.topics["aldre"].name_en in topics and "(1)" in topics


def test_language_options_are_named_in_their_own_language(client, sample):
    html = get(client, SV)
    block = html[html.index('<select id="pub-language"') :]
    assert elements(block, "option", value="so", lang="so")
    assert elements(block, "option", value="ar", lang="ar", dir="rtl")
    assert elements(block, "option", value="fa", lang="fa", dir="rtl")
    labels = option_labels(html, "pub-language")
    assert labels["so"] == "Soomaali (1)" and labels["fa"] == "فارسی (1)"
    assert labels["en"] == "English (3)" and labels["ar"] == "العربية (2)"


@pytest.mark.parametrize(
    ("params", "types", "topics", "ombudsman"),
    [
        # Text alone (on PostgreSQL the facets then read the matching ids directly).
        (
            {"q": "hedersrelaterat"},
            {"Handbook (2)", "Report (1)", "Leaflet (2)"},
            {
                "Domestic violence (2)",
                "Honour-based violence and oppression (3)",
                "Children and young people (2)",
            },
            "(2)",
        ),
        # Text and another filter: each facet counts with the other filters applied.
        (
            {"q": "hedersrelaterat", "type": "folder"},
            {"Handbook (2)", "Report (1)", "Leaflet (2)"},
            {"Honour-based violence and oppression (2)"},
            "(1)",
        ),
        (
            {"q": "hedersrelaterat", "year_to": "2018"},
            {"Handbook (1)", "Leaflet (2)"},
            {
                "Domestic violence (1)",
                "Honour-based violence and oppression (2)",
                "Children and young people (1)",
            },
            "(1)",
        ),
    ],
)
def test_counts_beside_options_follow_the_text_too(
    client, sample, params, types, topics, ombudsman
):
    html = get(client, EN, params)
    assert set(option_labels(html, "pub-type").values()) - {"All types"} == types
    assert set(option_labels(html, "pub-topic").values()) - {"All topics"} == topics
    assert option_labels(html, "pub-author")["barnombudsmannen"].endswith(ombudsman)


@pytest.mark.parametrize("query", ["hedersrelaterat", "östergötland"])
def test_with_text_each_option_count_is_what_choosing_it_shows(client, sample, query):
    """With text alone (on PostgreSQL the facets then join the matching ids directly),
    the number beside every option is the number of results after choosing it."""
    html = get(client, EN, {"q": query})
    checked = 0
    for name, select_id in [
        ("topic", "pub-topic"),
        ("type", "pub-type"),
        ("language", "pub-language"),
        ("author", "pub-author"),
        ("year_from", "pub-year-from"),
    ]:
        for value, label in option_labels(html, select_id).items():
            if not value:
                continue
            params = {"q": query, name: value}
            if name == "year_from":
                params["year_to"] = value
            chosen = get(client, EN, params)
            assert count_text(option_count(label), "en") in chosen, (name, value, label)
            checked += 1
    assert checked >= 8  # the matches have several topics, types, languages and authors


@pytest.mark.parametrize(
    "params",
    [
        {"type": "folder", "year_from": "2010", "year_to": "2020"},
        {"topic": "vald-i-nara-relationer", "year_to": "2020"},
        {"language": "sv", "type": "handbok"},
    ],
)
def test_with_filters_each_type_and_year_count_is_what_choosing_it_shows(client, sample, params):
    """The result count and the type and year facets come from one query grouped by
    type and year: the number beside each type and each year is still the number of
    results listed after choosing it, with the other filters kept. The list itself comes
    from another query, so a miscount in the grouped one cannot agree with it."""

    def shown(chosen_params) -> int:
        chosen = get(client, EN, chosen_params)
        listed = len(results(chosen))  # the sample fits on one page
        assert count_text(listed, "en") in chosen, (chosen_params, listed)
        return listed

    html = get(client, EN, params)
    assert shown(params) > 0
    checked = 0
    for value, label in option_labels(html, "pub-type").items():
        if value:
            assert shown({**params, "type": value}) == option_count(label), ("type", value)
            checked += 1
    for value, label in option_labels(html, "pub-year-from").items():
        if value:
            year = {"year_from": value, "year_to": value}
            assert shown({**params, **year}) == option_count(label), ("year", value)
            checked += 1
    assert checked >= 3


def test_a_chosen_topic_keeps_the_whole_catalogues_topic_counts_and_narrows_the_rest(
    client, sample
):
    whole = get(client, SV)
    chosen = get(client, SV, {"topic": "hedersrelaterat-vald"})
    assert option_labels(chosen, "pub-topic") == option_labels(whole, "pub-topic")
    assert option_labels(chosen, "pub-type") != option_labels(whole, "pub-type")
    assert len(result_titles(chosen)) < len(result_titles(whole))
