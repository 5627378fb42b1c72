"""The catalogue's results: free text, sorting, and each result as a visitor sees it.
Each test builds the small catalogue of tests/factories/sample_catalogue.py (`sample`)."""

from __future__ import annotations

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from tests.factories import PublicationFactory, sample_catalogue
from tests.helpers import elements, section
from tests.publications.catalogue_helpers import (
    EN,
    SV,
    get,
    in_swedish,
    item,
    option_labels,
    result_slugs,
    result_titles,
    results,
)

pytestmark = pytest.mark.django_db


# Free text -------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["östergötland", "ÖSTERGÖTLAND", "ÖsTeRgÖt"])
@pytest.mark.parametrize("path", [SV, EN])
def test_free_text_ignores_the_case_of_a_a_o_on_every_database(client, sample, path, query):
    html = get(client, path, {"q": query})
    # Those by the County Administrative Board of Östergötland (Länsstyrelsen Östergötland).
    assert result_slugs(html, path) == {
        "hedersrelaterat-skolan",
        "hedersrelaterat-foraldrar",
        "valdsutsatta-kvinnor",
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Authors' names, in either language, are searched on either page.
        ("Barnombudsmannen", ["jag-ville-bara", "hedersrelaterat-foraldrar"]),
        ("Ombudsman for Children", ["jag-ville-bara", "hedersrelaterat-foraldrar"]),
        # Descriptions in both languages.
        ("Wahlberg", ["oppna-jamforelser"]),
        ("routine enquiry", ["fraga-om-vald", "aldre-och-vald"]),
        ("rutinmässiga frågor", ["fraga-om-vald", "aldre-och-vald"]),
        # Subtitles.
        ("skyddade boenden kartläggning", ["valdsutsatta-kvinnor"]),
        # Every word must occur.
        ("äldre skolan", []),
    ],
)
def test_free_text_searches_titles_subtitles_descriptions_and_authors(
    client, sample, query, expected
):
    html = get(client, SV, {"q": query})
    assert sorted(result_titles(html)) == sorted(sample[slug].title_sv for slug in expected)


def test_relevance_puts_title_matches_first_when_there_is_text(client, sample):
    html = get(client, SV, {"q": "hedersrelaterat"})
    assert option_labels(html, "pub-sort")["relevance"]
    assert elements(html, "option", value="relevance", selected="")
    titles = results(html)
    # In the title or subtitle of three; in the description of two more.
    in_title = [
        p
        for p in sample.publications.values()
        if "hedersrelaterat" in f"{p.title_sv} {p.subtitle_sv}".lower()
    ]
    assert len(in_title) == 3
    assert all("hedersrelaterat" in title.lower() for title in titles[: len(in_title)])
    assert len(titles) == len(in_title) + 2
    newest = results(get(client, SV, {"q": "hedersrelaterat", "sort": "newest"}))
    assert sorted(newest) == sorted(titles) and newest != titles
    assert newest[0].startswith(sample["fraga-om-vald"].title_sv)  # 2023, in a description


# Sorting ---------------------------------------------------------------------------


def test_title_order_on_the_swedish_page_puts_a_ring_a_umlaut_o_umlaut_after_z(client, sample):
    html = get(client, SV, {"sort": "title"})
    assert result_titles(html) == [sample[s].title_sv for s in sample_catalogue.TITLE_ORDER_SV]
    assert result_titles(html)[-2:] == ["Äldre och våld", "Öppna jämförelser av våldsarbetet"]
    # The two of the same title in the order of their subtitles.
    assert [t.split(" – ")[1] for t in results(html)[2:4]] == [
        "Information till dig som arbetar i skolan",
        "Information till föräldrar",
    ]


def test_title_order_on_the_english_page_is_english(client, sample):
    html = get(client, EN, {"sort": "title"})
    assert result_titles(html) == [sample[s].title_en for s in sample_catalogue.TITLE_ORDER_EN]
    assert [t.split(" – ")[1] for t in results(html)[2:4]] == [
        "Information for parents",
        "Information for school staff",
    ]


