"""Keyboard: the skip link, every control reachable with a visible focus, the quick exit."""

from __future__ import annotations

import re

import pytest
from django.conf import settings

from tests.e2e.pages import CATALOGUE_SV, PUBLICATION_EN, STATEMENT_EN, THEME_EN, THEME_SV

NEUTRAL = "<!DOCTYPE html><html lang='sv'><title>Neutral stand-in</title><p>Väder</p></html>"

# Everything a keyboard user can reach with Tab, in the page's own order.
FOCUSABLE = (
    "a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), "
    "select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])"
)

STYLE_JS = """(el) => {
    const s = getComputedStyle(el);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow,
            s.backgroundColor, s.color, s.textDecorationLine, s.borderColor].join('|');
}"""


def route_quick_exit(page) -> list[str]:
    """The neutral site is answered locally: nothing leaves the machine."""
    visits: list[str] = []

    def fulfil(route):
        visits.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body=NEUTRAL)

    page.route(re.compile(re.escape(settings.QUICK_EXIT_URL.rstrip("/")) + ".*"), fulfil)
    return visits


def active(page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {tag: el.tagName.toLowerCase(), id: el.id, cls: el.className,
                    key: el.getAttribute('data-e2e-key'), text: (el.textContent || '').trim()};
        }"""
    )


@pytest.mark.parametrize("url", [THEME_SV, "/en/contact/"])
def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, url):
    page.goto(url)
    page.keyboard.press("Tab")
    first = active(page)
    assert first["tag"] == "a" and "skip-link" in first["cls"]
    box = page.locator(".skip-link").bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0, "the focused skip link is on screen"
    page.keyboard.press("Enter")
    assert active(page)["id"] == "main"
    # The next Tab continues from the main content (or after it), not back in the header.
    page.keyboard.press("Tab")
    after_main_start = page.evaluate(
        """() => {
            const main = document.getElementById('main');
            const el = document.activeElement;
            return main.contains(el)
                || !!(main.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
        }"""
    )
    assert after_main_start


@pytest.mark.parametrize(
    "url", ["/sv/", THEME_SV, CATALOGUE_SV + "?topic=manniskohandel", PUBLICATION_EN, STATEMENT_EN]
)
def test_every_control_is_reachable_by_tab_with_a_visible_focus(page, url):
    page.goto(url)
    # Label every control and note how it looks without focus.
    expected = page.evaluate(
        """([selector, styleSrc]) => {
            const style = eval(styleSrc);
            const found = [];
            document.querySelectorAll(selector).forEach((el, i) => {
                const s = getComputedStyle(el);
                if (s.display === 'none' || s.visibility === 'hidden' || el.closest('[hidden]')) return;
                // Inside a closed disclosure ("Visa mer"): reached once it is opened.
                if (!el.checkVisibility() && el.closest('details:not([open])')) return;
                // Taken out of the tab order on purpose (the feedback form's field for bots).
                if (el.getAttribute('tabindex') === '-1' && el.closest('[aria-hidden="true"]')) return;
                el.setAttribute('data-e2e-key', String(i));
                found.push({key: String(i), style: style(el)});
            });
            return found;
        }""",
        [FOCUSABLE, STYLE_JS],
    )
    unfocused = {item["key"]: item["style"] for item in expected}
    reached: list[str] = []
    for _ in range(len(expected) + 5):
        page.keyboard.press("Tab")
        current = active(page)
        if current["key"] is None or current["key"] in reached:
            if current["tag"] == "body" or current["key"] in reached:
                break
            continue
        reached.append(current["key"])
        focused_style = page.evaluate(f"({STYLE_JS})(document.activeElement)")
        outline = page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement);"
            " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }"
        )
        assert focused_style != unfocused[current["key"]] and outline, (
            f"no visible focus on {current}"
        )
    missing = [key for key in unfocused if key not in reached]
    described = page.evaluate(
        "(keys) => keys.map(k => document.querySelector(`[data-e2e-key='${k}']`).outerHTML.slice(0, 120))",
        missing,
    )
    assert not missing, f"not reachable by Tab: {described}"


def test_quick_exit_by_keyboard_replaces_the_page(page):
    visits = route_quick_exit(page)
    page.goto("/sv/kontakt/")  # a page without quick exit, to come back to
    page.goto(THEME_SV)
    for _ in range(3):
        page.keyboard.press("Tab")
        if "quick-exit__button" in active(page)["cls"]:
            break
    assert "quick-exit__button" in active(page)["cls"], "the quick exit is among the first stops"
    page.keyboard.press("Enter")
    page.wait_for_url(settings.QUICK_EXIT_URL + "**")
    assert visits
    # The page was replaced in the history: Back does not return to the theme.
    page.go_back()
    assert THEME_SV not in page.url


def test_quick_exit_by_pressing_shift_three_times(page):
    visits = route_quick_exit(page)
    page.goto(THEME_EN)
    page.locator("h1").click()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(settings.QUICK_EXIT_URL + "**")
    assert visits


def test_shift_twice_then_a_pause_does_not_exit(page):
    """The three presses must come within five seconds (a fake clock keeps the test short)."""
    visits = route_quick_exit(page)
    page.clock.install()
    page.goto(THEME_SV)
    page.locator("h1").click()
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.clock.run_for(5_100)
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url.endswith(THEME_SV)
    assert not visits
    # The count started again: two more presses within the window exit.
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_url(settings.QUICK_EXIT_URL + "**")
