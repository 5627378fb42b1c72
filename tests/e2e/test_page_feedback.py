"""'Hjälpte informationen dig?' by keyboard and without JavaScript, and axe on its pages."""

from __future__ import annotations

from tests.e2e.conftest import describe, run_axe
from tests.e2e.pages import PUBLICATION_EN, THEME_SV


def focus_lands_on(page, element_id: str) -> None:
    """The address's fragment moves the focus to the step's heading. Chromium does that
    once the page is laid out, which may come after the load event that wait_for_url
    waits for: wait for it (fails after the page's default time-out)."""
    page.wait_for_function(
        "id => document.activeElement && document.activeElement.id === id", arg=element_id
    )


def tab_to(page, name: str, limit: int = 80) -> None:
    """Press Tab until the button or field named `name` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        label = page.evaluate(
            "() => (document.activeElement.textContent || '').trim()"
            " + '|' + (document.activeElement.name || '')"
        )
        if name in label.split("|"):
            return
    raise AssertionError(f"{name} not reached by Tab")


def test_no_then_a_comment_by_keyboard(page, axe_source):
    page.goto(THEME_SV)
    tab_to(page, "Nej")
    page.keyboard.press("Enter")
    page.wait_for_url("**/sv/aterkoppling/kommentar/**")
    focus_lands_on(page, "feedback-comment")
    assert not describe(run_axe(page, axe_source))
    tab_to(page, "comment")
    page.keyboard.type("Numret till socialjouren saknas.")
    tab_to(page, "Skicka")
    page.keyboard.press("Enter")
    page.wait_for_url("**/sv/aterkoppling/tack/**")
    focus_lands_on(page, "feedback-thanks")
    assert not describe(run_axe(page, axe_source))


def test_yes_without_javascript(new_page):
    page = new_page(javascript=False)
    page.goto(PUBLICATION_EN)
    page.get_by_role("button", name="Yes", exact=True).click()
    page.wait_for_url("**/en/feedback/thanks/**")
    assert page.get_by_role("heading", level=1).inner_text() == "Thank you for your feedback"
    page.get_by_role("link", name="Back to").click()
    page.wait_for_url(f"**{PUBLICATION_EN}")
