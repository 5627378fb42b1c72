"""Editors' tooling: translation status, review dates, moderation, scheduling, link checks.

The admin reports themselves are tested in test_reports.py."""

import re
import threading
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone, translation
from wagtail.models import WorkflowState
from wagtail.rich_text import RichText
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text
from wagtail.users.models import UserProfile

from guidance.models import Hotline, SectionPage, SupportServicePage, ThemePage, WebCoursePage
from guidance.models.review import add_months
from portal.editorial.translation_status import report_rows
from tests.helpers import elements

pytestmark = pytest.mark.django_db


def _titles(rows):
    return {row.title: row.status for row in rows}


def _publish(page):
    page.save_revision().publish()
    return page


# Translation status ----------------------------------------------------------


def test_fully_translated_seed_content_is_not_listed():
    titles = _titles(report_rows())
    assert titles == {}


def test_page_without_english_is_listed_as_missing_and_partial_as_partial():
    violence = SectionPage.objects.get(slug_sv="vald")
    with translation.override("sv"):
        page = SectionPage(
            title_sv="Våld i nära relationer", slug_sv="nara-relationer", intro_sv="Text."
        )
        violence.add_child(instance=page)
        _publish(page)
    theme = ThemePage.objects.get(slug_sv="manniskohandel-med-barn")
    theme.lead_en = ""
    _publish(theme)
    titles = _titles(report_rows())
    assert titles["Våld i nära relationer"] == "missing"
    assert titles["Människohandel med barn"] == "partial"
    assert _titles(report_rows(kind="page", section="Våld"))["Våld i nära relationer"] == "missing"
    assert "Våld i nära relationer" not in _titles(report_rows(kind="hotline"))


def test_swedish_change_after_english_marks_the_page_outdated():
    nmt = SupportServicePage.objects.get(slug_sv="nmt")
    nmt.summary_sv = nmt.summary_sv + " Uppdaterad."
    with translation.override("sv"):
        _publish(nmt)
    assert _titles(report_rows())[nmt.title_sv] == "outdated"
    nmt = SupportServicePage.objects.get(pk=nmt.pk)
    nmt.summary_en = nmt.summary_en + " Updated."
    _publish(nmt)
    assert nmt.title_sv not in _titles(report_rows())


def test_only_a_change_of_text_makes_the_english_older():
    """Reordering blocks, changing a link's address or the chosen hotline, or markup,
    changes no text a translator must follow; a changed word does."""
    theme = ThemePage.objects.get(slug_sv="manniskohandel-med-barn")
    other_line = Hotline.objects.create(
        name_sv="Jourlinjen", name_en="The duty line", number="+46812345678"
    )
    theme.body_sv = [
        ("heading", "Stöd"),
        ("paragraph", RichText('<p>Ring <a href="https://a.example.se/">stödlinjen</a>.</p>')),
        ("hotline", other_line),
    ]
    theme.body_en = [
        ("heading", "Support"),
        ("paragraph", RichText('<p>Call <a href="https://a.example.se/">the line</a>.</p>')),
        ("hotline", other_line),
    ]
    _publish(theme)
    assert theme.title_sv not in _titles(report_rows())

    theme = ThemePage.objects.get(pk=theme.pk)
    heading, paragraph, _line = list(theme.body_sv)
    theme.body_sv = [
        ("hotline", Hotline.objects.exclude(pk=other_line.pk).first()),
        (
            "paragraph",
            RichText('<p>Ring <b><a href="https://b.example.se/">stödlinjen</a></b>.</p>'),
        ),
        ("heading", heading.value),
    ]
    _publish(theme)
    assert theme.title_sv not in _titles(report_rows())

    theme = ThemePage.objects.get(pk=theme.pk)
    theme.body_sv = [*((c.block_type, c.value) for c in theme.body_sv), ("heading", "Mer stöd")]
    _publish(theme)
    assert _titles(report_rows())[theme.title_sv] == "outdated"


