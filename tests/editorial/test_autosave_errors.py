"""A publish that fails validation, then Wagtail's autosave, through the admin's real views:
the form comes back with what the editor typed and "could not be created"; the autosave
that follows (the same form, asking for JSON) saves it as a draft, required fields left
empty; the editor carries the sentence that replaces the message once that autosave
succeeds (the browser side: tests/e2e/test_admin_autosave_errors.py)."""

from __future__ import annotations

import html
import json
import re

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from guidance.models import ThemePage
from tests.factories import ThemeIndexPageFactory
from tests.helpers import elements

pytestmark = pytest.mark.django_db

SAVED_AS_DRAFT = (
    "Det du skrev är sparat som utkast men inte publicerat: rätta först det som är markerat nedan."
)


def theme_without_lead() -> dict:
    return nested_form_data(
        {
            "title_sv": "Tema utan ingress",
            "title_en": "",
            "slug_sv": "tema-utan-ingress",
            "slug_en": "",
            "lead_sv": "",  # required to publish, not in a draft
            "lead_en": "",
            "body_sv": streamfield([]),
            "body_en": streamfield([]),
            "resources": inline_formset([]),
            "quick_exit": "inherit",
            "seo_title_sv": "",
            "seo_title_en": "",
            "last_reviewed": timezone.localdate().isoformat(),
            "review_by": "",
        }
    )


def saved_text(page: str) -> str | None:
    found = re.search(r'editor-autosave-errors\.js" data-saved-text="([^"]*)"', page)
    return html.unescape(found.group(1)) if found else None


def test_a_failed_publish_then_its_autosave_keeps_what_was_typed_as_a_draft(admin_client_sv):
    index = ThemeIndexPageFactory()
    add_url = f"/admin/pages/add/guidance/themepage/{index.pk}/"
    data = theme_without_lead()

    response = admin_client_sv.post(add_url, {**data, "action-publish": "action-publish"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Sidan kunde inte skapas på grund av valideringsfel." in page
    assert elements(page, "input", name="title_sv", value="Tema utan ingress")
    assert not ThemePage.objects.filter(slug_sv="tema-utan-ingress").exists()
    # The form comes back marked as changed, which starts an autosave at once.
    assert elements(page, "form", id="page-edit-form", data_w_unsaved_force_value="true")
    assert elements(page, "form", id="page-edit-form", data_w_autosave_interval_value="500")
    assert saved_text(page) == SAVED_AS_DRAFT

    # That autosave: the same fields, no button, asking for JSON. It creates the draft.
    autosave = admin_client_sv.post(add_url, data, HTTP_ACCEPT="application/json")
    assert autosave.status_code == 200, autosave.content
    assert autosave.json()["success"] is True
    draft = ThemePage.objects.get(slug_sv="tema-utan-ingress")
    assert (draft.title_sv, draft.lead_sv, draft.live) == ("Tema utan ingress", "", False)
    assert autosave.json()["url"] == f"/admin/pages/{draft.pk}/edit/"

    # Publishing again from the edit view: still refused, the draft is kept as typed.
    edit_url = f"/admin/pages/{draft.pk}/edit/"
    response = admin_client_sv.post(edit_url, {**data, "action-publish": "action-publish"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Sidan kunde inte sparas på grund av valideringsfel." in page
    assert saved_text(page) == SAVED_AS_DRAFT
    draft.refresh_from_db()
    assert not draft.live
    assert draft.get_latest_revision().as_object().title_sv == "Tema utan ingress"
    assert ThemePage.objects.filter(title_sv="Tema utan ingress").count() == 1


def test_an_english_editor_gets_the_sentence_in_english(admin_client_sv, django_user_model):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(django_user_model.objects.get(username="editor"))
    profile.preferred_language = "en"
    profile.save()
    index = ThemeIndexPageFactory()
    page = admin_client_sv.get(f"/admin/pages/add/guidance/themepage/{index.pk}/")
    assert saved_text(page.content.decode()) == (
        "What you typed is saved as a draft, but not published: first correct what is marked below."
    )


def test_only_wagtails_validation_messages_are_replaced(admin_client_sv):
    """The script is told the exact sentences of a failed validation in the editor's
    language (pages', and publications', which Wagtail autosaves too): not a lock's."""
    index = ThemeIndexPageFactory()
    page = admin_client_sv.get(f"/admin/pages/add/guidance/themepage/{index.pk}/").content
    found = re.search(r'data-failed-texts="([^"]*)"', page.decode())
    texts = json.loads(html.unescape(found.group(1)))
    assert "Sidan kunde inte skapas på grund av valideringsfel." in texts
    assert "Sidan kunde inte sparas på grund av valideringsfel." in texts
    assert any(text.startswith("Publikation") for text in texts)
    assert not any("låst" in text for text in texts)
