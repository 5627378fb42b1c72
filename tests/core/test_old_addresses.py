"""Renaming or moving a page keeps all its old addresses working, in both languages,
descendants included: 301 to where the page is now, no chains, no loops."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.factories.trees import THEME_EN, THEME_SV, violence_theme
from tests.helpers import form_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    """Start > Våld (/sv/vald/, /en/violence/) > Teman > Barn (THEME_SV, THEME_EN); Kontakt."""
    return violence_theme()


def below(tree, lang):
    """The theme's address below its section: "teman/barn/"."""
    return "/".join(getattr(p, f"slug_{lang}") for p in (tree.index, tree.page)) + "/"


def rename(page, sv, en):
    page = page.specific
    page.slug_sv, page.slug_en = sv, en
    page.save_revision().publish()
    return page


def lands(client, old):
    """Where an old address leads (one 301), checked to be a live page."""
    response = client.get(old)
    assert response.status_code == 301, (old, response.status_code)
    target = response["Location"]
    assert client.get(target).status_code == 200
    return target


def test_renaming_a_section_in_both_languages_redirects_it_and_its_descendants(client, tree):
    assert client.get(THEME_SV).status_code == 200 and client.get(THEME_EN).status_code == 200
    rename(tree.section, "vald-i-nara-relationer", "domestic-violence")
    assert lands(client, "/sv/vald/") == "/sv/vald-i-nara-relationer/"
    assert lands(client, "/en/violence/") == "/en/domestic-violence/"
    assert lands(client, THEME_SV) == f"/sv/vald-i-nara-relationer/{below(tree, 'sv')}"
    assert lands(client, THEME_EN) == f"/en/domestic-violence/{below(tree, 'en')}"


def test_renaming_only_the_english_slug_redirects_the_english_address(client, tree):
    rename(tree.section, tree.section.slug_sv, "violence-and-abuse")
    assert client.get(THEME_SV).status_code == 200
    assert lands(client, THEME_EN) == f"/en/violence-and-abuse/{below(tree, 'en')}"


def test_two_renames_lead_straight_to_the_page_and_renaming_back_leaves_no_loop(client, tree):
    rename(tree.section, "vald-2", "violence-2")
    rename(tree.section, "vald-3", "violence-3")
    assert lands(client, "/sv/vald/") == "/sv/vald-3/"  # not via /sv/vald-2/
    assert lands(client, "/en/violence-2/") == "/en/violence-3/"
    rename(tree.section, "vald", "violence")
    assert client.get("/sv/vald/").status_code == 200
    assert client.get(THEME_EN).status_code == 200
    assert lands(client, "/sv/vald-3/") == "/sv/vald/"


def test_moving_a_page_in_the_admin_redirects_its_old_addresses(admin_client_sv, client, tree):
    response = admin_client_sv.post(
        reverse("wagtailadmin_pages:move_confirm", args=[tree.contact.pk, tree.section.pk])
    )
    assert response.status_code == 302
    client.logout()
    assert lands(client, "/sv/kontakt/") == "/sv/vald/kontakt/"
    assert lands(client, "/en/contact/") == "/en/violence/contact/"


def test_renaming_in_the_admins_edit_form_redirects_both_languages(admin_client_sv, client, tree):
    """The editor's own path: the page's edit form, both slugs changed, published."""
    contact = tree.contact
    edit = reverse("wagtailadmin_pages:edit", args=[contact.pk])
    data = form_values(admin_client_sv.get(edit).content.decode(), "page-edit-form")
    for lang in ("sv", "en"):  # the body as the editor's browser would send it
        blocks = [
            (b.block_type, rich_text(b.value.source) if hasattr(b.value, "source") else b.value)
            for b in getattr(contact, f"body_{lang}")
        ]
        assert blocks, lang
        data.update(nested_form_data({f"body_{lang}": streamfield(blocks)}))
    data.update(slug_sv="kontakta-oss", slug_en="contact-us", **{"action-publish": "1"})
    assert admin_client_sv.post(edit, data).status_code == 302
    client.logout()
    assert lands(client, "/sv/kontakt/") == "/sv/kontakta-oss/"
    assert lands(client, "/en/contact/") == "/en/contact-us/"
