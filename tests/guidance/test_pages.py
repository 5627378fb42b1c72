"""The child-trafficking theme and its resources, as a social worker and an editor meet them."""

import html as htmllib
import re
from pathlib import Path

import pytest
import wagtail_factories
from django.core.files.storage import default_storage
from wagtail.models import Page

from guidance.models import (
    DocumentResourcePage,
    Hotline,
    PodcastEpisodePage,
    SupportServiceAgency,
    SupportServicePage,
    ThemeIndexPage,
    ThemePage,
    WebCoursePage,
)
from tests import factories
from tests.factories.trees import violence_theme
from tests.helpers import elements, section, url_in

pytestmark = pytest.mark.django_db

# The authority's page the theme was rebuilt from, as it was handed to us.
SEED = Path(__file__).resolve().parent.parent.parent / "docs" / "seeds" / "000_ad983857c009eb41.txt"
THEME_SV = "/sv/vald/teman/manniskohandel-med-barn/"

PAGE_TYPES = [
    factories.ThemePageFactory,
    factories.ThemeIndexPageFactory,
    factories.SupportServicePageFactory,
    factories.DocumentResourcePageFactory,
    factories.PodcastEpisodePageFactory,
    factories.WebCoursePageFactory,
]


@pytest.fixture
def tree():
    return violence_theme()


