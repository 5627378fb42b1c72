"""Without JavaScript the catalogue and search give the same results as with it."""

from __future__ import annotations

import pytest

from tests.e2e.pages import CATALOGUE_EN, CATALOGUE_SV

RESULTS_JS = """() => {
    const text = (sel) => Array.from(document.querySelectorAll(sel), e => e.textContent.trim());
    return {
        count: text('.pub-count, .result-count'),
        titles: text('.pub-item__title, .search-results > li > a, .search-result__title'),
    };
}"""


def results(page) -> dict:
    return page.evaluate(RESULTS_JS)


@pytest.mark.parametrize(
    "url",
    [
        CATALOGUE_SV,
        CATALOGUE_SV + "?topic=manniskohandel",
        CATALOGUE_SV + "?q=barn&sort=title",
        CATALOGUE_EN + "?type=manual&language=en",
        CATALOGUE_SV + "?q=zzzzqqq",
        "/sv/sok/?q=människohandel",
        "/en/search/?q=trafficking",
        "/sv/sok/?q=zzzzqqq",
    ],
)
def test_same_results_with_and_without_javascript(new_page, url):
    with_js, without_js = new_page(javascript=True), new_page(javascript=False)
    with_js.goto(url)
    without_js.goto(url)
    on, off = results(with_js), results(without_js)
    assert on["count"], f"{url}: no result count shown"
    assert on == off


def test_catalogue_filter_form_works_without_javascript(new_page):
    found = []
    for javascript in (True, False):
        page = new_page(javascript=javascript)
        page.goto(CATALOGUE_SV)
        page.locator(".pub-topic", has_text="Barn").click()
        page.wait_for_url("**topic=barn**")
        page.fill("#pub-q", "människohandel")
        page.press("#pub-q", "Enter")
        page.wait_for_url("**topic=barn**")
        found.append((page.url.split("?", 1)[1], results(page)))
    assert found[0] == found[1]
    assert found[0][1]["titles"], "the filtered catalogue lists publications"


def test_header_search_works_without_javascript(new_page):
    found = []
    for javascript in (True, False):
        page = new_page(javascript=javascript)
        page.goto("/sv/")
        page.fill("#site-search-q", "människohandel")
        page.press("#site-search-q", "Enter")
        page.wait_for_url("**/sv/sok/?q=**")
        found.append(results(page))
    assert found[0] == found[1]
    assert found[0]["titles"]
