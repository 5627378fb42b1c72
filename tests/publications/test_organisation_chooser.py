"""A new author organisation is made from the publication form's organisation chooser
(its "create" tab), by an editor, and is chosen at once."""

from __future__ import annotations

import json

import pytest

from portal.editorial import workflow
from publications.models import Organisation
from tests.helpers import elements

pytestmark = pytest.mark.django_db

CHOOSER = "/admin/snippets/choose/publications/organisation/"


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_user("redaktor", "redaktor@example.org", "pw")
    editors, _ = workflow.ensure_groups()  # the editors' group as the seed command makes it
    user.groups.add(editors)
    client.force_login(user)
    return client


def test_an_editor_creates_an_organisation_from_the_chooser(editor_client):
    modal = json.loads(editor_client.get(CHOOSER).content)
    html = modal["html"]
    assert "Ny organisation" in html  # the tab
    assert elements(html, "input", name="name_sv") and elements(html, "input", name="slug")
    action = elements(html, "form", action=f"{CHOOSER}create/")
    assert action, "no creation form"

    response = editor_client.post(
        f"{CHOOSER}create/",
        {"name_sv": "Länsstyrelsen i Östergötland", "name_en": "", "slug": "", "website": ""},
    )
    answer = json.loads(response.content)
    assert answer["step"] == "chosen"
    organisation = Organisation.objects.get(slug="lansstyrelsen-i-ostergotland")
    assert organisation.name_sv == "Länsstyrelsen i Östergötland"
    assert str(answer["result"]["id"]) == str(organisation.pk)


def test_the_creation_form_wants_a_swedish_name_and_a_free_slug(editor_client):
    existing = Organisation.objects.create(name_sv="Polisen", slug="polisen")
    for data in (
        {"name_sv": "", "name_en": "The Police", "slug": "", "website": ""},
        {"name_sv": "Polisen", "name_en": "", "slug": "", "website": ""},
    ):
        answer = json.loads(editor_client.post(f"{CHOOSER}create/", data).content)
        assert answer["step"] == "reshow_creation_form"
        assert "error" in answer["htmlFragment"]
    assert list(Organisation.objects.filter(name_en="The Police")) == []
    assert Organisation.objects.filter(slug="polisen").get() == existing
