"""The 404 page describes itself to search engines like every other page, in its language."""

import pytest

from tests.factories import site_home
from tests.helpers import elements

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "description"),
    [
        ("/sv/finns-inte/", "Sidan hittades inte. Sök i vägledningen och publikationerna."),
        (
            "/en/does-not-exist/",
            "The page was not found. Search the guidance and the publications.",
        ),
    ],
)
def test_the_404_page_has_a_description_in_its_language(client, path, description):
    site_home()
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert elements(html, "meta", name="description")[0]["content"] == description
    assert not elements(html, "link", rel="canonical")
