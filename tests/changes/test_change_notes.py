"""Publishing, the editor says whether a change is minor or major; a major change is told to
the public with its date and a note in both languages, on the page and in the feed. Through the
admin's real forms."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core.management import call_command
from wagtail.test.utils.form_data import rich_text, streamfield

from portal.changes.models import ChangeNote
from tests.factories import StandardPageFactory
from tests.guidance.test_admin import page_data
from tests.helpers import elements, form_values, section, url_in

pytestmark = pytest.mark.django_db

NOTE_SV = "Nytt telefonnummer till stödlinjen."
NOTE_EN = "A new telephone number for the helpline."
DAY = datetime.datetime(2026, 12, 3, 10, tzinfo=datetime.UTC)
LATER = DAY + datetime.timedelta(days=4)


@pytest.fixture
def page():
    with time_machine.travel(DAY - datetime.timedelta(days=30), tick=False):
        return StandardPageFactory(title_sv="Kontakt", title_en="Contact")


def edit(client, page, action="action-publish", **changes):
    """Post the page's edit form as it stands, with `changes`."""
    fields = {
        "title_sv": page.title_sv,
        "title_en": page.title_en,
        "slug_sv": page.slug_sv,
        "slug_en": page.slug_en,
        "intro_sv": page.intro_sv,
        "intro_en": page.intro_en,
        "body_sv": streamfield([("paragraph", rich_text("<p>Skriv till oss.</p>"))]),
        "body_en": streamfield([("paragraph", rich_text("<p>Write to us.</p>"))]),
    }
    data = page_data(**{**fields, **changes})
    return client.post(f"/admin/pages/{page.pk}/edit/", {**data, action: "1"})


def major(client, page, when=DAY, note=(NOTE_SV, NOTE_EN), **changes):
    """Publish a major change with its note (Swedish, English) on the day `when`."""
    with time_machine.travel(when, tick=False):
        response = edit(
            client,
            page,
            change_kind="major",
            change_note_sv=note[0],
            change_note_en=note[1],
            **changes,
        )
    assert response.status_code == 302, response.content.decode()[:3000]


def history(client, page, language="sv") -> str:
    html = client.get(url_in(page, language)).content.decode()
    return section(html, '<div class="change-history"')


def test_a_major_change_is_dated_and_noted_on_the_page_in_both_languages(admin_client_sv, page):
    major(admin_client_sv, page, intro_sv="Ring oss på 010-223 57 60.")

    swedish = history(admin_client_sv, page)
    assert "Senast uppdaterad 3 december 2026" in swedish
    assert len(elements(swedish, "details")) == 1
    assert "<summary>Alla uppdateringar</summary>" in swedish
    assert f'<time datetime="2026-12-03">3 december 2026</time>: {NOTE_SV}' in swedish
    assert '<time datetime="2026-11-03">3 november 2026</time>: Först publicerad.' in swedish

    english = history(admin_client_sv, page, "en")
    assert "Last updated 3 December 2026" in english
    assert f"3 December 2026</time>: {NOTE_EN}" in english
    assert "3 November 2026</time>: First published." in english


def test_a_page_never_changed_in_a_major_way_says_when_it_was_published(admin_client_sv, page):
    swedish = history(admin_client_sv, page)
    assert "Publicerad 3 november 2026" in swedish
    assert not elements(swedish, "details")
    with time_machine.travel(DAY, tick=False):
        assert edit(admin_client_sv, page, intro_sv="Så når du oss i dag.").status_code == 302
    assert "Publicerad 3 november 2026" in history(admin_client_sv, page)  # a minor change
    assert not ChangeNote.objects.exists()