def test_snippets_without_english_are_listed():
    Hotline.objects.create(name_sv="Jourtelefonen", name_en="", number="+46812345678")
    rows = report_rows(kind="hotline")
    assert [(row.title.split(" (")[0], row.status) for row in rows] == [
        ("Jourtelefonen", "missing")
    ]


class TestTranslationWarningsInTheAdmin(WagtailPageTestCase):
    def setUp(self):
        self.login()

    def test_publishing_a_swedish_change_tells_the_editor_about_english(self):
        nmt = SupportServicePage.objects.get(slug_sv="nmt")
        data = _nmt_form_data(nmt, summary_sv="Ändrad sammanfattning.")
        data["action-publish"] = "action-publish"
        response = self.client.post(f"/admin/pages/{nmt.pk}/edit/", data, follow=True)
        assert response.status_code == 200
        assert "Den engelska texten kan också behöva uppdateras" in response.content.decode()

    def _publish_form(self, nmt, **changes):
        data = _nmt_form_data(nmt, **changes)
        data["action-publish"] = "action-publish"
        response = self.client.post(f"/admin/pages/{nmt.pk}/edit/", data, follow=True)
        assert response.status_code == 200
        return response.content.decode()

    def test_the_warning_comes_with_the_save_that_changed_swedish_only(self):
        nmt = SupportServicePage.objects.get(slug_sv="nmt")
        assert "kan också behöva uppdateras" in self._publish_form(nmt, summary_sv="Ny text.")
        nmt = SupportServicePage.objects.get(pk=nmt.pk)
        # Saved again without a change of Swedish text: no second warning.
        again = self._publish_form(nmt, abbreviation="NMT2")
        assert "kan också behöva uppdateras" not in again

    def test_missing_english_is_named_field_by_field_until_filled(self):
        nmt = SupportServicePage.objects.get(slug_sv="nmt")
        html = self._publish_form(nmt, summary_en="", audience_en="")
        message = re.search(r"Engelsk text saknas i: ([^<.]*)\.", html)
        assert message and set(message.group(1).split(", ")) == {
            str(SupportServicePage._meta.get_field(name).verbose_name)
            for name in ("summary", "audience")
        }
        nmt = SupportServicePage.objects.get(pk=nmt.pk)
        filled = self._publish_form(nmt, summary_en="A summary.", audience_en="Social workers.")
        assert "Engelsk text saknas" not in filled


def _nmt_form_data(nmt, **changes):
    fields = {
        "title_sv": nmt.title_sv,
        "title_en": nmt.title_en,
        "slug_sv": nmt.slug_sv,
        "slug_en": nmt.slug_en,
        "abbreviation": nmt.abbreviation,
        "summary_sv": nmt.summary_sv,
        "summary_en": nmt.summary_en,
        "lead_agency_sv": nmt.lead_agency_sv,
        "lead_agency_en": nmt.lead_agency_en,
        "hotline": nmt.hotline_id,
        "hotline_prompt_sv": nmt.hotline_prompt_sv,
        "hotline_prompt_en": nmt.hotline_prompt_en,
        "website_sv": nmt.website_sv,
        "website_en": "",
        "website_label_sv": nmt.website_label_sv,
        "website_label_en": nmt.website_label_en,
        "audience_sv": nmt.audience_sv,
        "audience_en": nmt.audience_en,
        "offers_sv": rich_text(nmt.offers_sv),
        "offers_en": rich_text(nmt.offers_en),
        "partner_agencies": inline_formset(
            [
                {"id": a.pk, "name_sv": a.name_sv, "name_en": a.name_en}
                for a in nmt.partner_agencies.all()
            ]
        ),
        "quick_exit": "inherit",
        "last_reviewed": nmt.last_reviewed.isoformat(),
        "review_by": nmt.review_by.isoformat() if nmt.review_by else "",
    }
    fields.update(changes)
    return nested_form_data(fields)


# Review dates -------------------------------------------------------------------


