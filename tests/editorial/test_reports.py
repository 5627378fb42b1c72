"""The editorial reports (translation status, review dates) through the real admin."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone, translation

from guidance.models import Hotline, SectionPage, StandardPage
from portal.editorial.review_dates import reviewed_models
from tests.factories import site_home
from tests.helpers import elements, section

pytestmark = pytest.mark.django_db

TRANSLATION = "/admin/reports/translation-status/"
REVIEW = "/admin/reports/review-due/"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def editor(client, django_user_model):
    """An editor who may use the admin and nothing more: the reports need no other right."""
    user = django_user_model.objects.create_user("redaktor", "r@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    return client


def _home():
    """The start page of the test's own site (tests/factories), built on first use."""
    return site_home()


def _publish(page):
    page.save_revision().publish()
    return page


def _section(title, slug):
    with translation.override("sv"):
        section = SectionPage(title_sv=title, slug_sv=slug, title_en=f"{title} (en)")
        _home().add_child(instance=section)
    return _publish(section)


def _untranslated_page(parent, title, slug, **fields):
    with translation.override("sv"):
        page = StandardPage(title_sv=title, slug_sv=slug, intro_sv="Text.", **fields)
        parent.add_child(instance=page)
    return _publish(page)


def _csv(response):
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(text)))


def _edit_links(response):
    html = response.content.decode()
    return {a.get("href") for a in elements(html, "a") if "/edit/" in a.get("href", "")}


# Translation status -------------------------------------------------------------------


def test_translation_report_lists_what_lacks_english_and_links_to_its_editor(editor):
    section = _section("Granskningssektion", "granskningssektion")
    page = _untranslated_page(section, "Otranslaterad sida", "otranslaterad")
    hotline = Hotline.objects.create(name_sv="Jourtelefonen", name_en="", number="+46812345678")
    response = editor.get(TRANSLATION)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Översättningsstatus" in html
    # The admin speaks Swedish: the columns and the filters.
    assert all(text in html for text in ("Fält utan engelska", "Alla typer", "Alla sektioner"))
    links = _edit_links(response)
    assert f"/admin/pages/{page.pk}/edit/" in links
    assert f"/admin/snippets/guidance/hotline/edit/{hotline.pk}/" in links
    assert f"/admin/pages/{section.pk}/edit/" not in links  # translated
    assert elements(html, "tr", data_status="missing")
    # The dashboard still counts them and leads to the report.
    dashboard = editor.get("/admin/").content.decode()
    assert elements(dashboard, "a", href=TRANSLATION)


def test_translation_report_filters_by_kind_section_and_status(editor):
    section = _section("Granskningssektion", "granskningssektion")
    missing = _untranslated_page(section, "Otranslaterad sida", "otranslaterad")
    partial = _untranslated_page(
        section, "Halvt översatt", "halvt", title_en="Half translated", intro_en=""
    )
    hotline = Hotline.objects.create(name_sv="Jourtelefonen", name_en="", number="+46812345678")
    page_url, partial_url = (f"/admin/pages/{p.pk}/edit/" for p in (missing, partial))
    hotline_url = f"/admin/snippets/guidance/hotline/edit/{hotline.pk}/"

    by_kind = _edit_links(editor.get(TRANSLATION, {"kind": "hotline"}))
    assert hotline_url in by_kind and page_url not in by_kind
    by_section = _edit_links(editor.get(TRANSLATION, {"section": "Granskningssektion"}))
    assert by_section == {page_url, partial_url}
    by_status = _edit_links(
        editor.get(TRANSLATION, {"section": "Granskningssektion", "status": "partial"})
    )
    assert by_status == {partial_url}
    # An unknown value drops only its own filter.
    odd = editor.get(TRANSLATION, {"kind": "hotline", "status": "nonsense"})
    assert odd.status_code == 200
    assert hotline_url in _edit_links(odd) and page_url not in _edit_links(odd)
    # The results alone (what the filters fetch while the editor picks them).
    fragment = editor.get(f"{TRANSLATION}results/", {"kind": "hotline"})
    assert fragment.status_code == 200
    assert hotline_url in _edit_links(fragment) and page_url not in _edit_links(fragment)