def test_a_major_change_needs_its_note_in_both_languages(admin_client_sv, page):
    response = edit(
        admin_client_sv, page, change_kind="major", change_note_sv=NOTE_SV, intro_sv="Ny text."
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "En större ändring behöver en notering på båda språken." in html
    typed = form_values(html, "page-edit-form")
    assert typed["change_note_sv"] == NOTE_SV and typed["intro_sv"] == "Ny text."
    assert typed["change_kind"] == "major"
    assert not ChangeNote.objects.exists()
    assert "Ny text." not in admin_client_sv.get(url_in(page, "sv")).content.decode()


def test_after_a_major_change_the_next_one_starts_minor_and_keeps_the_date(admin_client_sv, page):
    major(admin_client_sv, page)
    form = form_values(
        admin_client_sv.get(f"/admin/pages/{page.pk}/edit/").content.decode(), "page-edit-form"
    )
    assert form["change_kind"] == "minor"
    assert form["change_note_sv"] == form["change_note_en"] == ""

    with time_machine.travel(LATER, tick=False):  # the form as it came: a minor change
        response = edit(admin_client_sv, page, intro_sv="Rättat stavfel.")
        assert response.status_code == 302, response.context["form"].errors
    swedish = history(admin_client_sv, page)
    assert "Senast uppdaterad 3 december 2026" in swedish
    assert ChangeNote.objects.count() == 1

    major(admin_client_sv, page, when=LATER, intro_sv="Nya öppettider.")
    assert ChangeNote.objects.count() == 1  # the same note again is not a new change
    major(admin_client_sv, page, when=LATER, note=("Nya öppettider.", "New opening hours."))
    swedish = history(admin_client_sv, page)
    assert "Senast uppdaterad 7 december 2026" in swedish
    assert swedish.index("Nya öppettider.") < swedish.index(NOTE_SV)  # newest first


def test_a_note_is_shown_as_text(admin_client_sv, page):
    major(admin_client_sv, page)
    ChangeNote.objects.update(note_sv='<script>alert("x")</script>')
    swedish = history(admin_client_sv, page)
    assert "<script>" not in swedish
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in swedish


def test_a_note_longer_than_a_few_sentences_is_refused_with_what_was_typed(admin_client_sv, page):
    long = "Ändrat. " * 1250  # 10,000 characters
    response = edit(
        admin_client_sv, page, change_kind="major", change_note_sv=long, change_note_en=NOTE_EN
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "som mest 300 tecken (den har 9999)" in html
    assert "behöver en notering" not in html  # it has one, only too long
    assert form_values(html, "page-edit-form")["change_note_en"] == NOTE_EN
    assert not ChangeNote.objects.exists()


def test_reverting_to_an_earlier_major_change_does_not_record_its_note_again(admin_client_sv, page):
    major(admin_client_sv, page)
    page.refresh_from_db()
    earlier = page.live_revision
    major(admin_client_sv, page, when=LATER, note=("Nya öppettider.", "New opening hours."))
    revert = admin_client_sv.get(f"/admin/pages/{page.pk}/revisions/{earlier.pk}/revert/")
    offered = form_values(revert.content.decode(), "page-edit-form")
    assert offered["change_kind"] == "minor" and offered["change_note_sv"] == ""

    with time_machine.travel(LATER + datetime.timedelta(days=1), tick=False):
        earlier.publish()  # the older revision, with its note, live again
    assert ChangeNote.objects.count() == 2
    assert "Senast uppdaterad 7 december 2026" in history(admin_client_sv, page)


def test_a_scheduled_major_change_is_dated_when_it_goes_live(admin_client_sv):
    with time_machine.travel(DAY - datetime.timedelta(days=30), tick=False):
        draft = StandardPageFactory(title_sv="Nyheter", title_en="News", live=False)
    with time_machine.travel(DAY, tick=False):
        response = edit(
            admin_client_sv,
            draft,
            change_kind="major",
            change_note_sv=NOTE_SV,
            change_note_en=NOTE_EN,
            go_live_at="2026-12-05 09:00",
        )
    assert response.status_code == 302, response.content.decode()[:3000]
    draft.refresh_from_db()
    assert not draft.live and not ChangeNote.objects.exists()  # scheduled, not published

    with time_machine.travel(LATER, tick=False):
        call_command("publish_scheduled", verbosity=0)
    draft.refresh_from_db()
    assert draft.live
    (note,) = ChangeNote.objects.all()
    assert note.published_at == LATER and note.note_en == NOTE_EN


def test_a_draft_may_wait_for_its_note_but_review_may_not(admin_client_sv, page):
    saved = edit(admin_client_sv, page, action="action-save", change_kind="major")
    assert saved.status_code == 302  # a draft: the note can come later
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().change_kind == "major"
    refused = edit(admin_client_sv, page, change_kind="major")
    assert "En större ändring behöver en notering på båda språken." in refused.content.decode()