def test_swedish_and_english_alphabets_differ_on_a_ring_and_o_umlaut(client, sample):
    added = {"Zonterapi", "Öppna mottagningar", "Ålder och stöd"}
    for title in added:
        PublicationFactory(title_sv=title, title_en="", subtitle_sv="", subtitle_en="", year=2000)
    sv = [t for t in result_titles(get(client, SV, {"sort": "title"})) if t in added]
    en = [t for t in result_titles(get(client, EN, {"sort": "title"})) if t in added]
    assert sv == ["Zonterapi", "Ålder och stöd", "Öppna mottagningar"]
    assert en == ["Ålder och stöd", "Öppna mottagningar", "Zonterapi"]


@pytest.mark.parametrize("path", [SV, EN])
def test_newest_and_oldest_order_by_year(client, sample, path):
    built = [p.year for p in sample.publications.values()]
    newest = get(client, path)  # the default
    years = [
        int(y) for y in re.findall(r"<dd>(\d{4})</dd>", section(newest, '<ol class="pub-list"'))
    ]
    assert years == sorted(built, reverse=True)
    oldest = get(client, path, {"sort": "oldest"})
    years = [
        int(y) for y in re.findall(r"<dd>(\d{4})</dd>", section(oldest, '<ol class="pub-list"'))
    ]
    assert years == sorted(built)


# Each result -----------------------------------------------------------------------


def test_result_shows_title_authors_year_edition_languages_and_hidden_description(client, sample):
    html = get(client, EN, {"topic": "hedersrelaterat-vald"})
    school = item(html, "Information for school staff")
    assert "Honour-based violence</span> – <span" in school
    assert "County Administrative Board of Östergötland" in school
    assert "<dd>2018</dd>" in school
    assert (
        "4th edition; first edition 2012 by the County Administrative Board of Östergötland"
        in school
    )
    langs = [(e["lang"], e.get("dir")) for e in elements(school, "span") if e.get("lang")]
    assert [code for code, _ in langs] == ["sv", "en", "ar", "fa", "so"]
    assert ("ar", "rtl") in langs and ("fa", "rtl") in langs
    for name in ("Svenska", "English", "العربية", "فارسی", "Soomaali"):
        assert name in school
    details = section(school, '<details class="pub-details"')
    assert "<summary>" in details and "Show more" in details and "Show less" in details
    assert "The information is available in five languages" in details
    assert "open" not in elements(school, "details")[0]
    # Two authors, in their order.
    parents = item(html, "Information for parents")
    assert "County Administrative Board of Östergötland and Ombudsman for Children" in parents


def test_edition_statement_in_swedish(client, sample):
    html = get(client, SV, {"author": "nck", "sort": "title"})
    asking = item(html, sample["fraga-om-vald"].subtitle_sv)
    with translation.override("sv"):
        expected = (
            gettext("2nd edition")
            + "; "
            + gettext("first edition %(year)s by %(publisher)s")
            % {"year": 2019, "publisher": "Nationellt centrum för kvinnofrid"}
        )
    assert expected in asking
    assert in_swedish("Show more") in asking


def test_a_planned_language_is_shown_as_coming_soon(client, sample):
    html = get(client, EN)
    children = item(html, sample["barn-som-upplever-vald"].title_en)
    assert re.search(
        r'<span lang="en">English</span> <span class="pub-status">\(coming soon\)</span>',
        children,
    )
    assert "pub-downloads" not in children  # it has no documents, and none is invented


def test_untranslated_publication_is_marked_swedish_on_the_english_page(client, sample):
    PublicationFactory(
        title_sv="Bara på svenska",
        title_en="",
        subtitle_sv="Ingen översättning",
        subtitle_en="",
        year=2021,
    )
    html = get(client, EN)
    untranslated = item(html, "Bara på svenska")
    assert '<span lang="sv">Bara på svenska</span>' in untranslated
    assert '<span class="pub-item__subtitle" lang="sv">Ingen översättning</span>' in untranslated


def test_download_links_name_language_format_and_size(client, sample):
    version = sample["hedersrelaterat-foraldrar"].language_versions.get(language="ar")
    html = get(client, SV, {"language": "ar"})
    assert result_slugs(html, SV) == {"hedersrelaterat-skolan", "hedersrelaterat-foraldrar"}
    downloads = section(html, '<ul class="pub-downloads"')  # only the one with a document
    assert html.count('<ul class="pub-downloads"') == 1
    link = elements(downloads, "a")[0]
    assert link["href"] == version.document.url and link["hreflang"] == "ar"
    assert '<span lang="ar" dir="rtl">العربية</span>' in downloads
    assert "(PDF, 2,0" in downloads or "(PDF, 2.0" in downloads
