"""In a browser: the page chooser of a theme's new resource follows the address it is given (an
admin address of the portal that forwards to Wagtail's chooser) and lists the theme's pages."""

from __future__ import annotations

import re

from tests.e2e.conftest import sign_in
from tests.factories import DocumentResourcePageFactory, ThemePageFactory


def test_the_resource_chooser_opens_at_the_theme_being_edited(page, editor):
    from guidance.models import ThemePage

    theme = ThemePage.objects.get(slug_sv="manniskohandel-med-barn")
    # A second theme with a resource of its own: Wagtail alone would now open the chooser
    # above both themes, at "Teman", where no page can be chosen.
    other = ThemePageFactory(parent=theme.get_parent(), title_sv="Äldre", title_en="Older")
    DocumentResourcePageFactory(parent=other, title_sv="Vägledning om äldre")
    sign_in(page, editor)
    page.goto(f"/admin/pages/{theme.pk}/edit/")
    page.locator("#id_resources-ADD").click()  # "Lägg till resurs"
    new = page.locator("[id^=id_resources-][id$=-page-chooser]").last
    new.get_by_role("button", name=re.compile("Välj en sida", re.I)).click()
    modal = page.locator(".modal-content")
    modal.locator("a.choose-page").first.wait_for()
    listed = modal.locator("a.choose-page").all_inner_texts()
    children = [child.title_sv for child in theme.get_children().live()]
    # The theme's own pages, and every one of them.
    assert sorted(title.strip() for title in listed) == sorted(children)
