"""The child-trafficking theme and its resources, as a social worker and an editor meet them."""

import html as htmllib
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.utils import translation
from wagtail.models import Page

from guidance.models import (
    DocumentResourcePage,
    Hotline,
    PodcastEpisodePage,
    SupportServicePage,
    ThemeIndexPage,
    ThemePage,
    WebCoursePage,
)
from tests.helpers import elements, section

pytestmark = pytest.mark.django_db

# The authority's page the theme was rebuilt from, as it was handed to us.
SEED = Path(__file__).resolve().parent.parent.parent / "docs" / "seeds" / "000_ad983857c009eb41.txt"
THEME_SV = "/sv/vald/teman/manniskohandel-med-barn/"
THEME_EN = "/en/violence/themes/child-trafficking/"
NMT_SV = THEME_SV + "nmt/"
NMT_EN = THEME_EN + "nmt/"

PAGES = [
    (THEME_SV, "sv", "Människohandel med barn"),
    (THEME_EN, "en", "Child trafficking"),
    ("/sv/vald/teman/", "sv", "Teman"),
    ("/en/violence/themes/", "en", "Themes"),
    (NMT_SV, "sv", "Nationellt metodstöd mot prostitution och människohandel – NMT"),
    (NMT_EN, "en", "National Method Support against Prostitution and Human Trafficking – NMT"),
    (
        THEME_SV + "manual-vid-misstanke-om-manniskohandel/",
        "sv",
        "Manual vid misstanke om människohandel – En stöd- och skyddsprocess för offer för "
        "människohandel i Sverige",
    ),
    (
        THEME_EN + "manual-suspected-human-trafficking/",
        "en",
        "Manual for suspected human trafficking – A support and protection process for victims "
        "of human trafficking in Sweden",
    ),
    (THEME_SV + "podd-pa-djupet-54/", "sv", "Podd – om barn i människohandel och exploatering"),
    (
        THEME_EN + "podcast-pa-djupet-54/",
        "en",
        "Podcast – on children in human trafficking and exploitation",
    ),
    (
        THEME_SV + "webbutbildning-manniskohandel-med-barn-och-unga/",
        "sv",
        "Webbutbildningen Människohandel med barn och unga",
    ),
    (
        THEME_EN + "web-course-trafficking-in-children-and-young-people/",
        "en",
        "The web course Trafficking in children and young people",
    ),
]


