"""The catalogue on a phone: the filters fold behind one control that says how many are on
("Filtrera (2)"), a native disclosure that works without JavaScript; the result count and
the first result are on the first screen at 375 × 812. On a wide screen the filters show."""

from __future__ import annotations

import pytest

from tests.e2e.pages import CATALOGUE_EN, CATALOGUE_SV

PHONE = {"width": 375, "height": 812}


def first_screen_holds(page, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    return box is not None and box["y"] + box["height"] <= PHONE["height"]


@pytest.mark.parametrize("javascript", [True, False])
def test_on_a_phone_the_filters_fold_and_the_first_result_is_on_the_first_screen(
    new_page, javascript
):
    page = new_page(**PHONE, javascript=javascript)
    page.goto(CATALOGUE_SV + "?topic=manniskohandel&q=manual")
    toggle = page.locator(".pub-fold > summary")
    assert toggle.is_visible()
    assert toggle.inner_text().strip().endswith("Filtrera (2)")
    assert not page.locator("#pub-q").is_visible()
    assert not page.locator(".pub-topic").first.is_visible()
    assert first_screen_holds(page, "#pub-count")
    assert first_screen_holds(page, ".pub-item__title")

    # Opened by keyboard, the filters are there; a topic chosen there keeps the text.
    toggle.focus()
    page.keyboard.press("Enter")
    page.locator("#pub-q").wait_for(state="visible")
    page.locator(".pub-topic", has_text="Återvändande").click()
    page.wait_for_url("**topic=atervandande**")
    assert "q=manual" in page.url


def test_without_filters_the_control_says_filter_only(new_page):
    page = new_page(**PHONE, javascript=False)
    page.goto(CATALOGUE_EN)
    assert page.locator(".pub-fold > summary").inner_text().strip().endswith("Filter")
    assert first_screen_holds(page, ".pub-item__title")


def test_on_a_wide_screen_the_filters_show_without_the_control(new_page):
    page = new_page(width=1280, height=900, javascript=False)
    page.goto(CATALOGUE_SV + "?topic=barn")
    assert not page.locator(".pub-fold > summary").is_visible()
    page.locator("#pub-q").fill("människohandel")
    page.keyboard.press("Enter")
    page.wait_for_url("**q=**")
    assert "topic=barn" in page.url  # the topic chosen among the topics is kept by the form


def test_topics_are_offered_once(new_page):
    page = new_page(width=1280, height=900)
    page.goto(CATALOGUE_SV)
    assert page.locator("select[name=topic]").count() == 0
    assert page.locator(".pub-topic").count() >= 4
