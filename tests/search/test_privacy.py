"""A view restriction set in the admin's privacy dialog takes the page, and everything
below it, out of site search at once, in both languages; removing it brings them back."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction

from guidance.models import ThemeIndexPage, ThemePage

pytestmark = pytest.mark.django_db

THEME = "Människohandel med barn"
THEME_EN = "Child trafficking"


def found(client, path, query, title):
    response = client.get(path, {"q": query})
    assert response.status_code == 200
    return title in response.content.decode()


def set_privacy(admin_client, page, **data):
    response = admin_client.post(reverse("wagtailadmin_pages:set_privacy", args=[page.pk]), data)
    assert response.status_code == 200, response.content[:500]
    assert b'"step": "set_privacy_done"' in response.content


@pytest.fixture
def visitor():
    return Client()


def test_a_password_on_a_page_takes_it_out_of_search_and_back(admin_client_sv, visitor):
    client = visitor
    theme = ThemePage.objects.get(title_sv=THEME)
    assert found(client, "/sv/sok/", "människohandeln", THEME)
    assert found(client, "/en/search/", "child trafficking", THEME_EN)

    set_privacy(admin_client_sv, theme, restriction_type="password", password="hemligt-1")
    assert PageViewRestriction.objects.filter(page=theme).exists()
    assert not found(client, "/sv/sok/", "människohandeln", THEME)
    assert not found(client, "/en/search/", "child trafficking", THEME_EN)

    set_privacy(admin_client_sv, theme, restriction_type="none")
    assert found(client, "/sv/sok/", "människohandeln", THEME)
    assert found(client, "/en/search/", "child trafficking", THEME_EN)


def test_a_login_restriction_on_an_ancestor_hides_the_pages_below(admin_client_sv, visitor):
    client = visitor
    themes = ThemeIndexPage.objects.get()
    set_privacy(admin_client_sv, themes, restriction_type="login")
    assert not found(client, "/sv/sok/", "människohandeln", THEME)
    assert not found(client, "/en/search/", "child trafficking", THEME_EN)
    # What is not below the restricted page stays findable.
    assert found(client, "/sv/sok/", "tillgänglighet", "Tillgänglighetsredogörelse")


def test_a_restricted_catalogue_takes_its_publications_out_of_search(admin_client_sv, visitor):
    from publications.models import PublicationIndexPage

    catalogue = PublicationIndexPage.objects.get()
    query = {"q": "återvändandeprogrammet"}
    assert "Återvändandeprogrammet" in visitor.get("/sv/sok/", query).content.decode()
    set_privacy(admin_client_sv, catalogue, restriction_type="password", password="hemligt-1")
    assert "Återvändandeprogrammet" not in visitor.get("/sv/sok/", query).content.decode()
    api = visitor.get("/sv/publikationer/api/")  # Wagtail's password form, not the JSON
    assert api["Content-Type"].startswith("text/html") and b'"items"' not in api.content
    set_privacy(admin_client_sv, catalogue, restriction_type="none")
    assert "Återvändandeprogrammet" in visitor.get("/sv/sok/", query).content.decode()