def text_of(html: str) -> str:
    """The visible text, unescaped, with white space folded."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def h1(html: str) -> str:
    return text_of(section(html, "<h1"))


@pytest.mark.parametrize(("path", "lang", "title"), PAGES)
def test_every_page_type_renders_in_both_languages(client, path, lang, title):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert elements(html, "html")[0]["lang"] == lang
    assert h1(html) == title


def test_theme_index_lists_themes_with_their_lead(client):
    html = client.get("/en/violence/themes/").content.decode()
    assert elements(html, "a", href=THEME_EN)
    assert "Social services have a central role" in text_of(html)


def test_resource_cards_say_their_kind_and_link_to_their_pages_in_order(client):
    html = client.get(THEME_SV).content.decode()
    cards = re.findall(r'<li class="card card--resource">(.*?)</li>', html, flags=re.S)
    kinds = [text_of(section(card, '<p class="card__kind"')) for card in cards]
    assert kinds == [
        "Vägledning",
        "Manual",
        "Stödfunktion",
        "Publikation",
        "Podd",
        "Webbutbildning",
    ]
    theme = ThemePage.objects.get(slug_sv="manniskohandel-med-barn")
    with translation.override("sv"):
        expected = [r.page.specific.url for r in theme.resources.all()]
    hrefs = [elements(card, "a")[0]["href"] for card in cards]
    assert hrefs == expected
    for href in hrefs:
        assert client.get(href).status_code == 200
    assert "Leder vidare till nmtsverige.se" in text_of(cards[2])


def _hotline_links(html: str) -> list[str]:
    return re.findall(r'<a class="hotline__number"[^>]*>[^<]*</a>', html)


@pytest.mark.parametrize(
    ("theme", "nmt", "label"), [(THEME_SV, NMT_SV, "Ring"), (THEME_EN, NMT_EN, "Call")]
)
def test_hotline_renders_identically_with_an_international_tel_link(client, theme, nmt, label):
    on_theme = _hotline_links(client.get(theme).content.decode())
    on_nmt = _hotline_links(client.get(nmt).content.decode())
    assert on_theme and on_theme == on_nmt
    assert (
        on_theme[0] == f'<a class="hotline__number" href="tel:+4620390000">{label} 020-39 00 00</a>'
    )


def test_the_nmt_page_names_its_agencies_and_audience(client):
    text = text_of(client.get(NMT_SV).content.decode())
    assert (
        "NMT leds av Jämställdhetsmyndigheten i samverkan med Polisen, Migrationsverket och "
        "Åklagarmyndigheten." in text
    )
    assert "Misstänker du människohandel?" in text
    en = text_of(client.get(NMT_EN).content.decode())
    assert "NMT is led by the Swedish Gender Equality Agency in cooperation with" in en


def test_manual_shows_its_cover_with_alt_text(client):
    html = client.get(THEME_SV + "manual-vid-misstanke-om-manniskohandel/").content.decode()
    covers = elements(html, "img", **{"class": "document__cover"})
    assert covers and covers[0]["alt"] == "Omslagsbild Manual vid misstanke om människohandel"
    # The rendition the page points to exists in media storage.
    name = covers[0]["src"].removeprefix(settings.MEDIA_URL)
    assert default_storage.exists(name), name


def test_podcast_transcript_shows_only_when_filled(client):
    path = THEME_EN + "podcast-pa-djupet-54/"
    assert "Transcript" not in client.get(path).content.decode()
    page = PodcastEpisodePage.objects.get(slug_sv="podd-pa-djupet-54")
    page.transcript_en = "<p>Welcome to In depth.</p>"
    page.save_revision().publish()
    html = client.get(path).content.decode()
    assert '<h2 id="transcript-heading">Transcript</h2>' in html
    assert "Welcome to In depth." in html


def test_every_paragraph_of_the_seed_page_is_on_the_theme_or_its_resources(client):
    """The whole seed page, as written, is on the Swedish theme page and its resources."""
    theme_html = client.get(THEME_SV).content.decode()
    cards = re.findall(r'<li class="card card--resource">.*?</li>', theme_html, flags=re.S)
    pages = [theme_html] + [
        client.get(elements(card, "a")[0]["href"]).content.decode() for card in cards
    ]
    rendered = " ".join(text_of(p) for p in pages)
    # Alt texts are part of what a screen-reader user meets.
    rendered += " " + " ".join(img["alt"] for p in pages for img in elements(p, "img"))
    one_number = re.sub(r"020-39 ?0 ?000?|020-390 000", "020-39 00 00", rendered)

    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()]
    skip = {"Hoppa över menyflikskommandon", "Hoppa till huvudinnehåll"}
    paragraphs = [line for line in lines if line and line not in skip and line != "\u00a0"]
    breadcrumb = paragraphs.pop(0)
    assert breadcrumb.startswith("Start Våld Teman")
    missing = []
    for paragraph in paragraphs:
        # The cover's alt text and the manual's title stand together in the seed.
        parts = (
            paragraph.split("människohandelManual") if "Omslagsbild" in paragraph else [paragraph]
        )
        for i, part in enumerate(parts):
            if len(parts) > 1:
                part = part + "människohandel" if i == 0 else "Manual" + part
            expected = re.sub(r"\s+", " ", part).strip()
            expected = re.sub(r"020-390 000", "020-39 00 00", expected)
            if expected not in one_number:
                missing.append(expected)
    assert missing == []
    crumbs = [a.get("href") for a in elements(section(theme_html, '<nav class="breadcrumbs"'), "a")]
    assert crumbs == ["/sv/", "/sv/vald/", "/sv/vald/teman/", THEME_SV]


def test_quick_exit_is_on_by_default_under_violence_and_a_plain_link(client):
    html = client.get(THEME_SV).content.decode()
    buttons = elements(html, "a", **{"class": "quick-exit__button"})
    assert buttons and buttons[0]["href"] == "https://www.smhi.se/"
    assert "Lämna sidan snabbt" in html
    assert elements(html, "script", src="/static/js/quick-exit.js", defer="")
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "no inline scripts"
    assert not elements(client.get("/sv/").content.decode(), "a", **{"class": "quick-exit__button"})


def test_quick_exit_can_be_switched_off_per_page(client):
    page = ThemePage.objects.get(slug_sv="manniskohandel-med-barn")
    page.quick_exit = "hide"
    page.save_revision().publish()
    assert "quick-exit__button" not in client.get(THEME_SV).content.decode()
    assert "quick-exit__button" in client.get(NMT_SV).content.decode()


def test_theme_page_query_count_is_fixed(client, django_assert_num_queries):
    # The first view after a publish finds the site, its root paths, navigation and
    # footer links, the page (root page, the page's type and row), its ancestors,
    # whether any page is restricted, and the resource cards; all but the page itself
    # are then kept until the next publish (portal.caching.fragments.fragment,
    # portal.caching.routing, portal.core.pages), and so is the body drawn with its hotline. Only the
    # page's own row is read for every view.
    with django_assert_num_queries(20):
        client.get(THEME_SV)
    with django_assert_num_queries(1):
        response = client.get(THEME_SV)
    assert response.status_code == 200


def test_cached_navigation_follows_what_editors_publish(client):
    assert ">Våld<" in client.get(THEME_SV).content.decode()  # the navigation is now cached
    section = Page.objects.get(url_path="/start/vald/").specific
    section.title_sv = "Våld och förtryck"
    section.save_revision().publish()
    html = client.get(NMT_SV).content.decode()
    assert ">Våld och förtryck<" in html
    assert ">Våld<" not in html


def test_every_page_type_states_where_it_may_live():
    for model in (
        ThemeIndexPage,
        ThemePage,
        SupportServicePage,
        DocumentResourcePage,
        PodcastEpisodePage,
        WebCoursePage,
    ):
        assert model.parent_page_types, model
        assert model.page_description, model
    assert ThemePage.allowed_parent_page_models() == [ThemeIndexPage]
    assert set(ThemePage.allowed_subpage_models()) == {
        SupportServicePage,
        DocumentResourcePage,
        PodcastEpisodePage,
        WebCoursePage,
    }
    assert SupportServicePage.allowed_subpage_models() == []


def test_preview_shows_each_language():
    page = ThemePage.objects.get(slug_sv="manniskohandel-med-barn")
    assert [code for code, _name in page.preview_modes] == ["sv", "en"]
    for mode, title in (("sv", "Människohandel med barn"), ("en", "Child trafficking")):
        response = page.make_preview_request(preview_mode=mode)
        assert response.status_code == 200
        html = response.content.decode()
        assert f">{title}</h1>" in html
        assert elements(html, "html")[0]["lang"] == mode


def test_hotline_number_is_stored_once_whatever_way_it_was_written():
    hotline = Hotline.objects.get()
    assert hotline.number.as_e164 == "+4620390000"
    assert hotline.display_number == "020-39 00 00"
    assert Page.objects.type(SupportServicePage).count() == 1
