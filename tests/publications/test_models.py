"""The catalogue's content: the seed as written, editions, languages, and the sort keys
kept for ordering.

The tests of the seed's own texts, editions and languages request `seeded`: they check
that the seed says what its sources say. Everything else builds its publications with
tests/factories."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.utils import translation

from publications import text
from publications.models import (
    Organisation,
    Publication,
    PublicationIndexPage,
    PublicationType,
    Topic,
    edition_name,
    join_names,
)
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db


def test_the_seed_loads_all_nine_publications_live(seeded):
    publications = Publication.objects.live()
    assert publications.count() == 9
    assert sorted(publications.values_list("year", flat=True)) == [2017] + [2018] * 6 + [2019] * 2
    page = PublicationIndexPage.objects.get()
    assert (page.url_path_sv, page.url_path_en) == ("/start/publikationer/", "/home/publications/")
    assert page.show_in_menus and page.live
    assert page.intro_sv.startswith(
        "Sök enkelt efter publikationer genom att klicka i ett ämnesområden."
    )


def test_swedish_text_is_as_written_every_paragraph(seeded):
    lagesrapport = Publication.objects.get(slug="manniskohandel-lagesrapport-19")
    assert lagesrapport.subtitle_sv == "Polismyndigheten lägesrapport 19"
    assert lagesrapport.description_sv.count("<p>") == 4
    assert "från 102 anmälningar 2016 till 132 anmälningar 2017." in lagesrapport.description_sv
    regional = Publication.objects.get(
        slug="regionkoordinatorer-mot-prostitution-och-manniskohandel"
    )
    assert regional.description_sv.count("<p>") == 6
    assert "den nationella stödtelefonen 020-39 00 00" in regional.description_sv
    study = Publication.objects.get(slug="de-kan-alltid-hitta-mig")
    assert study.title_sv == "”De kan alltid hitta mig”"
    assert "misärliknade former" in study.description_sv  # the source's spelling
    manual = Publication.objects.get(slug="manual-vid-misstanke-om-manniskohandel")
    assert "praktisk väg ledning" in manual.description_sv
    assert manual.description_sv.endswith(
        "<p>Inom kort kommer manualen även finnas tillgänglig på engelska.</p>"
    )
    for publication in Publication.objects.all():
        assert publication.title_en and publication.subtitle_en and publication.description_en
        assert publication.description_en.count("<p>") == publication.description_sv.count("<p>")


def test_authors_types_and_topics_come_from_the_texts(seeded):
    def authors(slug):
        return [o.name_sv for o in Publication.objects.get(slug=slug).authors]

    assert authors("atervandandeprogrammet-manual") == ["Jämställdhetsmyndigheten", "IOM"]
    assert authors("prostitution-i-norra-sverige") == [
        "Länsstyrelsen i Norrbotten",
        "Länsstyrelsen i Västerbotten",
        "Länsstyrelsen i Jämtland",
        "Länsstyrelsen i Västernorrland",
    ]
    assert Topic.objects.get(slug="manniskohandel").publications.count() == 9
    assert Topic.objects.get(slug="atervandande").name_en == "Return"
    assert PublicationType.objects.get(slug="lagesrapport").publications.get().year == 2018
    assert Organisation.objects.get(slug="jamstalldhetsmyndigheten").name_en == (
        "Swedish Gender Equality Agency"
    )


@pytest.mark.parametrize(
    ("slug", "edition", "first_year"),
    [
        ("atervandandeprogrammet-manual", 3, 2014),
        ("atervandandeprogrammet-information", 5, 2015),
        ("atervandandeprogrammet-att-atervanda-hem", 4, 2015),
    ],
)
def test_editions_as_the_seed_states_them(seeded, slug, edition, first_year):
    publication = Publication.objects.get(slug=slug)
    assert publication.edition == edition
    [first] = publication.sorted_editions
    assert (first.number, first.year, first.publisher_sv) == (
        1,
        first_year,
        "Länsstyrelsen Stockholm och IOM",
    )
    with translation.override("en"):
        assert publication.edition_statement() == (
            f"{edition_name(edition)}; first edition {first_year} by the County "
            "Administrative Board of Stockholm and IOM"
        )


def test_languages_as_the_seed_states_them(seeded):
    home = Publication.objects.get(slug="atervandandeprogrammet-att-atervanda-hem")
    assert [(v.language, v.native_name, v.status) for v in home.languages()] == [
        ("sv", "Svenska", "available"),
        ("en", "English", "available"),
        ("ar", "العربية", "available"),
        ("bg", "Български", "available"),
        ("es", "Español", "available"),
        ("ro", "Română", "available"),
        ("ru", "Русский", "available"),
        ("sr", "Srpski", "available"),
    ]
    manual = Publication.objects.get(slug="manual-vid-misstanke-om-manniskohandel")
    assert [(v.language, v.status) for v in manual.languages()] == [
        ("sv", "available"),
        ("en", "planned"),
    ]
    # No document is invented.
    assert not any(p.documents() for p in Publication.objects.all())


def test_seed_is_idempotent_and_keeps_editors_changes(seeded):
    publication = Publication.objects.get(slug="de-kan-alltid-hitta-mig")
    publication.title_en = "Edited by an editor"
    publication.save()
    Topic.objects.filter(slug="barn").update(name_en="Kids")
    counts = (Publication.objects.count(), Topic.objects.count(), Organisation.objects.count())
    call_command("seed", verbosity=0)
    call_command("seed", verbosity=0)
    assert (
        Publication.objects.count(),
        Topic.objects.count(),
        Organisation.objects.count(),
    ) == counts
    assert PublicationIndexPage.objects.count() == 1
    assert Publication.objects.get(slug="de-kan-alltid-hitta-mig").title_en == "Edited by an editor"
    assert Topic.objects.get(slug="barn").name_en == "Kids"


@pytest.mark.parametrize(
    ("edition", "first", "statement"),
    [
        (
            3,
            {
                "year": 2014,
                "publisher_sv": "Länsstyrelsen och IOM",
                "publisher_en": "the County Administrative Board and IOM",
            },
            "3rd edition; first edition 2014 by the County Administrative Board and IOM",
        ),
        (
            5,
            {"year": 2015, "publisher_sv": "", "publisher_en": ""},
            "5th edition; first edition 2015",
        ),
        (2, None, "2nd edition"),
        (1, None, ""),
    ],
)
def test_edition_statement_names_the_first_edition(edition, first, statement):
    publication = PublicationFactory(
        edition=edition,
        editions=[{"number": 1, **first}] if first else [],
    )
    with translation.override("en"):
        assert publication.edition_statement() == statement
    if first:
        [kept] = publication.sorted_editions
        assert (kept.number, kept.year) == (1, first["year"])


def test_languages_come_swedish_english_then_by_code_with_native_names_and_status():
    publication = PublicationFactory(
        languages=["ru", "es", {"language": "en", "status": "planned"}, "sv", "ar"]
    )
    assert [(v.language, v.native_name, v.status) for v in publication.languages()] == [
        ("sv", "Svenska", "available"),
        ("en", "English", "planned"),
        ("ar", "العربية", "available"),
        ("es", "Español", "available"),
        ("ru", "Русский", "available"),
    ]
    assert publication.documents() == []  # none attached, none invented


def test_sort_keys_follow_edits_and_stay_out_of_revisions():
    publication = PublicationFactory(title_sv="Prostitution i norr", title_en="In the north")
    assert publication.sort_key_sv.startswith("prostitution i norr\t")
    publication.title_sv = "Ödemarkens prostitution"
    publication.title_en = "Émigrés"
    publication.save()
    publication.refresh_from_db()
    assert publication.sort_key_sv.startswith("}demarkens prostitution\t")
    assert publication.sort_key_en.startswith("emigres\t")
    revision = publication.save_revision()
    assert "sort_key_sv" not in revision.content and "title_sv" in revision.content


def test_normalised_text_and_sort_keys():
    assert text.words("<p>ÅÄÖ</p><p>Straße &amp; Å</p>") == ["åäö", "strasse", "å"]
    assert text.words("A\u030a") == ["å"]  # decomposed Å, as pasted from some systems
    assert text.search_terms("  Människohandel  – BARN barn %  ") == ["människohandel", "barn"]
    words = ["Öl", "Zebra", "Ål", "Äpple", "Apa", "”Citat”", "Ängel", "Émile"]
    assert sorted(words, key=text.sort_key_sv) == [
        "Apa", "”Citat”", "Émile", "Zebra", "Ål", "Ängel", "Äpple", "Öl"
    ]  # fmt: skip
    assert sorted(words, key=text.sort_key_en) == [
        "Ål", "Ängel", "Apa", "Äpple", "”Citat”", "Émile", "Öl", "Zebra"
    ]  # fmt: skip


def test_edition_names_and_lists_of_names_in_english():
    with translation.override("en"):
        assert [edition_name(n) for n in (1, 2, 3, 4, 11)] == [
            "1st edition",
            "2nd edition",
            "3rd edition",
            "4th edition",
            "edition 11",
        ]
        assert join_names(["A"]) == "A"
        assert join_names(["A", "B", "C"]) == "A, B and C"
