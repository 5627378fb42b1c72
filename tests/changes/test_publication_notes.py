"""A publication's major change, published directly or approved in review, is told on its page
and carried by the catalogue's Atom feed; a minor one is not."""

from __future__ import annotations

import datetime
from xml.etree import ElementTree

import pytest
import time_machine
from wagtail.test.utils.form_data import rich_text

from portal.changes.models import ChangeNote
from publications.models import Publication
from tests.changes.test_change_notes import DAY, NOTE_EN, NOTE_SV
from tests.helpers import section
from tests.publications.test_admin import LIST, shelf  # noqa: F401
from tests.publications.test_review import (  # noqa: F401
    PUBLIC,
    SLUG,
    act,
    edit_data,
    editor,
    review,
    reviewer,
    submit,
)

pytestmark = pytest.mark.django_db

FEED = "/sv/publikationer/feed/"
ATOM = "{http://www.w3.org/2005/Atom}"


def as_it_is(publication, shelf, **changes):  # noqa: F811
    """The publication's edit form with its own title and description, and `changes`."""
    return edit_data(
        publication,
        shelf,
        **{
            "title_sv": publication.title_sv,
            "title_en": publication.title_en,
            "subtitle_sv": publication.subtitle_sv,
            "subtitle_en": publication.subtitle_en,
            "description_sv": rich_text(publication.description_sv),
            "description_en": rich_text(publication.description_en),
            **changes,
        },
    )


def entry_of(client, title: str) -> ElementTree.Element:
    feed = ElementTree.fromstring(client.get(FEED).content)
    (entry,) = [
        e for e in feed.iter(f"{ATOM}entry") if e.findtext(f"{ATOM}title").startswith(title)
    ]
    return entry


def test_a_major_change_approved_in_review_is_on_the_page_and_in_the_feed(
    client,
    shelf,  # noqa: F811
    editor,  # noqa: F811
    reviewer,  # noqa: F811
):
    publication = Publication.objects.get(slug=SLUG)
    before = entry_of(client, publication.title_sv).findtext(f"{ATOM}updated")
    data = as_it_is(
        publication,
        shelf,
        change_kind="major",
        change_note_sv=NOTE_SV,
        change_note_en=NOTE_EN,
    )
    client.force_login(editor)
    state = submit(client, publication, data)
    assert not ChangeNote.objects.exists()  # submitted, not published

    client.force_login(reviewer)
    with time_machine.travel(DAY, tick=False):
        act(client, publication, state, "approve")
    assert state.status == "approved"
    client.logout()

    html = section(client.get(PUBLIC).content.decode(), '<div class="change-history"')
    assert "Senast uppdaterad 3 december 2026" in html
    assert f"3 december 2026</time>: {NOTE_SV}" in html
    english = client.get(PUBLIC.replace("/sv/publikationer/", "/en/publications/", 1))
    assert f"3 December 2026</time>: {NOTE_EN}" in english.content.decode()

    entry = entry_of(client, publication.title_sv)
    assert entry.findtext(f"{ATOM}updated").startswith("2026-12-03T")
    assert entry.findtext(f"{ATOM}updated") != before
    assert entry.findtext(f"{ATOM}summary").startswith(f"Uppdaterad 3 december 2026: {NOTE_SV}")


def test_a_minor_change_leaves_the_page_and_the_feed_as_they_were(
    admin_client_sv,
    shelf,  # noqa: F811
):
    publication = Publication.objects.get(slug=SLUG)
    before = entry_of(admin_client_sv, publication.title_sv)
    data = as_it_is(publication, shelf, title_sv="De kan alltid hitta mig!")
    with time_machine.travel(DAY + datetime.timedelta(days=1), tick=False):
        response = admin_client_sv.post(
            f"{LIST}edit/{publication.pk}/", {**data, "action-publish": "1"}
        )
    assert response.status_code == 302
    assert "De kan alltid hitta mig!" in admin_client_sv.get(PUBLIC).content.decode()
    after = entry_of(admin_client_sv, "De kan alltid hitta mig!")
    assert after.findtext(f"{ATOM}updated") == before.findtext(f"{ATOM}updated")
    assert after.findtext(f"{ATOM}summary") == before.findtext(f"{ATOM}summary")
    assert "Senast uppdaterad" not in admin_client_sv.get(PUBLIC).content.decode()
