"""Every publication can be read: per language, its document here or the publisher's page
for it, first on the publication's page and in its list entry, in the JSON and the feed;
the editors' report lists those with nothing to read."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

from tests.factories import PublicationFactory, PublicationIndexPageFactory
from tests.helpers import elements, section

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/publications-nothing-to-read/"


@pytest.fixture
def catalogue(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return PublicationIndexPageFactory()


def document(name: str, collection=None) -> Document:
    return Document.objects.create(
        title=name,
        file=ContentFile(b"%PDF-1.4\n" + b"x" * 2048 + b"\n%%EOF\n", name=f"{name}.pdf"),
        collection=collection or Collection.get_first_root_node(),
    )


@pytest.fixture
def manual(catalogue):
    """Swedish as a document here, English at the publisher, Arabic still to come."""
    return PublicationFactory(
        languages=[
            {"language": "sv", "document": document("manual-sv")},
            {"language": "en", "link": "https://www.myndigheten.example.org/manual-en"},
            {"language": "ar", "status": "planned", "link": "https://example.org/ar"},
        ]
    )


def page_of(client, catalogue, publication, language="sv") -> str:
    url = catalogue.url if language == "sv" else catalogue.get_url()
    response = client.get(f"{url}{publication.slug}/")
    assert response.status_code == 200
    return response.content.decode()


def read_links(html: str) -> list[dict]:
    return elements(section(html, '<ul class="pub-downloads"'), "a")


def test_the_publications_page_offers_each_language_first(client, catalogue, manual):
    html = page_of(client, catalogue, manual)
    links = read_links(html)
    assert [link["hreflang"] for link in links] == ["sv", "en"]  # Arabic is only planned
    sv, en = links
    assert sv["href"] == manual.language_versions.get(language="sv").document.url
    assert en["href"] == "https://www.myndigheten.example.org/manual-en"
    # Before everything else about it: right after its title.
    article = section(html, '<article class="pub-detail"')
    assert article.index("pub-downloads") < article.index('<dl class="pub-meta"')
    downloads = section(html, '<ul class="pub-downloads"')
    assert "(PDF, 2" in downloads  # format and size of the document here
    assert "(på myndigheten.example.org, en annan webbplats)" in downloads


def test_the_list_entry_offers_them_first_too(client, catalogue, manual):
    html = client.get(catalogue.url).content.decode()
    entry = section(html, '<article aria-labelledby="pub-title-')
    assert entry.index("pub-downloads") < entry.index('<dl class="pub-meta"')
    assert [link["hreflang"] for link in read_links(entry)] == ["sv", "en"]
    english = client.get(f"/en/{catalogue.slug_en}/").content.decode()
    assert "(at myndigheten.example.org, another website)" in english


def test_a_private_document_gives_way_to_the_publishers_page(client, catalogue):
    hidden = Collection.get_first_root_node().add_child(name="Internt")
    CollectionViewRestriction.objects.create(
        collection=hidden, restriction_type=CollectionViewRestriction.LOGIN
    )
    publication = PublicationFactory(
        languages=[
            {
                "language": "sv",
                "document": document("internt-utkast", hidden),
                "link": "https://utgivaren.example.org/rapport",
            }
        ]
    )
    html = page_of(client, catalogue, publication)
    assert [link["href"] for link in read_links(html)] == ["https://utgivaren.example.org/rapport"]
    assert "internt-utkast" not in html


def test_the_json_lists_the_ways_to_read(client, catalogue, manual):
    item = client.get(f"{catalogue.url}api/").json()["items"][0]
    sv_document = manual.language_versions.get(language="sv").document
    assert item["read"] == [
        {
            "language": "sv",
            "url": f"http://testserver{sv_document.url}",
            "kind": "document",
            "format": "PDF",
            "size": sv_document.get_file_size(),
        },
        {
            "language": "en",
            "url": "https://www.myndigheten.example.org/manual-en",
            "kind": "publisher",
            "format": None,
            "size": None,
        },
    ]
    links = {version["code"]: version["link"] for version in item["languages"]}
    assert links["en"] == "https://www.myndigheten.example.org/manual-en"


def test_the_feed_links_the_document_and_the_publishers_page(client, catalogue, manual):
    feed = client.get(f"{catalogue.url}feed/").content.decode()
    sv_document = manual.language_versions.get(language="sv").document
    enclosure = re.search(r'<link [^>]*rel="enclosure"[^>]*/>', feed).group(0)
    assert f'href="http://testserver{sv_document.url}"' in enclosure
    assert 'type="application/pdf"' in enclosure
    assert f'length="{sv_document.get_file_size()}"' in enclosure
    related = re.findall(r'<link [^>]*rel="related"[^>]*/>', feed)
    assert related == [
        '<link href="https://www.myndigheten.example.org/manual-en" hreflang="en" rel="related"/>'
    ]


def test_the_report_lists_what_cannot_be_read(admin_client_sv, catalogue, manual):
    planned_only = PublicationFactory(
        title_sv="Bara planerad", languages=[{"language": "sv", "status": "planned"}]
    )
    draft = PublicationFactory(title_sv="Ett utkast utan dokument", live=False)
    read_online = PublicationFactory(title_sv="Läses på nätet", external_url="https://e.org/x")
    html = admin_client_sv.get(REPORT).content.decode()
    assert "Publikationer utan något att läsa" in html
    for publication in (planned_only, draft):
        assert publication.title_sv in html
    for publication in (manual, read_online):
        assert publication.title_sv not in html

    export = admin_client_sv.get(REPORT, {"export": "csv"})
    text = b"".join(export.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "Titel"
    assert sorted(row[0] for row in rows[1:]) == sorted([planned_only.title, draft.title])

    published = admin_client_sv.get(REPORT, {"live": "true"}).content.decode()
    assert planned_only.title_sv in published and draft.title_sv not in published


def test_the_report_is_for_those_who_edit_publications(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("lasare", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(REPORT)
    assert response.status_code == 302  # to the dashboard, with "no permission"
    assert "Publikationer utan något att läsa" not in client.get("/admin/reports/").content.decode()


def test_every_seeded_publication_can_be_read(seeded, client):
    from publications.models import Publication

    for publication in Publication.objects.live():
        assert publication.read_options() or publication.external_url, publication.slug
    report = Publication.objects.live().get(slug="manniskohandel-lagesrapport-19")
    html = client.get(f"/sv/publikationer/{report.slug}/").content.decode()
    # The description's "Här kan du ta del av rapporten:" now leads to the report.
    assert re.search(r"Här kan du ta del av rapporten: <a href=\"https://polisen.se/\">", html)
