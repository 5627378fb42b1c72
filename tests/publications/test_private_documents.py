"""A document in a private collection appears in no public list: not on the publication's
page, not in the JSON endpoint or the JSON-LD; and it comes back when the collection is
public again. Each test builds a catalogue with one publication and its document."""

import pytest
from django.core.files.base import ContentFile
from django.utils import translation
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

from tests.factories import PublicationFactory, PublicationIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def document_version():
    catalogue = PublicationIndexPageFactory(slug_sv="publikationer", slug_en="publications")
    publication = PublicationFactory(languages=["sv", "en"])
    publication.catalogue = catalogue
    collection = Collection.get_first_root_node().add_child(name="Interna utkast")
    document = Document.objects.create(
        title="Utkast",
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="utkast-hemlig.pdf"),
        collection=collection,
    )
    version = publication.language_versions.first()
    version.document = document
    version.save()
    return publication, document, collection


def detail_and_api(publication) -> tuple[str, str]:
    """The publication's page in the catalogue and the catalogue's JSON, in Swedish."""
    with translation.override("sv"):
        return publication.url_in(publication.catalogue), publication.catalogue.url + "api/"


def shown(client, publication, document):
    detail_url, api_url = detail_and_api(publication)
    detail = client.get(detail_url).content.decode()
    api = client.get(api_url).content.decode()
    return document.url in detail, document.url in api


def test_a_private_collections_document_is_listed_nowhere(client, document_version):
    publication, document, collection = document_version
    assert shown(client, publication, document) == (True, True)

    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    assert shown(client, publication, document) == (False, False)
    detail = client.get(detail_and_api(publication)[0]).content.decode()
    assert "utkast-hemlig" not in detail  # nor in the JSON-LD

    restriction.delete()
    assert shown(client, publication, document) == (True, True)


def test_a_restriction_on_a_parent_collection_covers_its_children(client, document_version):
    publication, document, collection = document_version
    parent = collection.get_parent()
    inner = parent.add_child(name="Ytterst")
    collection.move(inner, pos="sorted-child")
    document.refresh_from_db()
    CollectionViewRestriction.objects.create(
        collection=inner, restriction_type=CollectionViewRestriction.LOGIN
    )
    assert shown(client, publication, document) == (False, False)
