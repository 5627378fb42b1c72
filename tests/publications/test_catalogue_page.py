"""The public catalogue at /sv/publikationer/ and /en/publications/ as a page: its address
in each language, the menu, the no-JavaScript form, the active filters and pagination.
Each test builds the small catalogue of tests/factories/sample_catalogue.py (`sample`)."""

from __future__ import annotations

from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.template import Context, Template

from guidance.models import HomePage
from publications.catalogue import Option
from publications.models import PublicationIndexPage
from tests.factories import sample_catalogue
from tests.helpers import elements, section
from tests.publications.catalogue_helpers import (
    EN,
    SV,
    count_text,
    get,
    result_titles,
    results,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "lang", "intro"),
    [(SV, "sv", sample_catalogue.INTRO_SV), (EN, "en", sample_catalogue.INTRO_EN)],
    ids=["sv", "en"],
)
def test_catalogue_lives_at_its_address_in_each_language(client, sample, path, lang, intro):
    html = get(client, path)
    assert elements(html, "html")[0]["lang"] == lang
    assert f">{getattr(sample.page, f'title_{lang}')}</h1>" in html
    assert intro in html
    assert len(results(html)) == len(sample.publications)
    assert count_text(len(sample.publications), lang) in html


def test_catalogue_is_in_the_main_menu_and_the_switcher_keeps_the_filter(client, sample):
    html = get(client, SV, {"topic": "barn-och-unga"})
    assert elements(section(html, '<nav class="main-nav"'), "a", href=SV)
    switcher = elements(section(html, '<nav class="language-switcher"'), "a", hreflang="en")
    assert switcher[0]["href"] == "/en/publications/?topic=barn-och-unga"


def test_the_page_type_states_where_it_lives(sample):
    assert PublicationIndexPage.max_count == 1
    assert PublicationIndexPage.parent_page_types == ["guidance.HomePage"]
    assert PublicationIndexPage.objects.live().get() == sample.page
    assert isinstance(sample.page.get_parent().specific, HomePage)


# Active filters, pagination --------------------------------------------------------


def test_active_filters_are_listed_and_removed_one_at_a_time(client, sample):
    params = {"topic": "barn-och-unga", "type": "rapport", "q": "unga", "year_from": "2010"}
    html = get(client, EN, params)
    assert result_titles(html) == [sample["jag-ville-bara"].title_en]
    chips = elements(html, "a", **{"class": "pub-chip"})
    assert {chip["data-filter"] for chip in chips} == {"q", "topic", "type", "year_from"}
    for chip in chips:
        remaining = parse_qs(urlsplit(unescape(chip["href"])).query)
        removed = chip["data-filter"]
        assert removed not in remaining
        assert set(remaining) == set(params) - {removed}
    assert sample.topics["barn"].name_en in section(html, '<div class="pub-active"')
    assert elements(html, "a", href=EN, **{"class": "pub-active__clear"})
    assert not elements(get(client, EN), "a", **{"class": "pub-chip"})


def test_pagination_keeps_the_filters(client, sample):
    page = sample.page
    page.per_page = 5  # the smallest an editor may choose
    page.save_revision().publish()  # as an editor changes it
    html = get(client, SV, {"sort": "title"})
    in_order = [sample[slug].title_sv for slug in sample_catalogue.TITLE_ORDER_SV]
    assert result_titles(html) == in_order[:5]
    assert count_text(len(sample.publications), "sv") in html
    next_link = elements(section(html, '<nav class="pagination'), "a", rel="next")[0]["href"]
    assert parse_qs(urlsplit(unescape(next_link)).query) == {"sort": ["title"], "page": ["2"]}
    second = get(client, unescape(next_link))
    assert result_titles(second) == in_order[5:]
    assert elements(second, "ol", start="6")
    prev_link = elements(section(second, '<nav class="pagination'), "a", rel="prev")[0]["href"]
    assert parse_qs(urlsplit(unescape(prev_link)).query) == {"sort": ["title"]}


# The form works without JavaScript -------------------------------------------------


def test_filter_form_is_a_plain_get_form_with_labels_and_groups(client, sample):
    html = get(client, SV)
    form_html = section(html, '<form class="pub-filters"')
    form = elements(form_html, "form")[0]
    assert form["method"] == "get" and form["action"] == SV
    controls = elements(form_html, "input") + elements(form_html, "select")
    names = {control["name"] for control in controls}
    # The topic is chosen among the topics' links (offered once), not in the form.
    assert names == {"q", "type", "year_from", "year_to", "language", "author", "sort"}
    for control in controls:
        assert elements(form_html, "label", **{"for": control["id"]}), control["name"]
    chosen = section(get(client, SV, {"topic": "barn"}), '<form class="pub-filters"')
    assert elements(chosen, "input", type="hidden", name="topic", value="barn")
    assert form_html.count("<fieldset") == 2 and form_html.count("<legend>") == 2
    assert elements(form_html, "button", type="submit")
    # No inline script: the page works without JavaScript.
    for script in elements(html, "script"):
        assert script.get("src") or script.get("type") == "application/ld+json"


def test_submitting_the_form_as_it_comes_changes_nothing(client, sample):
    empty = dict.fromkeys(("q", "topic", "type", "year_from", "year_to", "language", "author"), "")
    html = get(client, SV, {**empty, "sort": "newest"})
    assert len(results(html)) == len(sample.publications)
    assert '<div class="notice pub-notices"' not in html
    assert not elements(html, "a", **{"class": "pub-chip"})


def test_submitting_chosen_values_filters(client, sample):
    empty = dict.fromkeys(("q", "year_from", "author"), "")
    chosen = {"type": "rapport", "year_to": "2021", "language": "sv", "sort": "title"}
    html = get(client, EN, {**empty, **chosen})
    # The reports of 2021 and before, all in Swedish: 2021, 2019 and 2015, by English title.
    assert result_titles(html) == [
        sample["jag-ville-bara"].title_en,
        sample["aldre-och-vald"].title_en,
        sample["valdsutsatta-kvinnor"].title_en,
    ]
    assert elements(html, "option", value="rapport", selected="")
    assert elements(html, "option", value="title", selected="")


def test_facet_options_escape_what_editors_wrote_and_mark_the_chosen_one():
    options = [
        Option(value='a"b', label="<script>x</script>", count=3, selected=True),
        Option(value="ar", label="العربية", count=1, selected=False, lang="ar", dir="rtl"),
    ]
    rendered = Template("{% load publications_tags %}{% facet_options options %}").render(
        Context({"options": options})
    )
    assert rendered == (
        '<option value="a&quot;b" selected>&lt;script&gt;x&lt;/script&gt; (3)</option>'
        '<option value="ar" lang="ar" dir="rtl">العربية (1)</option>'
    )
    # The year selects name the chosen value instead.
    years = [Option(value="2019", label="2019", count=2, selected=False)]
    template = Template("{% load publications_tags %}{% facet_options years selected=chosen %}")
    assert " selected" in template.render(Context({"years": years, "chosen": "2019"}))
    assert " selected" not in template.render(Context({"years": years, "chosen": ""}))
