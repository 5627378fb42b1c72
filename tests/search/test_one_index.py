"""One search index: the site's own. Wagtail's backend (the admin's searches) writes none.

Each test works on the small theme of tests/factories/search.py (`tree`)."""

import pytest
from wagtail.search.models import IndexEntry

from portal.search.models import SearchEntry

pytestmark = pytest.mark.django_db


def test_publishing_writes_the_site_index_and_no_second_one(tree):
    page = tree.contact
    page.title_sv = "Kontakta oss om människohandel"
    page.save_revision().publish()
    assert SearchEntry.objects.filter(title="Kontakta oss om människohandel").exists()
    assert not IndexEntry.objects.exists()


def test_the_admin_finds_pages_without_an_index_of_its_own(admin_client_sv, tree):
    html = admin_client_sv.get("/admin/pages/search/", {"q": "Människohandel"}).content.decode()
    assert tree.theme.title_sv in html
    html = admin_client_sv.get("/admin/pages/search/", {"q": "zzqxv"}).content.decode()
    assert tree.theme.title_sv not in html
