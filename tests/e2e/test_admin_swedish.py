"""The page editor in Swedish as a browser shows it: what the scripts write (the language
toggle's heading from wagtail-modeltranslation, Wagtail's own scripted texts) is Swedish."""

from __future__ import annotations

from tests.e2e.conftest import sign_in


def test_the_page_editors_scripted_texts_are_swedish(page, editor):
    from guidance.models import ThemePage

    theme = ThemePage.objects.live().order_by("path").first()
    sign_in(page, editor)
    page.goto(f"/admin/pages/{theme.pk}/edit/")
    page.locator(".locale-picker h2").first.wait_for()
    assert page.locator(".locale-picker h2").first.inner_text() == "Visa / redigera fält på"
    text = page.locator("body").inner_text()
    for english in ["View / edit fields for", "Saved", "Autosave is paused", "Compare"]:
        assert english not in text
