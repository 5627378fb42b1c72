"""A view restriction set in the admin's privacy dialog takes the page, and everything
below it, out of site search at once, in both languages; removing it brings them back.

Each test searches the small theme of tests/factories/search.py (`tree`), whose index
holds nothing else."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from tests.factories import PublicationFactory, PublicationIndexPageFactory

pytestmark = pytest.mark.django_db

SV = ("/sv/sok/", "människohandeln")
EN = ("/en/search/", "child trafficking")


def found(client, where, title):
    path, query = where
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


def test_a_password_on_a_page_takes_it_out_of_search_and_back(admin_client_sv, visitor, tree):
    client, theme = visitor, tree.theme
    assert found(client, SV, theme.title_sv)
    assert found(client, EN, theme.title_en)

    set_privacy(admin_client_sv, theme, restriction_type="password", password="hemligt-1")
    assert PageViewRestriction.objects.filter(page=theme).exists()
    assert not found(client, SV, theme.title_sv)
    assert not found(client, EN, theme.title_en)

    set_privacy(admin_client_sv, theme, restriction_type="none")
    assert found(client, SV, theme.title_sv)
    assert found(client, EN, theme.title_en)


def test_a_login_restriction_on_an_ancestor_hides_the_pages_below(admin_client_sv, visitor, tree):
    client = visitor
    below = [tree.theme, tree.podcast, tree.course]  # all found by "människohandeln"
    assert all(found(client, SV, page.title_sv) for page in below)
    set_privacy(admin_client_sv, tree.index, restriction_type="login")
    assert not any(found(client, SV, page.title_sv) for page in below)
    assert not found(client, EN, tree.theme.title_en)
    # What is not below the restricted page stays findable.
    assert found(client, ("/sv/sok/", tree.contact.title_sv.lower()), tree.contact.title_sv)


def test_a_restricted_catalogue_takes_its_publications_out_of_search(
    admin_client_sv, visitor, tree
):
    catalogue = PublicationIndexPageFactory(slug_sv="publikationer", slug_en="publications")
    publication = PublicationFactory(
        title_sv="Återvändandeprogrammet", subtitle_sv="Manual för socialtjänsten"
    )
    where = ("/sv/sok/", "återvändandeprogrammet")
    assert found(visitor, where, publication.title_sv)
    set_privacy(admin_client_sv, catalogue, restriction_type="password", password="hemligt-1")
    assert not found(visitor, where, publication.title_sv)
    with translation.override("sv"):
        api = visitor.get(catalogue.url + "api/")  # Wagtail's password form, not the JSON
    assert api["Content-Type"].startswith("text/html") and b'"items"' not in api.content
    set_privacy(admin_client_sv, catalogue, restriction_type="none")
    assert found(visitor, where, publication.title_sv)
