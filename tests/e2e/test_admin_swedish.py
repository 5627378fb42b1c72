"""The page editor in Swedish as a browser shows it: what the scripts write (the language
toggle's heading from wagtail-modeltranslation, Wagtail's own scripted texts) is Swedish."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import EDITOR_PASSWORD


@pytest.fixture
def editor(make_editor):
    return make_editor("sv")


def test_the_page_editors_scripted_texts_are_swedish(page, editor):
    from guidance.models import ThemePage

    theme = ThemePage.objects.live().order_by("path").first()
    page.goto("/admin/login/")
    page.fill("input[name=username]", editor.username)
    page.fill("input[name=password]", EDITOR_PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in|Logga in")).click()
    page.wait_for_url(re.compile(r"/admin/$"))
    page.goto(f"/admin/pages/{theme.pk}/edit/")
    page.locator(".locale-picker h2").first.wait_for()
    assert page.locator(".locale-picker h2").first.inner_text() == "Visa / redigera fält på"
    text = page.locator("body").inner_text()
    for english in ["View / edit fields for", "Saved", "Autosave is paused", "Compare"]:
        assert english not in text
