"""Print: a theme and a publication print without navigation or the quick exit, with link addresses."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import SCREENSHOTS
from tests.e2e.pages import PUBLICATION_SV, THEME_SV

HIDDEN_IN_PRINT = [".skip-link", ".site-header", ".main-nav", ".breadcrumbs", ".site-footer"]


def displayed(page, selector: str) -> bool:
    return page.evaluate(
        "(sel) => Array.from(document.querySelectorAll(sel))"
        ".some(e => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0)",
        selector,
    )


@pytest.mark.parametrize(
    ("name", "url", "link"),
    [
        ("theme", THEME_SV, ".card__title a"),
        ("publication", PUBLICATION_SV, "main .pub-topic"),
    ],
)
def test_prints_cleanly_with_link_addresses(page, name, url, link):
    page.goto(url)
    has_quick_exit = displayed(page, ".quick-exit__button")
    assert displayed(page, ".main-nav")
    page.emulate_media(media="print")
    for selector in HIDDEN_IN_PRINT:
        assert not displayed(page, selector), f"{selector} is printed"
    if name == "theme":
        assert has_quick_exit, "the theme page shows the quick exit on screen"
    assert not displayed(page, ".quick-exit, .quick-exit__button")
    assert displayed(page, "main h1")
    first = page.locator(link).first
    href = first.get_attribute("href")
    after = first.evaluate("(a) => getComputedStyle(a, '::after').content")
    assert href and href in after, f"{after!r} does not show {href!r}"
    SCREENSHOTS.mkdir(exist_ok=True)
    page.pdf(path=str(SCREENSHOTS / f"{name}-print.pdf"), format="A4")
    page.screenshot(path=str(SCREENSHOTS / f"{name}-print.png"), full_page=True)
