"""In a browser: the page chooser of a theme's new resource follows the address it is given (an
admin address of the portal that forwards to Wagtail's chooser) and lists the theme's pages."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import EDITOR_PASSWORD


@pytest.fixture
def editor(make_editor):
    return make_editor("sv")


def test_the_resource_chooser_opens_at_the_theme_being_edited(page, editor):
    from guidance.models import ThemePage

    theme = ThemePage.objects.get(slug_sv="manniskohandel-med-barn")
    page.goto("/admin/login/")
    page.fill("input[name=username]", editor.username)
    page.fill("input[name=password]", EDITOR_PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in|Logga in")).click()
    page.wait_for_url(re.compile(r"/admin/$"))
    page.goto(f"/admin/pages/{theme.pk}/edit/")
    page.locator("#id_resources-ADD").click()  # "Lägg till resurs"
    new = page.locator("[id^=id_resources-][id$=-page-chooser]").last
    new.get_by_role("button", name=re.compile("Välj en sida", re.I)).click()
    modal = page.locator(".modal-content")
    modal.locator("a.choose-page").first.wait_for()
    listed = modal.locator("a.choose-page").all_inner_texts()
    children = [child.title_sv for child in theme.get_children().live()]
    # The theme's own pages, and every one of them (Wagtail alone opened at Våld).
    assert sorted(title.strip() for title in listed) == sorted(children)
    # Leave the editor here: its editing session is released as it unloads, while the
    # server is still the test's (not while the database is reset after it).
    page.goto("/admin/")