def test_review_by_defaults_to_the_page_types_interval():
    nmt = SupportServicePage.objects.get(slug_sv="nmt")
    assert nmt.review_by == add_months(nmt.last_reviewed, 12)
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


def test_public_page_shows_when_it_was_last_reviewed(client):
    nmt = SupportServicePage.objects.get(slug_sv="nmt")
    nmt.last_reviewed = date(2026, 3, 5)
    nmt.review_by = date(2027, 3, 5)
    _publish(nmt)
    assert "Senast granskad 5 mars 2026" in client.get(nmt.url).content.decode()
    with translation.override("en"):
        url = nmt.url
    assert "Last reviewed 5 March 2026" in client.get(url).content.decode()


def test_review_command_lists_due_pages_and_fails_on_overdue(capsys):
    nmt = SupportServicePage.objects.get(slug_sv="nmt")
    call_command("review_due")  # nothing overdue in fresh seed content
    today = timezone.localdate()
    SupportServicePage.objects.filter(pk=nmt.pk).update(
        last_reviewed=today - timedelta(days=400), review_by=today - timedelta(days=1)
    )
    WebCoursePage.objects.update(review_by=today + timedelta(days=10))
    with pytest.raises(SystemExit) as exit_info:
        call_command("review_due")
    assert exit_info.value.code == 1
    out = capsys.readouterr().out
    assert "OVERDUE" in out and nmt.title_sv in out
    assert "DUE" in out and "Webbutbildningen Människohandel med barn och unga" in out
    # Each page's public addresses in both languages and its edit link, in full.
    urls = nmt.language_urls(full=True)
    assert urls["sv"].startswith("http") and "/sv/vald/" in urls["sv"]
    assert urls["en"].startswith("http") and "/en/violence/" in urls["en"]
    assert f"sv: {urls['sv']}" in out and f"en: {urls['en']}" in out
    assert f"edit: http://testserver/admin/pages/{nmt.pk}/edit/" in out


class TestReviewInTheAdmin(WagtailPageTestCase):
    def setUp(self):
        self.login()

    def test_review_by_before_last_reviewed_is_a_form_error_and_nothing_is_lost(self):
        nmt = SupportServicePage.objects.get(slug_sv="nmt")
        data = _nmt_form_data(
            nmt,
            summary_sv="Ny text som inte får försvinna.",
            last_reviewed="2026-05-01",
            review_by="2026-04-01",
        )
        response = self.client.post(f"/admin/pages/{nmt.pk}/edit/", data)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Datumet för nästa översyn kan inte vara före datumet för den senaste" in html
        assert "Ny text som inte får försvinna." in html


# Moderation workflow --------------------------------------------------------------


class TestModerationWorkflow(WagtailPageTestCase):
    def _user(self, username, group):
        user = self.create_user(username, password="pw")
        user.groups.add(Group.objects.get(name=group))
        return user

    def test_editor_submits_and_reviewer_approves_and_publishes(self):
        editor = self._user("redaktor", "Redaktörer")
        reviewer = self._user("granskare", "Granskare")
        nmt = SupportServicePage.objects.get(slug_sv="nmt")
        self.client.force_login(editor)
        data = _nmt_form_data(nmt, summary_sv="Granskad ändring.")
        # An editor cannot publish ...
        data["action-publish"] = "action-publish"
        self.client.post(f"/admin/pages/{nmt.pk}/edit/", data)
        assert "Granskad ändring." not in self.client.get(nmt.url).content.decode()
        # ... but submits for review.
        del data["action-publish"]
        data["action-submit"] = "action-submit"
        assert self.client.post(f"/admin/pages/{nmt.pk}/edit/", data).status_code == 302
        state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(nmt.pk))
        assert state.status == "in_progress"

        self.client.force_login(reviewer)
        task_state = state.current_task_state
        response = self.client.post(
            f"/admin/pages/workflow/action/{nmt.pk}/approve/{task_state.pk}/", {"comment": "Bra."}
        )
        assert response.status_code in (200, 302)
        state.refresh_from_db()
        assert state.status == "approved"
        assert "Granskad ändring." in self.client.get(nmt.url).content.decode()


