"""The history and comparison views show what editors changed, and nothing else: the seed's
content is one published revision, logged like any other. About the seed's own revisions
(the seed command's, by "system"), hence `seeded`."""

import re

import pytest
from wagtail.models import PageLogEntry, Revision

from guidance.models import SupportServicePage, ThemePage
from tests.helpers import form_values

pytestmark = pytest.mark.django_db


def text(html: str) -> str:
    main = html[html.index("<main") :]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def changed_fields(client, page, a, b) -> list[str]:
    """The field names the comparison of revisions a and b lists as changed."""
    html = client.get(f"/admin/pages/{page.pk}/revisions/compare/{a}...{b}/").content.decode()
    table = html[html.index('<table class="listing w-mt-8">') :]
    table = table[: table.index("</table>")]
    return [
        name.strip().rstrip(":")
        for name in re.findall(r'<div class="title-wrapper">(.*?)</div>', table, re.S)
    ]


@pytest.mark.parametrize("slug", ["nmt", "manniskohandel-med-barn"])
def test_a_seeded_page_has_one_logged_revision(seeded, admin_client_sv, slug):
    page = (SupportServicePage if slug == "nmt" else ThemePage).objects.get(slug_sv=slug)
    revisions = Revision.objects.for_instance(page)
    assert revisions.count() == 1
    assert page.live_revision_id == revisions.get().pk
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").count() == 1
    history = text(admin_client_sv.get(f"/admin/pages/{page.pk}/history/").content.decode())
    assert re.search(r"Publicerad (version )?system", history)


@pytest.mark.parametrize(
    ("model", "slug", "field", "label"),
    [(SupportServicePage, "nmt", "summary_sv", "Sammanfattning [sv]")],
)
def test_an_edit_through_the_admin_compares_as_that_edit_alone(
    seeded, admin_client_sv, model, slug, field, label
):
    """The editor opens the seeded page, changes one sentence and publishes: the history
    compares the seed's revision with theirs as that one change (rich text, inline rows and
    empty fields included). The form is sent as the browser would without scripts, so a
    page with a stream field (drawn by script) is not among the cases."""
    page = model.objects.get(slug_sv=slug)
    seeded = page.live_revision_id
    edit = f"/admin/pages/{page.pk}/edit/"
    data = form_values(admin_client_sv.get(edit).content.decode(), "page-edit-form")
    data[field] += " Ny mening."
    data["action-publish"] = "action-publish"
    assert admin_client_sv.post(edit, data).status_code == 302
    page.refresh_from_db()
    assert page.live_revision_id != seeded
    assert changed_fields(admin_client_sv, page, seeded, page.live_revision_id) == [label]
    assert changed_fields(admin_client_sv, page, "earliest", "live") == [label]
    history = text(admin_client_sv.get(f"/admin/pages/{page.pk}/history/").content.decode())
    assert re.search(r"Publicerad (version )?editor", history)
    assert re.search(r"Publicerad (version )?system", history)  # the seed's


def test_the_seeds_revision_is_by_system_not_none(seeded, admin_client_sv):
    """Viewing the seed's revision (to revert to it) names its author as the history does."""
    nmt = SupportServicePage.objects.get(slug_sv="nmt")
    url = f"/admin/pages/{nmt.pk}/revisions/{nmt.live_revision_id}/view/"
    response = admin_client_sv.get(url)
    assert response.status_code == 200
    revert = f"/admin/pages/{nmt.pk}/revisions/{nmt.live_revision_id}/revert/"
    html = text(admin_client_sv.get(revert).content.decode())
    banner = re.search(r"Du tittar på en tidigare version av sidan från [^<]*? av (\w+)", html)
    assert banner and banner.group(1) == "system"
