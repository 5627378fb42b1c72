"""The Swedish title (a snippet's Swedish name) fills in the slug in the admin's form, and
is still required there; the English one stays optional."""

from __future__ import annotations

import pytest

from publications.models import Organisation, Publication
from tests.helpers import elements
from tests.publications.test_admin import LIST, form_data, shelf  # noqa: F401

pytestmark = pytest.mark.django_db


def test_the_swedish_title_drives_the_ascii_slug(admin_client_sv, shelf):  # noqa: F811
    html = admin_client_sv.get(f"{LIST}add/").content.decode()
    (title,) = elements(html, "input", name="title_sv")
    assert title.get("data-controller") == "w-sync"
    assert "#id_slug" in title.get("data-w-sync-target-value", "")
    assert not elements(html, "input", name="title_en")[0].get("data-controller")
    (slug,) = elements(html, "input", name="slug")
    assert slug.get("data-controller") == "w-slug"  # transliterates (a browser test: e2e)


PUBLISH = {"action-publish": "action-publish"}


def test_a_publication_without_a_swedish_title_is_not_published(admin_client_sv, shelf):  # noqa: F811
    # (A draft may be saved incomplete: Wagtail defers required fields until publishing.)
    data = {**form_data(title_sv="", slug="utan-titel"), **PUBLISH}
    response = admin_client_sv.post(f"{LIST}add/", data)
    assert response.status_code == 200
    assert elements(response.content.decode(), "input", name="title_sv")
    assert not Publication.objects.filter(slug="utan-titel").exists()
    # The English title may be left out.
    data = {**form_data(title_en="", slug="bara-svenska"), **PUBLISH}
    response = admin_client_sv.post(f"{LIST}add/", data)
    assert response.status_code == 302
    assert Publication.objects.get(slug="bara-svenska").title_sv


def test_an_organisation_needs_its_swedish_name_and_its_name_drives_the_slug(admin_client_sv):
    add = "/admin/snippets/publications/organisation/add/"
    html = admin_client_sv.get(add).content.decode()
    assert "#id_slug" in elements(html, "input", name="name_sv")[0].get(
        "data-w-sync-target-value", ""
    )
    response = admin_client_sv.post(add, {"name_sv": "", "name_en": "Nameless", "slug": "x"})
    assert response.status_code == 200
    assert not Organisation.objects.filter(slug="x").exists()
