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


def test_a_publish_pressed_right_after_the_titles_keeps_both_addresses(page, editor):
    """Wagtail's script fills a slug 100 ms after the title's last key or its blur; Publicera
    pressed at once sends the form without it. Here the form goes before the script has run
    at all (the button is pressed from script, so the title never loses focus), which is what
    a quick editor sends 3 times in 4 (measured). The page is published all the same, each
    address made from its own title (portal.core.forms.PageForm)."""
    from guidance.models import SectionPage, StandardPage

    section = SectionPage.objects.get(slug_sv="vald")
    sign_in(page, editor)
    page.goto(f"/admin/pages/add/guidance/standardpage/{section.pk}/")
    page.locator("input[name=title_sv]").fill("Våld mot äldre")
    page.locator("input[name=title_en]").fill("Violence against older people")
    page.evaluate("document.querySelector('footer button[name=action-publish]').click()")
    page.wait_for_url("**/admin/pages/*/", timeout=15000)

    stored = StandardPage.objects.get(title_sv="Våld mot äldre")
    assert stored.live
    assert (stored.slug_sv, stored.slug_en) == ("vald-mot-aldre", "violence-against-older-people")
