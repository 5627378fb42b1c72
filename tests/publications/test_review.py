"""Publications are reviewed like pages: an editor submits to the Granskning workflow,
reviewers are told by e-mail, approve or reject with a comment; only then is the change
live. Through the admin's real views, as members of the editor and reviewer groups that the
seed command sets up (here on the test's own start page)."""

from __future__ import annotations

from datetime import timedelta
from importlib import import_module
from types import SimpleNamespace

import pytest
import time_machine
from django.apps import apps as installed_apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from wagtail.models import Revision, WorkflowContentType, WorkflowState
from wagtail.test.utils.form_data import inline_formset

from portal.editorial import workflow
from publications.models import Publication
from tests.factories import site_home
from tests.publications.test_admin import LIST, form_data, shelf  # noqa: F401

pytestmark = pytest.mark.django_db

SLUG = "kan-alltid-hitta-mig"
PUBLIC = f"/sv/publikationer/{SLUG}/"


@pytest.fixture
def review(db):
    """The editorial set-up as the seed command makes it, on the test's own start page: the
    editor and reviewer groups, and the review workflow (pages' and publications')."""
    site_home()
    workflow.ensure_on_start_page()


@pytest.fixture
def editor(review, django_user_model):
    user = django_user_model.objects.create_user("redaktor", "redaktor@example.org", "pw")
    user.groups.add(Group.objects.get(name=workflow.EDITORS))
    return user


@pytest.fixture
def reviewer(review, django_user_model):
    user = django_user_model.objects.create_user("granskare", "granskare@example.org", "pw")
    user.groups.add(Group.objects.get(name=workflow.REVIEWERS))
    return user


def edit_data(publication, shelf, **overrides):  # noqa: F811
    """The edit form of the shelf's "De kan alltid hitta mig", with the given changes."""
    return form_data(
        slug=publication.slug,
        edition="",
        editions=inline_formset([]),
        author_links=inline_formset(
            [{"organisation": str(shelf["city"].pk), "id": str(publication.author_links.get().pk)}],
            initial=1,
        ),
        language_versions=inline_formset(
            [
                {
                    "language": "sv",
                    "status": "available",
                    "document": "",
                    "id": str(publication.language_versions.get().pk),
                }
            ],
            initial=1,
        ),
        **overrides,
    )


def submit(client, publication, data):
    response = client.post(f"{LIST}edit/{publication.pk}/", {**data, "action-submit": "1"})
    assert response.status_code == 302, response.content.decode()[:3000]
    return WorkflowState.objects.for_instance(publication).get(status__in=["in_progress"])


def act(client, publication, state, action, **data):
    task_state = state.current_task_state
    url = f"{LIST}workflow/action/{publication.pk}/{action}/{task_state.pk}/"
    response = client.post(url, data)
    assert response.status_code in (200, 302), response.content.decode()[:2000]
    state.refresh_from_db()
    return response