# Scheduled publishing ----------------------------------------------------------------


def test_scheduled_go_live_and_expiry_of_pages(client):
    nmt = SupportServicePage.objects.get(slug_sv="nmt")
    url = nmt.url
    go_live = timezone.now() + timedelta(hours=1)
    nmt.summary_sv = "Publiceras senare."
    nmt.go_live_at = go_live
    nmt.expire_at = go_live + timedelta(days=1)
    nmt.save_revision().publish()  # a future go-live schedules the revision
    call_command("publish_scheduled")
    assert "Publiceras senare." not in client.get(url).content.decode()
    with time_machine.travel(go_live + timedelta(minutes=1), tick=False):
        call_command("publish_scheduled")
        assert "Publiceras senare." in client.get(url).content.decode()
    with time_machine.travel(go_live + timedelta(days=1, minutes=1), tick=False):
        call_command("publish_scheduled")
        nmt.refresh_from_db()
        assert not nmt.live and nmt.expired
        assert client.get(url).status_code == 404


class TestSchedulingInTheAdmin(WagtailPageTestCase):
    def setUp(self):
        self.login()

    def test_future_go_live_waits_for_the_scheduler(self):
        nmt = SupportServicePage.objects.get(slug_sv="nmt")
        go_live = timezone.localtime() + timedelta(days=1)
        data = _nmt_form_data(
            nmt, summary_sv="Schemalagd text.", go_live_at=go_live.strftime("%Y-%m-%d %H:%M")
        )
        data["action-publish"] = "action-publish"
        assert self.client.post(f"/admin/pages/{nmt.pk}/edit/", data).status_code == 302
        assert "Schemalagd text." not in self.client.get(nmt.url).content.decode()
        with time_machine.travel(go_live + timedelta(minutes=1), tick=False):
            call_command("publish_scheduled")
            assert "Schemalagd text." in self.client.get(nmt.url).content.decode()

    def test_expiry_before_go_live_is_a_form_error(self):
        nmt = SupportServicePage.objects.get(slug_sv="nmt")
        data = _nmt_form_data(
            nmt, summary_sv="Behålls.", go_live_at="2027-01-10 10:00", expire_at="2027-01-01 10:00"
        )
        response = self.client.post(f"/admin/pages/{nmt.pk}/edit/", data)
        assert response.status_code == 200
        html = response.content.decode()
        assert "error-message" in html
        assert "Behålls." in html


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


def test_link_checker_reports_the_broken_link_and_not_the_good(local_site, capsys):
    nmt = SupportServicePage.objects.get(slug_sv="nmt")
    nmt.website_sv = f"{local_site}/ok"
    nmt.website_en = f"{local_site}/missing"
    _publish(nmt)
    with pytest.raises(SystemExit) as exit_info:
        call_command("check_links", host=["127.0.0.1"], timeout=2)
    assert exit_info.value.code == 1
    out = capsys.readouterr().out
    assert f"BROKEN 404 (Not Found) {local_site}/missing" in out
    assert f"{local_site}/ok" not in out
    assert "on stödfunktion: Nationellt metodstöd" in out or "on support service" in out
    assert "Checked 2 links: 1 broken." in out


def test_link_checker_survives_an_unreachable_host(capsys):
    course = WebCoursePage.objects.get()
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


def test_scheduled_go_live_and_expiry_of_publications(client):
    from publications.models import Publication

    publication = Publication.objects.get(slug="prostitution-i-norra-sverige")
    url = "/sv/publikationer/prostitution-i-norra-sverige/"
    assert client.get(url).status_code == 200
    go_live = timezone.now() + timedelta(hours=2)
    publication.title_sv = "Prostitution i norra Sverige (andra upplagan)"
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
