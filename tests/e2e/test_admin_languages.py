"""The page editor shows both languages: by default both, each field labelled with its
language ("Svenska" / "Engelska"), side by side on a wide screen and stacked on a narrow
one; the editor's choice to hide one is remembered after a reload."""

from __future__ import annotations

import re

from tests.e2e.conftest import sign_in


def _sign_in_and_edit(page, editor, pk=None):
    from guidance.models import SectionPage

    pk = pk or SectionPage.objects.get(slug_sv="vald").pk
    sign_in(page, editor)
    page.goto(f"/admin/pages/{pk}/edit/")


def _boxes(page):
    swedish = page.locator("input[name=title_sv]")
    english = page.locator("input[name=title_en]")
    return swedish.bounding_box(), english.bounding_box()


def test_both_languages_side_by_side_labelled_and_the_choice_remembered(new_page, editor):
    page = new_page(width=1280)
    _sign_in_and_edit(page, editor)

    swedish = page.locator("input[name=title_sv]")
    english = page.locator("input[name=title_en]")
    assert swedish.is_visible() and english.is_visible()
    # Labelled by language, in the admin's language; the code is no longer shown.
    # The inputs' accessible names say the language too.
    named = page.get_by_role("textbox", name=re.compile(r"^Titel Svenska\b"))
    assert named.get_attribute("name") == "title_sv"
    named = page.get_by_role("textbox", name=re.compile(r"^Titel Engelska\b"))
    assert named.get_attribute("name") == "title_en"
    title_labels = page.locator("label[for=id_title_sv], label[for=id_title_en]")
    assert [text.split("*")[0].strip() for text in title_labels.all_inner_texts()] == [
        "Titel Svenska",
        "Titel Engelska",
    ]
    assert "[sv]" not in page.locator("form[data-edit-form]").inner_text()

    # Side by side at 1280 px: one row, Swedish on the left.
    sv_box, en_box = _boxes(page)
    assert abs(sv_box["y"] - en_box["y"]) < 2
    assert en_box["x"] >= sv_box["x"] + sv_box["width"]

    # Hide English with the toggle; after a reload it is still hidden, Swedish shown
    # across the whole width.
    page.locator(".locale-picker button", has_text=re.compile(r"^en$")).click()
    assert english.is_hidden()
    page.reload()
    swedish.wait_for(state="visible")
    page.wait_for_selector(".locale-picker")
    assert english.is_hidden()
    assert swedish.bounding_box()["width"] > sv_box["width"] * 1.5

    # Shown again, and remembered too.
    page.locator(".locale-picker button", has_text=re.compile(r"^en$")).click()
    assert english.is_visible()
    page.reload()
    page.wait_for_selector(".locale-picker")
    assert english.is_visible() and swedish.is_visible()


def test_narrow_screen_stacks_the_two_languages(new_page, editor):
    page = new_page(width=600)
    _sign_in_and_edit(page, editor)
    page.wait_for_selector(".locale-picker")
    sv_box, en_box = _boxes(page)
    assert page.locator("input[name=title_en]").is_visible()
    assert en_box["y"] >= sv_box["y"] + sv_box["height"]
    assert abs(sv_box["x"] - en_box["x"]) < 2


def test_copy_content_from_the_other_language_fills_a_streamfield(new_page, editor):
    from guidance.models import ThemePage

    theme = ThemePage.objects.get(title_sv="Människohandel med barn")
    page = new_page(width=1280)
    _sign_in_and_edit(page, editor, theme.pk)
    english_body = page.locator("#panel-child-innehall-body_en-section")
    swedish_body = page.locator("#panel-child-innehall-body_sv-section")
    # Swedish has one block; emptied in English, then copied back from Swedish.
    english_body.get_by_role("button", name=re.compile("Radera|Delete")).first.click()
    hotline = english_body.locator(".chooser__title", has_text="Nationella stödtelefonen")
    hotline.wait_for(state="hidden")
    assert (
        "Kopiera innehåll från"
        in english_body.locator(".translation-field-copy-wrapper").inner_text()
    )
    assert not swedish_body.locator(".translation-field-copy", has_text="Svenska").count()
    english_body.locator(".translation-field-copy", has_text="Svenska").click()
    hotline.wait_for(state="visible")
    assert english_body.locator("[data-contentpath]").count() > 0
    # Saved as a draft, the English body carries the copied block.
    page.get_by_role("button", name=re.compile(r"^Spara utkast")).click()
    page.locator(".messages .success, .messages [class*=success]").first.wait_for(state="attached")
    draft = ThemePage.objects.get(pk=theme.pk).get_latest_revision_as_object()
    assert [block.block_type for block in draft.body_en] == [
        block.block_type for block in draft.body_sv
    ]
    assert len(draft.body_en) == 1
