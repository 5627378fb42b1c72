"""The public catalogue at /sv/publikationer/ and /en/publications/: filters, sorting,
counts, pagination, the no-JavaScript form and each result as a visitor sees it."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.core.files.base import ContentFile
from django.utils import translation
from django.utils.translation import gettext, ngettext
from wagtail.documents.models import Document

from publications.models import Publication, PublicationLanguage
from tests.helpers import elements, section

pytestmark = pytest.mark.django_db

SV, EN = "/sv/publikationer/", "/en/publications/"
RETURN_SV = "Återvändandeprogrammet"


def in_swedish(message: str) -> str:
    with translation.override("sv"):
        return gettext(message)


def count_text(count: int, language: str) -> str:
    with translation.override(language):
        return ngettext("%(count)s publication", "%(count)s publications", count) % {"count": count}


def get(client, path, params=None):
    response = client.get(path, params or {})
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def results(html: str) -> list[str]:
    """The result titles (title – subtitle), in order, as text."""
    listing = section(html, '<ol class="pub-list"') if '<ol class="pub-list"' in html else ""
    titles = re.findall(r'<h3 class="pub-item__title"[^>]*><a [^>]*>(.*?)</a></h3>', listing, re.S)
    return [unescape(re.sub(r"<[^>]+>", "", title)).strip() for title in titles]


def result_titles(html: str) -> list[str]:
    return [title.split(" – ")[0] for title in results(html)]


def option_labels(html: str, select_id: str) -> dict[str, str]:
    block = html[html.index(f'<select id="{select_id}"') :]
    block = block[: block.index("</select>")]
    return {
        value: unescape(label).strip()
        for value, label in re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', block)
    }


def publish(**fields) -> Publication:
    publication = Publication(**fields)
    publication.save()
    publication.save_revision().publish()
    return publication


# Filters ---------------------------------------------------------------------------


# Free text -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["återvändandeprogrammet", "ÅTERVÄNDANDEPROGRAMMET", "ÅtErVäNdAnDe"]
)
@pytest.mark.parametrize("path", [SV, EN])
def test_free_text_ignores_the_case_of_a_a_o_on_every_database(client, path, query):
    html = get(client, path, {"q": query})
    slugs = {
        a["href"].split("/")[-2]
        for a in elements(section(html, '<ol class="pub-list"'), "a")
        if a["href"].startswith(path)
    }
    assert slugs == {
        "atervandandeprogrammet-manual",
        "atervandandeprogrammet-information",
        "atervandandeprogrammet-att-atervanda-hem",
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Authors' names, in either language, are searched on either page.
        ("Socialstyrelsen", ["Barn i internationell människohandel och exploatering"]),
        ("National Board of Health", ["Barn i internationell människohandel och exploatering"]),
        # Descriptions in both languages.
        ("Wahlberg", ["Människohandel för sexuella och andra ändamål"]),
        (
            "begging forced labour",
            [
                "Regionkoordinatorer mot prostitution och människohandel",
                "Människohandel för sexuella och andra ändamål",
            ],
        ),
        # Subtitles.
        ("Västernorrland kartläggning", ["Prostitution i norra Sverige"]),
        # Every word must occur.
        ("barn återvända", []),
    ],
)
def test_free_text_searches_titles_subtitles_descriptions_and_authors(client, query, expected):
    html = get(client, SV, {"q": query})
    assert sorted(result_titles(html)) == sorted(expected)


def test_relevance_puts_title_matches_first_when_there_is_text(client):
    html = get(client, SV, {"q": "prostitution"})
    assert option_labels(html, "pub-sort")["relevance"]
    assert elements(html, "option", value="relevance", selected="")
    titles = results(html)
    title_matches = list(titles[:3])
    assert all("rostitution" in t for t in title_matches)
    assert len(titles) == 7
    newest = results(get(client, SV, {"q": "prostitution", "sort": "newest"}))
    assert sorted(newest) == sorted(titles) and newest != titles
    assert newest[0].startswith("Manual vid misstanke")


# Sorting ---------------------------------------------------------------------------


def test_title_order_on_the_swedish_page_puts_a_ring_a_umlaut_o_umlaut_after_z(client):
    html = get(client, SV, {"sort": "title"})
    assert result_titles(html) == [
        "Barn i internationell människohandel och exploatering",
        "”De kan alltid hitta mig”",
        "Manual vid misstanke om människohandel",
        "Människohandel för sexuella och andra ändamål",
        "Prostitution i norra Sverige",
        "Regionkoordinatorer mot prostitution och människohandel",
        RETURN_SV,
        RETURN_SV,
        RETURN_SV,
    ]
    # The three of the same title in the order of their subtitles.
    assert [t.split(" – ")[1] for t in results(html)[-3:]] == [
        "Att återvända hem",
        "Information för myndigheter och frivilligorganisationer",
        "Manual för frivilligt återvändande och återintegration för personer utsatta för "
        "människohandel och prostitution i Sverige",
    ]


def test_title_order_on_the_english_page_is_english(client):
    html = get(client, EN, {"sort": "title"})
    assert result_titles(html) == [
        "Children in international human trafficking and exploitation",
        "Human trafficking for sexual and other purposes",
        "Manual for suspected human trafficking",
        "Prostitution in northern Sweden",
        "Regional coordinators against prostitution and human trafficking",
        "The Return Programme",
        "The Return Programme",
        "The Return Programme",
        "“They can always find me”",
    ]


def test_swedish_and_english_alphabets_differ_on_a_ring_and_o_umlaut(client):
    for slug, title in (("z", "Zonterapi"), ("o", "Öppna jämförelser"), ("a", "Ålder")):
        publish(slug=f"sort-{slug}", title_sv=title, year=2000)
    sv = [
        t
        for t in result_titles(get(client, SV, {"sort": "title"}))
        if t in {"Zonterapi", "Öppna jämförelser", "Ålder"}
    ]
    en = [
        t
        for t in result_titles(get(client, EN, {"sort": "title"}))
        if t in {"Zonterapi", "Öppna jämförelser", "Ålder"}
    ]
    assert sv == ["Zonterapi", "Ålder", "Öppna jämförelser"]
    assert en == ["Ålder", "Öppna jämförelser", "Zonterapi"]


@pytest.mark.parametrize("path", [SV, EN])
def test_newest_and_oldest_order_by_year(client, path):
    newest = get(client, path)  # the default
    years = [
        int(y) for y in re.findall(r"<dd>(\d{4})</dd>", section(newest, '<ol class="pub-list"'))
    ]
    assert years == sorted(years, reverse=True) and years[0] == 2019
    oldest = get(client, path, {"sort": "oldest"})
    years = [
        int(y) for y in re.findall(r"<dd>(\d{4})</dd>", section(oldest, '<ol class="pub-list"'))
    ]
    assert years == sorted(years) and years[0] == 2017


# Active filters, pagination --------------------------------------------------------


# The form works without JavaScript -------------------------------------------------


# Each result -----------------------------------------------------------------------


def _item(html: str, title_fragment: str) -> str:
    start = html.index(title_fragment)
    start = html.rindex('<li class="pub-item">', 0, start)
    return html[start : html.index("</article>", start)]


def test_result_shows_title_authors_year_edition_languages_and_hidden_description(client):
    html = get(client, EN, {"topic": "atervandande"})
    item = _item(html, "Returning home")
    assert "The Return Programme</span> – <span" in item
    assert "Swedish Gender Equality Agency and IOM" in item
    assert "<dd>2018</dd>" in item
    assert (
        "4th edition; first edition 2015 by the County Administrative Board of Stockholm and IOM"
        in item
    )
    langs = [(e["lang"], e.get("dir")) for e in elements(item, "span") if e.get("lang")]
    assert [code for code, _ in langs] == ["sv", "en", "ar", "bg", "es", "ro", "ru", "sr"]
    assert ("ar", "rtl") in langs
    for name in (
        "Svenska",
        "English",
        "Español",
        "Română",
        "Русский",
        "Srpski",
        "Български",
        "العربية",
    ):
        assert name in item
    details = section(item, '<details class="pub-details"')
    assert "<summary>" in details and "Show more" in details and "Show less" in details
    assert "The information is available in eight languages" in details
    assert "open" not in elements(item, "details")[0]


def test_edition_statement_in_swedish(client):
    html = get(client, SV, {"author": "iom", "sort": "title"})
    item = _item(html, "Manual för frivilligt")
    with translation.override("sv"):
        expected = (
            gettext("3rd edition")
            + "; "
            + gettext("first edition %(year)s by %(publisher)s")
            % {"year": 2014, "publisher": "Länsstyrelsen Stockholm och IOM"}
        )
    assert expected in item
    assert in_swedish("Show more") in item


def test_a_planned_language_is_shown_as_coming_soon(client):
    html = get(client, EN)
    item = _item(html, "Manual for suspected human trafficking")
    assert re.search(
        r'<span lang="en">English</span> <span class="pub-status">\(coming soon\)</span>', item
    )
    assert "pub-downloads" not in item  # the seed has no documents, and none is invented


def test_untranslated_publication_is_marked_swedish_on_the_english_page(client):
    publish(
        slug="bara-svenska", title_sv="Bara på svenska", subtitle_sv="Ingen översättning", year=2021
    )
    html = get(client, EN)
    item = _item(html, "Bara på svenska")
    assert '<span lang="sv">Bara på svenska</span>' in item
    assert '<span class="pub-item__subtitle" lang="sv">Ingen översättning</span>' in item


def test_download_links_name_language_format_and_size(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = Document(title="Att återvända hem (arabiska)")
    document.file.save(
        "att-atervanda-hem-ar.pdf", ContentFile(b"%PDF-1.4 " + b"x" * 2048), save=False
    )
    document.save()
    publication = Publication.objects.get(slug="atervandandeprogrammet-att-atervanda-hem")
    PublicationLanguage.objects.filter(publication=publication, language="ar").update(
        document=document
    )
    html = get(client, SV, {"language": "ar"})
    downloads = section(html, '<ul class="pub-downloads"')
    link = elements(downloads, "a")[0]
    assert link["href"] == document.url and link["hreflang"] == "ar"
    assert '<span lang="ar" dir="rtl">العربية</span>' in downloads
    assert "(PDF, 2,0" in downloads or "(PDF, 2.0" in downloads


# Each result's HTML is kept per publication, language and generation (Catalogue.results_html).


def test_a_result_drawn_before_is_the_same_and_costs_no_queries_of_its_own(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # The page's route and layout, and the whole catalogue's counts; no results.
    assert not results(get(client, SV, {"year_from": "2100"}))
    with CaptureQueriesContext(connection) as drawn:
        first = get(client, SV, {"topic": "manniskohandel"})
    with CaptureQueriesContext(connection) as kept:  # the same results, in another order
        again = get(client, SV, {"topic": "manniskohandel", "sort": "title"})
    # The results and their authors, editions and language versions are not fetched again.
    assert len(kept) == len(drawn) - 4
    assert len(results(first)) > 1
    assert sorted(results(again)) == sorted(results(first))
    assert results(again) != results(first)  # in the order asked for


def test_an_edited_publication_is_listed_as_edited_at_once(client):
    publication = Publication.objects.get(slug="prostitution-i-norra-sverige")
    assert "Prostitution i norra Sverige" in result_titles(get(client, SV))
    publication.title_sv = "Prostitution i Norrland"
    publication.save_revision().publish()
    titles = result_titles(get(client, SV))
    assert "Prostitution i Norrland" in titles
    assert "Prostitution i norra Sverige" not in titles


def test_kept_results_stay_in_their_language(client):
    sv_first = result_titles(get(client, SV))
    en_first = result_titles(get(client, EN))
    assert "Prostitution i norra Sverige" in sv_first
    assert "Prostitution in northern Sweden" in en_first
    assert result_titles(get(client, SV)) == sv_first
    assert result_titles(get(client, EN)) == en_first


# The whole catalogue's counts are kept per generation (catalogue.whole_catalogue_counts).

FACETS = ("pub-topic", "pub-type", "pub-year-from", "pub-language", "pub-author")


def facet_labels(html: str) -> dict[str, dict[str, str]]:
    return {facet: option_labels(html, facet) for facet in FACETS}


def test_the_whole_catalogue_is_counted_once_and_its_counts_are_the_same(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def grouped(context) -> int:
        return len([q for q in context.captured_queries if "GROUP BY" in q["sql"]])

    get(client, SV, {"q": "xyzzy"})  # the page's route and layout; text: no whole counts
    with CaptureQueriesContext(connection) as counted:
        first = get(client, SV, {"sort": "title"})
    with CaptureQueriesContext(connection) as kept:  # another order: the same counts
        again = get(client, SV, {"sort": "oldest"})
    # The type and year rows and the topic, author and language counts: not asked again
    # (nor the results, kept since the first view: four more).
    assert grouped(counted) == 4
    assert grouped(kept) == 0
    assert len(kept) == len(counted) - 4 - 4
    assert facet_labels(again) == facet_labels(first)
    trafficking = Publication.objects.live().filter(topics__slug="manniskohandel").count()
    assert option_labels(first, "pub-topic")["manniskohandel"].endswith(f"({trafficking})")


def test_a_published_publication_is_counted_at_once(client):
    from publications.models import Topic

    before = option_labels(get(client, EN), "pub-topic")["manniskohandel"]
    publication = publish(
        title_sv="En ny vägledning", slug="en-ny-vagledning", year=2026, description_sv="Ny."
    )
    publication.topics.add(Topic.objects.get(slug="manniskohandel"))
    publication.save_revision().publish()
    after = option_labels(get(client, EN), "pub-topic")["manniskohandel"]
    assert int(after.rsplit("(", 1)[1][:-1]) == int(before.rsplit("(", 1)[1][:-1]) + 1

    publication.unpublish()
    assert option_labels(get(client, EN), "pub-topic")["manniskohandel"] == before
