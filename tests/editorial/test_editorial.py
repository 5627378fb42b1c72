"""Editors' tooling: review dates, moderation, scheduling, link checks, the admin's language.

Translation status is tested in test_translation_status.py, the admin reports in
test_reports.py."""

import threading
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone, translation
from wagtail.models import WorkflowState
from wagtail.test.utils import WagtailPageTestCase
from wagtail.users.models import UserProfile

from guidance.models import SupportServicePage, WebCoursePage
from guidance.models.review import add_months
from portal.editorial import workflow
from tests.editorial.support_form import support_form_data
from tests.factories import PublicationFactory, PublicationIndexPageFactory
from tests.factories.trees import violence_theme
from tests.helpers import elements

pytestmark = pytest.mark.django_db


def sv_url(page):
    """The page's Swedish address (the texts these tests change are the Swedish ones)."""
    with translation.override("sv"):
        return page.url


def _publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def tree():
    return violence_theme()


# Review dates -------------------------------------------------------------------


def test_review_by_defaults_to_the_page_types_interval(tree):
    support = SupportServicePage.objects.get(pk=tree.support.pk)
    assert support.review_by == add_months(support.last_reviewed, 12)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)


@pytest.mark.parametrize(
    ("offset", "status"),
    [(-1, "overdue"), (0, "due"), (30, "due"), (31, "ok")],
)
def test_review_status_at_the_boundaries(offset, status):
    today = date(2026, 11, 23)
    page = SupportServicePage(
        last_reviewed=date(2025, 1, 1), review_by=today + timedelta(days=offset)
    )
    assert page.review_status(today) == status


def test_public_page_shows_when_it_was_last_reviewed(client, tree):
    support = tree.support
    support.last_reviewed = date(2026, 3, 5)
    support.review_by = date(2027, 3, 5)
    _publish(support)
    assert "Senast granskad 5 mars 2026" in client.get(sv_url(support)).content.decode()
    with translation.override("en"):
        url = support.url
    assert "Last reviewed 5 March 2026" in client.get(url).content.decode()


def test_review_command_lists_due_pages_and_fails_on_overdue(capsys, tree):
    support, course = tree.support, tree.course
    call_command("review_due")  # nothing overdue in freshly made content
    today = timezone.localdate()
    SupportServicePage.objects.filter(pk=support.pk).update(
        last_reviewed=today - timedelta(days=400), review_by=today - timedelta(days=1)
    )
    WebCoursePage.objects.filter(pk=course.pk).update(review_by=today + timedelta(days=10))
    with pytest.raises(SystemExit) as exit_info:
        call_command("review_due")
    assert exit_info.value.code == 1
    out = capsys.readouterr().out
    assert f"OVERDUE  {(today - timedelta(days=1)).isoformat()}  {support.title_sv}" in out
    assert f"DUE      {(today + timedelta(days=10)).isoformat()}  {course.title_sv}" in out
    # Each page's public addresses in both languages and its edit link, in full.
    urls = support.language_urls(full=True)
    sv_section, en_section = tree.section.slug_sv, tree.section.slug_en
    assert urls["sv"].startswith("http") and f"/sv/{sv_section}/" in urls["sv"]
    assert urls["en"].startswith("http") and f"/en/{en_section}/" in urls["en"]
    assert f"sv: {urls['sv']}" in out and f"en: {urls['en']}" in out
    assert f"edit: http://testserver/admin/pages/{support.pk}/edit/" in out


class TestReviewInTheAdmin(WagtailPageTestCase):
    def setUp(self):
        self.support = violence_theme().support
        self.login()

    def test_review_by_before_last_reviewed_is_a_form_error_and_nothing_is_lost(self):
        support = self.support
        data = support_form_data(
            support,
            summary_sv="Ny text som inte får försvinna.",
            last_reviewed="2026-05-01",
            review_by="2026-04-01",
        )
        response = self.client.post(f"/admin/pages/{support.pk}/edit/", data)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Datumet för nästa översyn kan inte vara före datumet för den senaste" in html
        assert "Ny text som inte får försvinna." in html


# Moderation workflow --------------------------------------------------------------


class TestModerationWorkflow(WagtailPageTestCase):
    def setUp(self):
        self.support = violence_theme().support
        # The editorial set-up on the start page, as the seed command makes it.
        workflow.ensure_on_start_page()

    def _user(self, username, group):
        user = self.create_user(username, password="pw")
        user.groups.add(Group.objects.get(name=group))
        return user

    def test_editor_submits_and_reviewer_approves_and_publishes(self):
        editor = self._user("redaktor", workflow.EDITORS)
        reviewer = self._user("granskare", workflow.REVIEWERS)
        support = self.support
        self.client.force_login(editor)
        data = support_form_data(support, summary_sv="Granskad ändring.")
        # An editor cannot publish ...
        data["action-publish"] = "action-publish"
        self.client.post(f"/admin/pages/{support.pk}/edit/", data)
        assert "Granskad ändring." not in self.client.get(sv_url(support)).content.decode()
        # ... but submits for review.
        del data["action-publish"]
        data["action-submit"] = "action-submit"
        assert self.client.post(f"/admin/pages/{support.pk}/edit/", data).status_code == 302
        state = WorkflowState.objects.get(
            base_content_type__model="page", object_id=str(support.pk)
        )
        assert state.status == "in_progress"

        self.client.force_login(reviewer)
        task_state = state.current_task_state
        response = self.client.post(
            f"/admin/pages/workflow/action/{support.pk}/approve/{task_state.pk}/",
            {"comment": "Bra."},
        )
        assert response.status_code in (200, 302)
        state.refresh_from_db()
        assert state.status == "approved"
        assert "Granskad ändring." in self.client.get(sv_url(support)).content.decode()


