"""One search index: the site's own. Wagtail's backend (the admin's searches) writes none."""

import pytest
from wagtail.search.models import IndexEntry

from guidance.models import StandardPage
from portal.search.models import SearchEntry

pytestmark = pytest.mark.django_db


def test_publishing_writes_the_site_index_and_no_second_one():
    page = StandardPage.objects.get(slug_sv="kontakt")
    page.title_sv = "Kontakta oss om människohandel"
    page.save_revision().publish()
    assert SearchEntry.objects.filter(title="Kontakta oss om människohandel").exists()
    assert not IndexEntry.objects.exists()


def test_the_admin_finds_pages_without_an_index_of_its_own(admin_client_sv):
    html = admin_client_sv.get("/admin/pages/search/", {"q": "Människohandel"}).content.decode()
    assert "Människohandel med barn" in html
    html = admin_client_sv.get("/admin/pages/search/", {"q": "zzqxv"}).content.decode()
    assert "Människohandel med barn" not in html
