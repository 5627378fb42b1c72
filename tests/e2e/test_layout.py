"""Small screens: no sideways scrolling at 320 px (WCAG 1.4.10), and screenshots to look at."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import SCREENSHOTS
from tests.e2e.pages import CATALOGUE_SV, PAGES, PUBLICATION_SV, STATEMENT_SV, THEME_SV


def test_no_page_scrolls_sideways_at_320_px(new_page):
    page = new_page(width=320, height=640)
    too_wide = []
    for name, url in PAGES:
        page.goto(url)
        widths = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.body.scrollWidth]"
        )
        if max(widths) > 320:
            culprits = page.evaluate(
                """() => Array.from(document.querySelectorAll('body *'))
                    .filter(e => e.getBoundingClientRect().right > 320.5)
                    .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + e.className)"""
            )
            too_wide.append(f"{name} {url}: {widths} {culprits}")
    assert not too_wide, "\n".join(too_wide)


def test_text_can_be_zoomed_to_200_percent_without_sideways_scrolling(new_page):
    """Text at twice the size on a 640 px window reflows like 320 px does (WCAG 1.4.4)."""
    page = new_page(width=640, height=800)
    for url in (THEME_SV, CATALOGUE_SV, STATEMENT_SV):
        page.goto(url)
        page.add_style_tag(content="html { font-size: 200% !important; }")
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 640, url


@pytest.mark.parametrize("width", [375, 1280])
def test_screenshots_for_a_person_to_look_at(new_page, width):
    """Written to screenshots/ at the repository root (ignored by git)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    page = new_page(width=width, height=900)
    for name, url in [
        ("theme", THEME_SV),
        ("catalogue", CATALOGUE_SV + "?topic=manniskohandel"),
        ("publication", PUBLICATION_SV),
        ("statement", STATEMENT_SV),
    ]:
        page.goto(url)
        path = SCREENSHOTS / f"{name}-{width}.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 0


LAYOUT_SHIFT = """() => new Promise(resolve => {
    let total = 0;
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) { if (!entry.hadRecentInput) total += entry.value; }
    }).observe({type: 'layout-shift', buffered: true});
    setTimeout(() => resolve(total), 500);
})"""


def test_the_shift_hint_shows_with_a_keyboard_without_moving_the_page(new_page):
    page = new_page(width=1280, height=900)
    page.goto(THEME_SV)
    hint = page.locator(".quick-exit__hint")
    hint.wait_for(state="visible")
    assert page.locator(".quick-exit__button").get_attribute("aria-describedby") == (
        "quick-exit-hint"
    )
    assert page.evaluate(LAYOUT_SHIFT) == 0


def test_phones_get_the_button_without_the_shift_hint(new_page):
    page = new_page(width=375, height=812, has_touch=True, is_mobile=True)
    page.goto(THEME_SV)
    assert page.locator(".quick-exit__button").is_visible()
    assert not page.locator(".quick-exit__hint").is_visible()
    assert page.evaluate(LAYOUT_SHIFT) == 0


def test_without_javascript_no_hint_promises_a_shortcut_that_needs_it(new_page):
    page = new_page(javascript=False)
    page.goto(THEME_SV)
    assert page.locator(".quick-exit__button").is_visible()
    assert not page.locator(".quick-exit__hint").is_visible()
    assert page.locator(".quick-exit__button").get_attribute("aria-describedby") is None