def text_of(html: str) -> str:
    """The visible text, unescaped, with white space folded."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def h1(html: str) -> str:
    return text_of(section(html, "<h1"))


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("page_factory", PAGE_TYPES, ids=lambda f: f.__name__)
def test_every_page_type_renders_in_both_languages(client, page_factory, lang):
    page = page_factory()
    response = client.get(url_in(page, lang))
    assert response.status_code == 200
    html = response.content.decode()
    assert elements(html, "html")[0]["lang"] == lang
    title = getattr(page, f"title_{lang}")
    # A support service's abbreviation follows its title (NMT).
    suffix = f" – {page.abbreviation}" if getattr(page, "abbreviation", "") else ""
    assert h1(html) == title + suffix


def test_theme_index_lists_themes_with_their_lead(client):
    theme = factories.ThemePageFactory(lead_en="Social services have a central role.")
    html = client.get(url_in(theme.get_parent(), "en")).content.decode()
    assert elements(html, "a", href=url_in(theme, "en"))
    assert "Social services have a central role" in text_of(html)


def test_resource_cards_say_their_kind_and_link_to_their_pages_in_order(client):
    theme = factories.ThemePageFactory()
    resources = [
        factories.DocumentResourcePageFactory(parent=theme, document_kind="guidance"),
        factories.DocumentResourcePageFactory(parent=theme, document_kind="manual"),
        factories.SupportServicePageFactory(parent=theme),
        factories.DocumentResourcePageFactory(parent=theme, document_kind="publication"),
        factories.PodcastEpisodePageFactory(parent=theme),
        factories.WebCoursePageFactory(parent=theme),
    ]
    for order, resource in enumerate(resources):
        factories.ThemeResourceFactory(theme=theme, page=resource, sort_order=order)
    html = client.get(url_in(theme, "sv")).content.decode()
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
    expected = [url_in(resource, "sv") for resource in resources]
    hrefs = [elements(card, "a")[0]["href"] for card in cards]
    assert hrefs == expected
    for href in hrefs:
        assert client.get(href).status_code == 200
    assert "Leder vidare till nmtsverige.se" in text_of(cards[2])


def _hotline_links(html: str) -> list[str]:
    return re.findall(r'<a class="hotline__number"[^>]*>[^<]*</a>', html)


@pytest.mark.parametrize(("lang", "label"), [("sv", "Ring"), ("en", "Call")])
def test_hotline_renders_identically_with_an_international_tel_link(client, tree, lang, label):
    on_theme = _hotline_links(client.get(url_in(tree.page, lang)).content.decode())
    on_nmt = _hotline_links(client.get(url_in(tree.support, lang)).content.decode())
    assert on_theme and on_theme == on_nmt
    assert (
        on_theme[0] == f'<a class="hotline__number" href="tel:+4620390000">{label} 020-39 00 00</a>'
    )


def test_the_nmt_page_names_its_agencies_and_audience(client):
    nmt = factories.SupportServicePageFactory(
        abbreviation="NMT",
        lead_agency_sv="Jämställdhetsmyndigheten",
        lead_agency_en="the Swedish Gender Equality Agency",
        hotline=factories.HotlineFactory(),
        hotline_prompt_sv="Misstänker du människohandel?",
        hotline_prompt_en="Do you suspect human trafficking?",
    )
    for order, (name_sv, name_en) in enumerate(
        [
            ("Polisen", "the Police"),
            ("Migrationsverket", "the Migration Agency"),
            ("Åklagarmyndigheten", "the Prosecution Authority"),
        ]
    ):
        SupportServiceAgency.objects.create(
            page=nmt, name_sv=name_sv, name_en=name_en, sort_order=order
        )
    text = text_of(client.get(url_in(nmt, "sv")).content.decode())
    assert (
        "NMT leds av Jämställdhetsmyndigheten i samverkan med Polisen, Migrationsverket och "
        "Åklagarmyndigheten." in text
    )
    assert "Misstänker du människohandel?" in text
    en = text_of(client.get(url_in(nmt, "en")).content.decode())
    assert "NMT is led by the Swedish Gender Equality Agency in cooperation with" in en


def test_manual_shows_its_cover_with_alt_text(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # the built cover and its rendition go there
    manual = factories.DocumentResourcePageFactory(
        cover_image=wagtail_factories.ImageFactory(),
        cover_alt_text_sv="Omslagsbild Manual vid misstanke om människohandel",
        cover_alt_text_en="Cover of the Manual for suspected human trafficking",
    )
    html = client.get(url_in(manual, "sv")).content.decode()
    covers = elements(html, "img", **{"class": "document__cover"})
    assert covers and covers[0]["alt"] == "Omslagsbild Manual vid misstanke om människohandel"
    # The rendition the page points to exists in media storage.
    name = covers[0]["src"].removeprefix(settings.MEDIA_URL)
    assert default_storage.exists(name), name


def test_podcast_transcript_shows_only_when_filled(client):
    page = factories.PodcastEpisodePageFactory()
    path = url_in(page, "en")
    assert "Transcript" not in client.get(path).content.decode()
    page.transcript_en = "<p>Welcome to In depth.</p>"
    page.save_revision().publish()
    html = client.get(path).content.decode()
    assert '<h2 id="transcript-heading">Transcript</h2>' in html
    assert "Welcome to In depth." in html


def test_every_paragraph_of_the_seed_page_is_on_the_theme_or_its_resources(client, seeded):
    """The whole seed page, as written, is on the Swedish theme page and its resources: about
    the seed's own content (the source page's text against the seeded pages), hence seeded."""
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


def test_quick_exit_is_on_by_default_under_violence_and_a_plain_link(client, tree):
    html = client.get(url_in(tree.page, "sv")).content.decode()
    buttons = elements(html, "a", **{"class": "quick-exit__button"})
    assert buttons and buttons[0]["href"] == "https://www.smhi.se/"
    assert "Lämna sidan snabbt" in html
    assert elements(html, "script", src="/static/js/quick-exit.js", defer="")
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "no inline scripts"
    assert not elements(client.get("/sv/").content.decode(), "a", **{"class": "quick-exit__button"})


def test_quick_exit_can_be_switched_off_per_page(client, tree):
    page = tree.page
    page.quick_exit = "hide"
    page.save_revision().publish()
    assert "quick-exit__button" not in client.get(url_in(page, "sv")).content.decode()
    assert "quick-exit__button" in client.get(url_in(tree.support, "sv")).content.decode()


def test_theme_page_query_count_is_fixed(
    client, tree, django_assert_max_num_queries, django_assert_num_queries
):
    # The first view after a publish finds the site, its root paths, navigation and
    # footer links, the page (root page, the page's type and row), its ancestors,
    # whether any page is restricted, and the resource cards; all but the page itself
    # are then kept until the next publish (portal.caching.fragments.fragment,
    # portal.caching.routing, portal.core.pages), and so is the body drawn with its hotline. Only the
    # page's own row is read for every view.
    # The first view's count is Wagtail's as much as ours: an upper bound.
    with django_assert_max_num_queries(20):
        client.get(url_in(tree.page, "sv"))
    with django_assert_num_queries(1):
        response = client.get(url_in(tree.page, "sv"))
    assert response.status_code == 200


def test_cached_navigation_follows_what_editors_publish(client, tree):
    # The navigation is now cached.
    assert ">Våld<" in client.get(url_in(tree.page, "sv")).content.decode()
    section = tree.section
    section.title_sv = "Våld och förtryck"
    section.save_revision().publish()
    html = client.get(url_in(tree.support, "sv")).content.decode()
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
    page = factories.ThemePageFactory(
        title_sv="Människohandel med barn", title_en="Child trafficking"
    )
    assert [code for code, _name in page.preview_modes] == ["sv", "en"]
    for mode, title in (("sv", "Människohandel med barn"), ("en", "Child trafficking")):
        response = page.make_preview_request(preview_mode=mode)
        assert response.status_code == 200
        html = response.content.decode()
        assert f">{title}</h1>" in html
        assert elements(html, "html")[0]["lang"] == mode


def test_hotline_number_is_stored_once_whatever_way_it_was_written(seeded):
    """About the seed's own line and support service (one of each), hence seeded."""
    hotline = Hotline.objects.get()
    assert hotline.number.as_e164 == "+4620390000"
    assert hotline.display_number == "020-39 00 00"
    assert Page.objects.type(SupportServicePage).count() == 1