def test_an_editor_submits_a_reviewer_rejects_then_approves(
    client,
    shelf,  # noqa: F811
    editor,
    reviewer,
):
    publication = Publication.objects.get(slug=SLUG)
    data = edit_data(publication, shelf, title_sv="De kan alltid hitta mig (granskad)")

    # An editor cannot publish: the button is refused, the catalogue keeps the old title.
    client.force_login(editor)
    client.post(f"{LIST}edit/{publication.pk}/", {**data, "action-publish": "1"})
    assert "(granskad)" not in client.get(PUBLIC).content.decode()

    # ... but submits for review, told so in Swedish; the reviewers are told by e-mail, in
    # Swedish, with a link to the form.
    mail.outbox.clear()
    response = client.post(
        f"{LIST}edit/{publication.pk}/", {**data, "action-submit": "1"}, follow=True
    )
    assert "har lämnats in för moderering." in response.content.decode()
    state = WorkflowState.objects.for_instance(publication).get(status="in_progress")
    assert state.workflow.name == "Granskning"
    assert "(granskad)" not in client.get(PUBLIC).content.decode()
    (to_reviewer,) = [m for m in mail.outbox if reviewer.email in m.to]
    assert to_reviewer.subject == (
        'Publikation "De kan alltid hitta mig (granskad) – Vägledning" har lämnats in för godkännande '
        'i modereringssteget "Granskning av publicering"'
    )
    assert to_reviewer.body.startswith("Hej granskare")
    assert f"{LIST}edit/{publication.pk}/" in to_reviewer.body
    assert not [m for m in mail.outbox if editor.email in m.to]

    # The reviewer finds the task on the dashboard and asks for changes, with a comment.
    client.force_login(reviewer)
    dashboard = client.get("/admin/").content.decode()
    assert "De kan alltid hitta mig (granskad)" in dashboard
    act(client, publication, state, "reject", comment="Lägg till årtalet i titeln.")
    assert state.status == "needs_changes"

    # The editor sees the comment (on the edit form and by e-mail) and submits again.
    client.force_login(editor)
    form = client.get(f"{LIST}edit/{publication.pk}/").content.decode()
    assert "Lägg till årtalet i titeln." in form
    assert any("Lägg till årtalet i titeln." in m.body for m in mail.outbox if editor.email in m.to)
    data["title_sv"] = "De kan alltid hitta mig (granskad 2020)"
    response = client.post(f"{LIST}edit/{publication.pk}/", {**data, "action-submit": "1"})
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.status == "in_progress"
    assert "(granskad 2020)" not in client.get(PUBLIC).content.decode()

    # The reviewer approves: the change is live at once.
    client.force_login(reviewer)
    act(client, publication, state, "approve", comment="Bra.")
    assert state.status == "approved"
    publication.refresh_from_db()
    assert publication.live and not publication.has_unpublished_changes
    assert "De kan alltid hitta mig (granskad 2020)" in client.get(PUBLIC).content.decode()


def test_a_locked_publication_cannot_be_saved_by_another(
    client,
    shelf,  # noqa: F811
    editor,
    reviewer,
):
    publication = Publication.objects.get(slug=SLUG)
    client.force_login(reviewer)
    assert client.post(f"{LIST}lock/{publication.pk}/").status_code == 302
    client.force_login(editor)
    revisions = Revision.objects.for_instance(publication).count()
    client.post(f"{LIST}edit/{publication.pk}/", edit_data(publication, shelf, title_sv="Låst?"))
    assert Revision.objects.for_instance(publication).count() == revisions


def test_an_approved_change_with_a_future_go_live_waits_for_the_scheduler(
    client,
    shelf,  # noqa: F811
    editor,
    reviewer,
):
    publication = Publication.objects.get(slug=SLUG)
    go_live = timezone.localtime() + timedelta(days=1)
    data = edit_data(
        publication,
        shelf,
        title_sv="De kan alltid hitta mig (i morgon)",
        go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
    )
    client.force_login(editor)
    state = submit(client, publication, data)
    client.force_login(reviewer)
    act(client, publication, state, "approve")
    call_command("publish_scheduled")
    assert "(i morgon)" not in client.get(PUBLIC).content.decode()
    with time_machine.travel(go_live + timedelta(minutes=1), tick=False):
        call_command("publish_scheduled")
        assert "(i morgon)" in client.get(PUBLIC).content.decode()


def test_the_migration_gives_an_upgraded_database_the_workflow(review):
    """A database from before publications had workflows: the workflow exists (the
    seed command made it) but publications have none; the migration assigns it, and only that."""
    content_type = ContentType.objects.get_for_model(Publication)
    WorkflowContentType.objects.filter(content_type=content_type).delete()
    assert Publication.get_default_workflow() is None
    others = set(WorkflowContentType.objects.values_list("content_type", "workflow"))

    migration = import_module("publications.migrations.0009_publications_in_review_workflow")
    schema_editor = SimpleNamespace(connection=connection)  # all the function reads of it
    migration.assign_workflow(installed_apps, schema_editor)
    migration.assign_workflow(installed_apps, schema_editor)  # a second run changes nothing

    assert Publication.get_default_workflow().name == "Granskning"
    after = set(WorkflowContentType.objects.values_list("content_type", "workflow"))
    assert after - others == {(content_type.pk, Publication.get_default_workflow().pk)}
