"""Editing a hotline in the admin: what the editor typed comes back as typed, and a change of
number raises no translation alarm."""

import pytest

from portal.editorial.translation_status import report_rows
from tests.factories import HotlineFactory
from tests.helpers import elements, form_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def line():
    """A hotline translated in full, as an editor leaves it."""
    return HotlineFactory(number="010-223 57 60")


def edit(client, line, **changes):
    url = f"/admin/snippets/guidance/hotline/edit/{line.pk}/"
    data = form_values(client.get(url).content.decode(), "w-editor-form")
    data.update(changes)
    return client.post(url, data, follow=True)


def test_a_bad_number_comes_back_as_typed_with_an_error(admin_client_sv, line):
    response = edit(admin_client_sv, line, number="010-223 57 6")
    html = response.content.decode()
    assert elements(html, "input", name="number")[0]["value"] == "010-223 57 6"
    assert "error" in html
    saved = line.number.as_e164
    line.refresh_from_db()
    assert line.number.as_e164 == saved  # nothing saved


def test_a_new_number_is_no_change_for_the_translators(admin_client_sv, line):
    assert line.name_sv not in {row.title.split(" (")[0] for row in report_rows()}
    response = edit(admin_client_sv, line, number="020-50 50 50")
    assert response.status_code == 200
    line.refresh_from_db()
    assert line.number.as_e164 == "+46205050 50".replace(" ", "")
    html = response.content.decode()
    assert "Engelsk text saknas" not in html and "kan också behöva uppdateras" not in html
    assert line.name_sv not in {row.title.split(" (")[0] for row in report_rows()}


def test_autosaves_pile_up_no_warnings(admin_client_sv, line):
    """Wagtail's autosave posts the form asking for JSON; the warning about missing English
    belongs to the editor's own save, shown once."""
    url = f"/admin/snippets/guidance/hotline/edit/{line.pk}/"
    data = form_values(admin_client_sv.get(url).content.decode(), "w-editor-form")
    data["opening_hours_en"] = ""
    for _ in range(3):
        autosave = admin_client_sv.post(url, data, HTTP_ACCEPT="application/json")
        assert autosave.status_code == 200 and autosave["Content-Type"] == "application/json"
    shown = admin_client_sv.post(url, data, follow=True).content.decode()
    assert shown.count("Engelsk text saknas i:") == 1
    assert admin_client_sv.get(url).content.decode().count("Engelsk text saknas i:") == 0
