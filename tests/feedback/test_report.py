"""Editors read the answers: the report "Återkoppling på sidor" (counts and comments per page,
by period and page, exported) and the dashboard's panel of the pages with the most Nej."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from tests.factories import PublicationFactory, PublicationIndexPageFactory, ThemePageFactory
from tests.factories.feedback import PageFeedbackFactory
from tests.helpers import elements

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/page-feedback/"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def editor(client, django_user_model):
    """An editor who may use the admin and nothing more."""
    user = django_user_model.objects.create_user("redaktor", "r@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    return client


@pytest.fixture
def answers():
    """Barn: 1 Ja and 3 Nej this month (two with comments), 1 Nej long ago; Familj: 2 Ja;
    a publication: 1 Nej."""
    now = timezone.now()
    long_ago = now - datetime.timedelta(days=400)
    children = ThemePageFactory(title_sv="Barn", title_en="Children")
    family = ThemePageFactory(title_sv="Familj", title_en="Family")
    catalogue = PublicationIndexPageFactory()
    entry = PublicationFactory(title_sv="Handbok", subtitle_sv="")
    PageFeedbackFactory(page=children, helpful=True)
    PageFeedbackFactory(page=children, comment="Telefonnumret saknas.")
    PageFeedbackFactory(page=children, language="en", comment="<script>alert(1)</script>")
    PageFeedbackFactory(page=children)
    PageFeedbackFactory(page=children, created=long_ago, comment="Gammal kommentar")
    PageFeedbackFactory.create_batch(2, page=family, helpful=True)
    PageFeedbackFactory(page=catalogue, publication=entry)
    return {"children": children, "family": family, "entry": entry, "long_ago": long_ago}


def _rows(html: str) -> list[str]:
    start = html.index("<tbody", html.index('<table class="listing"'))
    body = html[start : html.index("</tbody>", start)]
    return [row.split("</tr>")[0] for row in body.split("<tr")[1:]]


def _csv(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(text)))


def test_the_report_counts_yes_and_no_per_page_with_the_comments_escaped(editor, answers):
    response = editor.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Återkoppling på sidor" in html
    rows = _rows(html)
    assert len(rows) == 3
    assert "Barn" in rows[0] and "Handbok" in rows[1] and "Familj" in rows[2]
    assert "Telefonnumret saknas." in rows[0] and "Gammal kommentar" in rows[0]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rows[0] and "<script>alert" not in html
    cells = [c.split(">", 1)[1].split("<")[0].strip() for c in rows[0].split("<td")[1:]]
    assert cells[1:4] == ["Sida", "1", "4"]
    assert elements(html, "a", href=f"/admin/pages/{answers['children'].pk}/edit/")


def test_the_report_filters_by_period_and_page(editor, answers):
    today = timezone.localdate()
    since = today - datetime.timedelta(days=30)
    recent = editor.get(REPORT, {"created_from": since.isoformat(), "created_to": today})
    rows = _rows(recent.content.decode())
    assert "Gammal kommentar" not in rows[0]
    cells = [c.split(">", 1)[1].split("<")[0].strip() for c in rows[0].split("<td")[1:]]
    assert cells[2:4] == ["1", "3"]
    only = editor.get(REPORT, {"subject": f"page:{answers['family'].pk}"})
    rows = _rows(only.content.decode())
    assert len(rows) == 1 and "Familj" in rows[0]


def test_the_report_exports_csv_and_xlsx(editor, answers):
    rows = _csv(editor.get(REPORT, {"export": "csv"}))
    assert rows[0] == ["Titel", "Typ", "Ja", "Nej", "Kommentarer"]
    assert rows[1][:4] == ["Barn", "Sida", "1", "4"]
    assert "(sv): Telefonnumret saknas." in rows[1][4]
    assert rows[2][:4] == ["Handbok", "Publikation", "0", "1"]
    response = editor.get(REPORT, {"export": "xlsx"})
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    assert "page-feedback-" in response["Content-Disposition"]


def test_a_deleted_page_keeps_its_answers_under_its_title(editor, answers):
    answers["family"].delete()
    rows = _rows(editor.get(REPORT).content.decode())
    assert any("Familj" in row and "Sida (borttagen)" in row for row in rows)


def test_the_dashboard_names_the_page_with_most_no_this_month(editor, answers):
    html = editor.get("/admin/").content.decode()
    panel = html[html.index('id="page-feedback-content"') :]
    assert "Flest nej denna månad" in html
    first = panel.split("<li>")[1]
    assert "Barn" in first and "3 nej" in first  # the Nej of long ago are not this month's
    link = elements(panel, "a")[0]["href"]
    assert link.startswith(f"{REPORT}?subject=page%3A{answers['children'].pk}&created_from=")
    assert editor.get(link.replace("&amp;", "&")).status_code == 200


@pytest.mark.parametrize("export", [None, "csv"])
def test_the_report_reads_a_bounded_number_of_queries(
    editor, answers, django_assert_max_num_queries, export
):
    params = {"export": export} if export else {}
    editor.get(REPORT, params)  # the admin's own first-time lookups
    with django_assert_max_num_queries(14):
        response = editor.get(REPORT, params)
    for n in range(20):
        page = ThemePageFactory(title_sv=f"Tema {n}")
        PageFeedbackFactory.create_batch(2, page=page, comment=f"Kommentar {n}")
    with django_assert_max_num_queries(14):
        response = editor.get(REPORT, params)
    assert response.status_code == 200
