"""A theme's resource chooser opens at the theme being edited (issue: editors, point 9),
through the admin's real views: the theme's editor, and the chooser's own answers."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest

from tests.factories import DocumentResourcePageFactory, ThemePageFactory
from tests.factories.trees import violence_theme

pytestmark = pytest.mark.django_db
RESOURCE_TYPES = (
    "guidance.supportservicepage,guidance.documentresourcepage,"
    "guidance.podcastepisodepage,guidance.webcoursepage"
)


def resource_choosers(html: str) -> dict[str, dict]:
    """The resource list's page choosers in an editor's HTML (the empty form's too, in its
    template): form prefix → the options the browser script is given."""
    found = re.findall(
        r'new PageChooser\("id_resources-([^"]+)-page", (\{.*?\})\);', unescape(html)
    )
    return {prefix: json.loads(options) for prefix, options in found}


def chooser_titles(client, address: str) -> list[str]:
    """The pages Wagtail's chooser lists when opened at `address` (as its script does,
    with the resource types), after any redirect."""
    response = client.get(address, {"page_type": RESOURCE_TYPES}, follow=True)
    assert response.status_code == 200
    html = response.json()["html"]
    return [unescape(t).strip() for t in re.findall(r'class="choose-page"[^>]*>([^<]+)<', html)]


@pytest.fixture
def built():
    theme = violence_theme()
    other = ThemePageFactory(parent=theme.index, title_sv="Äldre", title_en="Older people")
    elsewhere = DocumentResourcePageFactory(
        parent=other, title_sv="Vägledning om äldre", title_en="Guidance on older people"
    )
    return theme, other, elsewhere


def test_every_resource_chooser_of_a_theme_opens_at_the_theme(admin_client, built):
    theme, other, elsewhere = built
    html = admin_client.get(f"/admin/pages/{theme.page.pk}/edit/").content.decode()
    choosers = resource_choosers(html)
    assert set(choosers) == {"0", "1", "2", "__prefix__"}  # three resources and a new one
    start = f"/admin/choose-resource/{theme.page.pk}/"
    assert {options["modalUrl"] for options in choosers.values()} == {start}

    titles = chooser_titles(admin_client, start)
    assert theme.guidance.title in titles and theme.course.title in titles
    assert elsewhere.title not in titles  # Wagtail alone opened above every theme


def test_a_chosen_resource_opens_the_chooser_at_its_parent_as_wagtail_does(admin_client, built):
    theme, other, elsewhere = built
    # The script appends the chosen page's parent to the address it was given.
    titles = chooser_titles(admin_client, f"/admin/choose-resource/{theme.page.pk}/{other.pk}/")
    assert titles == [elsewhere.title]


def test_a_new_theme_s_chooser_opens_where_it_is_created(admin_client, built):
    theme, other, elsewhere = built
    html = admin_client.get(
        f"/admin/pages/add/guidance/themepage/{theme.index.pk}/"
    ).content.decode()
    choosers = resource_choosers(html)
    assert choosers["__prefix__"]["modalUrl"] == f"/admin/choose-resource/{theme.index.pk}/"


def test_the_chooser_address_is_for_editors_only(client, built):
    theme, other, elsewhere = built
    response = client.get(f"/admin/choose-resource/{theme.page.pk}/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