# Scheduled publishing ----------------------------------------------------------------


def test_scheduled_go_live_and_expiry_of_pages(client, tree):
    support = tree.support
    url = sv_url(support)
    go_live = timezone.now() + timedelta(hours=1)
    support.summary_sv = "Publiceras senare."
    support.go_live_at = go_live
    support.expire_at = go_live + timedelta(days=1)
    support.save_revision().publish()  # a future go-live schedules the revision
    call_command("publish_scheduled")
    assert "Publiceras senare." not in client.get(url).content.decode()
    with time_machine.travel(go_live + timedelta(minutes=1), tick=False):
        call_command("publish_scheduled")
        assert "Publiceras senare." in client.get(url).content.decode()
    with time_machine.travel(go_live + timedelta(days=1, minutes=1), tick=False):
        call_command("publish_scheduled")
        support.refresh_from_db()
        assert not support.live and support.expired
        assert client.get(url).status_code == 404


class TestSchedulingInTheAdmin(WagtailPageTestCase):
    def setUp(self):
        self.support = violence_theme().support
        self.login()

    def test_future_go_live_waits_for_the_scheduler(self):
        support = self.support
        go_live = timezone.localtime() + timedelta(days=1)
        data = support_form_data(
            support, summary_sv="Schemalagd text.", go_live_at=go_live.strftime("%Y-%m-%d %H:%M")
        )
        data["action-publish"] = "action-publish"
        assert self.client.post(f"/admin/pages/{support.pk}/edit/", data).status_code == 302
        assert "Schemalagd text." not in self.client.get(sv_url(support)).content.decode()
        with time_machine.travel(go_live + timedelta(minutes=1), tick=False):
            call_command("publish_scheduled")
            assert "Schemalagd text." in self.client.get(sv_url(support)).content.decode()

    def test_expiry_before_go_live_is_a_form_error(self):
        support = self.support
        data = support_form_data(
            support,
            summary_sv="Behålls.",
            go_live_at="2027-01-10 10:00",
            expire_at="2027-01-01 10:00",
        )
        response = self.client.post(f"/admin/pages/{support.pk}/edit/", data)
        assert response.status_code == 200
        html = response.content.decode()
        assert "error-message" in html
        assert "Behålls." in html


def test_scheduled_go_live_and_expiry_of_publications(client):
    PublicationIndexPageFactory(slug_sv="publikationer", slug_en="publications")
    publication = PublicationFactory(title_sv="Prostitution i norra Sverige")
    url = f"/sv/publikationer/{publication.slug}/"
    assert client.get(url).status_code == 200
    go_live = timezone.now() + timedelta(hours=2)
    publication.title_sv = f"{publication.title_sv} (andra upplagan)"
    publication.go_live_at = go_live
    publication.expire_at = go_live + timedelta(days=30)
    publication.save_revision().publish()  # scheduled, the live version stays
    call_command("publish_scheduled")
    assert "andra upplagan" not in client.get(url).content.decode()
    with time_machine.travel(go_live + timedelta(minutes=1), tick=False):
        call_command("publish_scheduled")
        assert "andra upplagan" in client.get(url).content.decode()
    with time_machine.travel(go_live + timedelta(days=30, minutes=1), tick=False):
        call_command("publish_scheduled")
        publication.refresh_from_db()
        assert not publication.live and publication.expired
        assert client.get(url).status_code == 404


# Link check ----------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    def do_HEAD(self):
        self.send_response(200 if self.path == "/ok" else 404)
        self.end_headers()

    do_GET = do_HEAD

    def log_message(self, *args):
        pass


@pytest.fixture
def local_site():
    server = HTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_link_checker_reports_the_broken_link_and_not_the_good(local_site, capsys, tree):
    support = tree.support
    support.website_sv = f"{local_site}/ok"
    support.website_en = f"{local_site}/missing"
    _publish(support)
    with pytest.raises(SystemExit) as exit_info:
        call_command("check_links", host=["127.0.0.1"], timeout=2)
    assert exit_info.value.code == 1
    out = capsys.readouterr().out
    assert f"BROKEN 404 (Not Found) {local_site}/missing" in out
    assert f"{local_site}/ok" not in out
    assert f"on stödfunktion: {support.title_sv}" in out or "on support service" in out
    assert "Checked 2 links: 1 broken." in out


def test_link_checker_survives_an_unreachable_host(capsys, tree):
    course = tree.course
    course.course_url_sv = "http://127.0.0.1:9/kurs"
    _publish(course)
    with pytest.raises(SystemExit):
        call_command("check_links", host=["127.0.0.1"], timeout=1)
    out = capsys.readouterr().out
    assert "BROKEN unreachable" in out and "http://127.0.0.1:9/kurs" in out


# The admin's language ------------------------------------------------------------------


@pytest.mark.parametrize(("language", "text"), [("sv", "Sidor"), ("en", "Pages")])
def test_admin_follows_the_editors_language(client, django_user_model, language, text):
    user = django_user_model.objects.create_superuser(f"editor-{language}", "e@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    assert elements(html, "html")[0]["lang"] == language
    assert text in html
