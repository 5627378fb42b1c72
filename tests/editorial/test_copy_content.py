"""The editor's "copy to the other language" endpoint answers malformed requests with a 4xx."""

import json

import pytest

from tests.factories import ThemePageFactory

pytestmark = pytest.mark.django_db

AJAX = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


def address(page_id):
    return f"/admin/pages/{page_id}/edit/copy_translation_content/"


@pytest.fixture
def theme():
    """A theme page of the test's own, in both languages."""
    return ThemePageFactory()


def test_malformed_requests_are_refused_with_a_4xx(admin_client_sv, theme):
    client = admin_client_sv
    client.raise_request_exception = False
    url = address(theme.pk)
    assert client.get(url).status_code == 405
    assert client.post(url, {}).status_code == 400  # not from the copy button
    assert client.post(url, {}, **AJAX).status_code == 400  # no fields named
    assert client.post(address(999_999), {}, **AJAX).status_code == 400
    fields = {"origin_field_name": "body_sv", "target_field_name": "body_en"}
    assert client.post(url, fields, **AJAX).status_code == 400  # nothing to copy
    bad = {**fields, "serializedOriginField": "{not json"}
    assert client.post(url, bad, **AJAX).status_code == 400
    wrong_field = {**fields, "target_field_name": "title_en", "serializedOriginField": "[]"}
    assert client.post(url, wrong_field, **AJAX).status_code == 400


def test_a_well_formed_copy_still_renders_the_target_field(admin_client_sv, theme):
    data = {
        "origin_field_name": "body_sv",
        "target_field_name": "body_en",
        "serializedOriginField": json.dumps([{"name": "body_sv-count", "value": "0"}]),
    }
    response = admin_client_sv.post(address(theme.pk), data, **AJAX)
    assert response.status_code == 200
    assert '<div id="body_en" data-block' in json.loads(response.content)


def test_visitors_are_refused(client, theme):
    assert client.post(address(theme.pk), {}, **AJAX).status_code == 403
