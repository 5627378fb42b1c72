"""A publication goes through review in the browser: an editor changes it and submits it,
the catalogue keeps the old version, a reviewer approves, the change is live."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import EDITOR_PASSWORD, sign_in

LIST = "/admin/snippets/publications/publication/"


@pytest.fixture
def member(django_user_model):
    def make(username: str, group: str):
        from django.contrib.auth.models import Group
        from wagtail.users.models import UserProfile

        user = django_user_model.objects.create_user(
            username, f"{username}@example.org", EDITOR_PASSWORD
        )
        user.groups.add(Group.objects.get(name=group))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "sv"  # the admin in Swedish, the titles too
        profile.save()
        return user

    return make


def from_the_action_menu(page, name: str):
    """Open the footer's action menu (the arrow beside the main button) and click."""
    page.locator("footer [data-w-dropdown-target=toggle]").click()
    page.locator("footer").get_by_role("button", name=name, exact=True).click()


def test_a_publication_is_submitted_approved_and_then_live(new_page, member):
    from publications.models import Publication

    publication = Publication.objects.filter(live=True).order_by("pk").first()
    public = f"/sv/publikationer/{publication.slug}/"
    edit = f"{LIST}edit/{publication.pk}/"

    editor = new_page()
    sign_in(editor, member("redaktor", "Redaktörer"))
    editor.goto(edit)
    editor.fill("input[name=title_sv]", "Granskad titel i webbläsaren")
    from_the_action_menu(editor, "Lämna in till Granskning")
    editor.locator(".messages .success").wait_for()  # after the form's redirect
    assert "Granskad titel i webbläsaren" not in editor.goto(public).text()

    reviewer = new_page()
    sign_in(reviewer, member("granskare", "Granskare"))
    assert "Granskad titel i webbläsaren" in reviewer.locator("main").inner_text()
    reviewer.goto(edit)
    from_the_action_menu(reviewer, "Godkänn och Publicera")
    reviewer.locator(".messages .success").wait_for()
    assert "Granskad titel i webbläsaren" in reviewer.goto(public).text()
