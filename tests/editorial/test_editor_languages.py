"""The page editor carries the two-language script: both languages shown by default and the
choice restored, and the languages' names in the admin's language for the field labels
(the browser side: tests/e2e/test_admin_languages.py)."""

from __future__ import annotations

import html
import json
import re

import pytest
from wagtail.users.models import UserProfile

from tests.factories import ThemePageFactory

pytestmark = pytest.mark.django_db


def _editor(client, theme_pk: int) -> str:
    response = client.get(f"/admin/pages/{theme_pk}/edit/")
    assert response.status_code == 200
    return response.content.decode()


def _language_names(page: str) -> dict:
    found = re.search(r'editor-languages\.js" data-language-names="([^"]*)"', page)
    assert found, "the editor has no two-language script"
    return json.loads(html.unescape(found.group(1)))


@pytest.fixture
def theme():
    """A theme page of the test's own, in both languages."""
    return ThemePageFactory()


def test_the_swedish_editor_names_the_languages_in_swedish(admin_client_sv, theme):
    page = _editor(admin_client_sv, theme.pk)
    assert _language_names(page) == {"sv": "Svenska", "en": "Engelska"}
    assert "editorial/editor-languages.css" in page
    # Both languages shown by default, the editor's last choice restored.
    assert re.search(r"locale_picker_default: \['sv', 'en'\]", page)
    assert "locale_picker_restore: true" in page
    # The two-language script comes after the toggle it builds on.
    assert page.index("language_toggles.js") < page.index("editor-languages.js")
    # The StreamFields' copy buttons, in Swedish.
    assert re.search(r'editor-copy-language\.js"[^>]*data-copy-label="Kopiera innehåll från"', page)


def test_the_english_editor_names_them_in_english(admin_client_sv, theme, django_user_model):
    user = django_user_model.objects.get(username="editor")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    assert _language_names(_editor(admin_client_sv, theme.pk)) == {
        "sv": "Swedish",
        "en": "English",
    }