def test_translation_report_exports_csv_and_xlsx(editor):
    Hotline.objects.create(name_sv="Jourtelefonen", name_en="", number="+46812345678")
    rows = _csv(editor.get(TRANSLATION, {"kind": "hotline", "export": "csv"}))
    assert rows[0] == ["Titel", "Typ", "Sektion", "Status", "Fält utan engelska"]
    assert len(rows) == 2
    title, kind, section, status, fields = rows[1]
    assert title.startswith("Jourtelefonen (")
    assert (kind, section, status) == ("Stödtelefon", "", "Engelska saknas")
    assert "namn" in fields.split(", ")  # the field as the form names it, not "name"
    response = editor.get(TRANSLATION, {"kind": "hotline", "export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert "translation-status-" in response["Content-Disposition"]


# Review dates ---------------------------------------------------------------------------


@pytest.fixture
def nothing_due():
    """Any other pages in the database (the seed's, offline beside the test's own site) are
    reviewed far ahead: the report lists pages live or not, and only the test's are due."""
    for model in reviewed_models():
        model.objects.update(review_by=date(2100, 1, 1))


def _reviewed_page(title, slug, review_by):
    with translation.override("sv"):
        page = StandardPage(
            title_sv=title,
            slug_sv=slug,
            title_en=f"{title} (en)",
            slug_en=slug,
            last_reviewed=date(2024, 1, 1),
            review_by=review_by,
        )
        _home().add_child(instance=page)
    return _publish(page)


@pytest.fixture
def review_pages(nothing_due):
    today = timezone.localdate()
    return {
        "overdue": _reviewed_page("Försenad sida", "forsenad", today - timedelta(days=3)),
        "due": _reviewed_page("Snart granskad sida", "snart", today + timedelta(days=10)),
        "later": _reviewed_page("Granskas senare", "senare", today + timedelta(days=90)),
    }


def _edit(page):
    return f"/admin/pages/{page.pk}/edit/"


def test_review_report_lists_overdue_and_due_pages_soonest_first(editor, review_pages):
    response = editor.get(REVIEW)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sidor att se över" in html
    assert all(text in html for text in ("Se över senast", "Senast översedd", "Sidtyp"))
    links = [a["href"] for a in elements(html, "a") if a.get("href", "").endswith("/edit/")]
    overdue, due = _edit(review_pages["overdue"]), _edit(review_pages["due"])
    assert [link for link in links if link in {overdue, due}] == [overdue, due]
    assert _edit(review_pages["later"]) not in links
    assert elements(html, "tr", data_status="overdue")
    assert elements(html, "tr", data_status="due")


def test_review_report_filters_by_status_and_page_type(editor, review_pages):
    overdue, due = _edit(review_pages["overdue"]), _edit(review_pages["due"])
    assert _edit_links(editor.get(REVIEW, {"status": "overdue"})) == {overdue}
    assert _edit_links(editor.get(REVIEW, {"status": "due"})) == {due}
    assert _edit_links(editor.get(REVIEW, {"status": ""})) == {overdue, due}
    assert _edit_links(editor.get(REVIEW, {"page_type": "standardpage"})) == {overdue, due}
    assert _edit_links(editor.get(REVIEW, {"page_type": "themepage"})) == set()


def test_review_report_exports_csv_and_xlsx(editor, review_pages):
    rows = _csv(editor.get(REVIEW, {"export": "csv"}))
    assert rows[0] == ["Titel", "Sidtyp", "Senast översedd", "Se över senast", "Status"]
    overdue, due = review_pages["overdue"], review_pages["due"]
    assert rows[1:] == [
        ["Försenad sida", "Standardsida", "2024-01-01", str(overdue.review_by), "Försenad"],
        ["Snart granskad sida", "Standardsida", "2024-01-01", str(due.review_by), "Snart dags"],
    ]
    assert _csv(editor.get(REVIEW, {"status": "due", "export": "csv"}))[1:] == rows[2:]
    response = editor.get(REVIEW, {"export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX


# Who may see them, and what they cost ------------------------------------------------------


@pytest.mark.parametrize("url", [TRANSLATION, REVIEW, f"{REVIEW}?export=csv"])
def test_reports_are_refused_to_visitors_and_users_without_admin_access(
    client, django_user_model, url
):
    Hotline.objects.create(name_sv="Jourtelefonen", name_en="", number="+46812345678")
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    user = django_user_model.objects.create_user("besokare", "b@example.org", "pw")
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert "Jourtelefon" not in response.content.decode()


@pytest.mark.parametrize(("url", "limit"), [(TRANSLATION, 35), (REVIEW, 20)])
def test_a_report_page_costs_a_bounded_number_of_queries(
    editor, review_pages, django_assert_max_num_queries, url, limit
):
    section = _section("Granskningssektion", "granskningssektion")

    def add_rows(first):
        for number in range(first, first + 5):
            _untranslated_page(section, f"Otranslaterad {number}", f"otranslaterad-{number}")
            _reviewed_page(f"Försenad {number}", f"forsenad-{number}", date(2025, 1, number + 1))

    add_rows(0)
    with django_assert_max_num_queries(limit):
        assert editor.get(url).status_code == 200
    add_rows(5)  # more rows, the same cost
    with django_assert_max_num_queries(limit):
        assert editor.get(url).status_code == 200


def test_the_dashboard_tells_content_review_from_moderation(editor, review_pages):
    """Wagtail's moderation panel is "Inväntar din granskning"; the content-review panel
    must not be mistaken for it: its own name, and no word of "granska" in it."""
    dashboard = editor.get("/admin/").content.decode()
    panel = section(
        dashboard, '<section class="w-panel w-panel--dashboard" id="review-due-section"'
    )
    assert "Sidor att se över" in panel
    assert "Försenad sida" in panel and "Snart granskad sida" in panel
    without_titles = panel.replace("Snart granskad sida", "")
    assert "gransk" not in without_titles.lower()
