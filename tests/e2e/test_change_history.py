"""A page's change history, in Chromium: closed until asked for, opened by keyboard, and
nothing for axe to find, in both languages."""

from __future__ import annotations

import pytest

from guidance.models import ThemePage
from portal.changes.models import ChangeNote
from tests.e2e.conftest import describe, run_axe
from tests.e2e.pages import THEME_EN, THEME_SV
from tests.e2e.test_page_feedback import tab_to

NOTES = [
    ("Nytt telefonnummer till stödlinjen.", "A new telephone number for the helpline."),
    (
        "Avsnittet om stöd efter placering är nytt.",
        "The section on support after a placement is new.",
    ),
]


@pytest.fixture
def noted_theme():
    theme = ThemePage.objects.get(url_path_sv__endswith="/manniskohandel-med-barn/")
    for note_sv, note_en in NOTES:
        ChangeNote.objects.create(changed=theme, note=note_sv, note_sv=note_sv, note_en=note_en)
    return theme


@pytest.mark.parametrize(
    ("language", "summary"), [("sv", "Alla uppdateringar"), ("en", "All updates")]
)
def test_the_history_opens_by_keyboard_and_axe_finds_nothing(
    page, axe_source, noted_theme, language, summary
):
    page.goto(THEME_SV if language == "sv" else THEME_EN)
    history = page.locator(".change-history")
    assert history.locator(".change-history__updated").is_visible()
    latest = NOTES[-1][0 if language == "sv" else 1]
    assert not page.get_by_text(latest).is_visible()  # closed until asked for

    tab_to(page, summary)
    page.keyboard.press("Enter")
    assert page.get_by_text(latest).is_visible()
    items = history.locator(".change-history__list li")
    assert items.count() == len(NOTES) + 1  # and when it was first published
    violations = run_axe(page, axe_source)
    assert not violations, describe(violations)
