"""A new page's address is made from its title in plain ASCII, like the seed's
("våld" → "vald"), never percent-encoded."""

from __future__ import annotations

from tests.e2e.conftest import sign_in


def test_a_new_pages_slug_is_transliterated_from_its_title(page, editor):
    from guidance.models import SectionPage

    section = SectionPage.objects.get(slug_sv="vald")
    sign_in(page, editor)
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
