"""A new page's address is made from its title in plain ASCII, like the seed's
("våld" → "vald"), never percent-encoded."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import EDITOR_PASSWORD


@pytest.fixture
def editor(make_editor):
    return make_editor("sv")


def test_a_new_pages_slug_is_transliterated_from_its_title(page, editor):
    from guidance.models import SectionPage

    section = SectionPage.objects.get(slug_sv="vald")
    page.goto("/admin/login/")
    page.fill("input[name=username]", editor.username)
    page.fill("input[name=password]", EDITOR_PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in|Logga in")).click()
    page.wait_for_url(re.compile(r"/admin/$"))
    page.goto(f"/admin/pages/add/guidance/standardpage/{section.pk}/")
    title = page.locator("input[name=title_sv]")
    title.fill("Hedersrelaterat våld och förtryck")
    title.press("Tab")
    slug = page.locator("input[name=slug_sv]")
    slug.wait_for(state="attached")
    page.wait_for_function(
        "() => document.querySelector('input[name=slug_sv]').value !== ''", timeout=5000
    )
    assert slug.input_value() == "hedersrelaterat-vald-och-fortryck"
