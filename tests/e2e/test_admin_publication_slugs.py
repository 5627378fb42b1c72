"""A new publication's and organisation's address is filled in from the Swedish title or
name, in plain ASCII ("Åtgärder" → "atgarder"), and stays editable."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import sign_in

SNIPPETS = "/admin/snippets/publications"


@pytest.fixture
def signed_in(page, make_editor):
    editor = make_editor("sv")
    sign_in(page, editor)
    return page


def slug_from(page, field: str, text: str) -> str:
    source = page.locator(f"input[name={field}]")
    source.fill(text)
    source.press("Tab")
    page.wait_for_function(
        "() => document.querySelector('input[name=slug]').value !== ''", timeout=5000
    )
    return page.locator("input[name=slug]").input_value()


def test_a_new_publications_slug_comes_from_its_swedish_title(signed_in):
    page = signed_in
    page.goto(f"{SNIPPETS}/publication/add/")
    slug = slug_from(page, "title_sv", "Åtgärder för barn i människohandel")
    assert slug == "atgarder-for-barn-i-manniskohandel"
    # Still the editor's to change: a slug typed by hand is kept.
    page.fill("input[name=slug]", "atgarder-barn")
    page.locator("input[name=slug]").press("Tab")
    assert page.locator("input[name=slug]").input_value() == "atgarder-barn"


def test_a_new_organisations_slug_comes_from_its_swedish_name(signed_in):
    page = signed_in
    page.goto(f"{SNIPPETS}/organisation/add/")
    assert slug_from(page, "name_sv", "Länsstyrelsen i Östergötland") == (
        "lansstyrelsen-i-ostergotland"
    )
