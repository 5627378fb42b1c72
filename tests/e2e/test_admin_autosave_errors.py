"""In a browser: a publish that fails validation comes back with what the editor typed, and
Wagtail's autosave then saves it as a draft ("Sparat"). The message beside it then says
so ("sparat som utkast men inte publicerat") instead of "Sidan kunde inte skapas", on a
new page (the draft is made once) and on an existing one (the live page stays as it was)."""

from __future__ import annotations

import re

from tests.e2e.conftest import sign_in

SAVED_AS_DRAFT = "Det du skrev är sparat som utkast men inte publicerat"


def publish(page) -> None:
    with page.expect_navigation():
        page.locator("footer [data-w-dropdown-target=toggle]").click()
        page.locator("button[name=action-publish]").click()


def autosaved(page) -> None:
    """Waits for the autosave that follows the returned form ("Sparat")."""
    page.wait_for_function(
        "() => document.querySelector('#w-autosave-indicator')"
        "?.dataset.wAutosaveStateValue === 'saved'"
    )


def message(page) -> str:
    return " ".join(page.locator(".messages li.error").all_inner_texts())


def test_a_new_page_that_cannot_be_published_is_kept_as_a_draft_and_says_so(page, editor):
    from guidance.models import ThemeIndexPage, ThemePage

    index = ThemeIndexPage.objects.get(slug_sv="teman")
    before = set(ThemePage.objects.values_list("pk", flat=True))
    sign_in(page, editor)
    page.goto(f"/admin/pages/add/guidance/themepage/{index.pk}/")
    page.locator("#id_title_sv").fill("Tema utan ingress")
    page.locator("#id_title_sv").press("Tab")  # the slug follows the title
    publish(page)  # the lead is required to publish

    autosaved(page)
    assert page.locator(".w-autosave-indicator__state--saved").inner_text().strip() == "Sparat"
    assert SAVED_AS_DRAFT in message(page)
    assert "kunde inte skapas" not in message(page)
    assert page.get_by_role("button", name="Gå till första felet").is_visible()
    assert page.input_value("#id_title_sv") == "Tema utan ingress"
    assert page.input_value("#id_lead_sv") == ""

    created = ThemePage.objects.exclude(pk__in=before)
    assert [(p.title_sv, p.live) for p in created] == [("Tema utan ingress", False)]
    assert re.search(rf"/admin/pages/{created[0].pk}/edit/$", page.url)


def test_an_edit_that_cannot_be_published_is_kept_as_a_draft_and_says_so(page, editor):
    from guidance.models import ThemePage

    theme = ThemePage.objects.get(slug_sv="manniskohandel-med-barn")
    live_lead = theme.lead_sv
    sign_in(page, editor)
    page.goto(f"/admin/pages/{theme.pk}/edit/")
    page.locator("#id_title_sv").fill("Människohandel med barn och unga")
    page.locator("#id_lead_sv").fill("")
    publish(page)

    autosaved(page)
    assert SAVED_AS_DRAFT in message(page)
    assert "kunde inte sparas" not in message(page)
    assert page.input_value("#id_title_sv") == "Människohandel med barn och unga"
    theme.refresh_from_db()
    assert (theme.title_sv, theme.lead_sv, theme.live) == (
        "Människohandel med barn",
        live_lead,
        True,
    )
    draft = theme.get_latest_revision().as_object()
    assert (draft.title_sv, draft.lead_sv) == ("Människohandel med barn och unga", "")
