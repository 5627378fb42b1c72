"""Who may keep a response (portal.caching.edge): a shared cache only anonymous pages."""

import pytest

from tests.factories import SectionPageFactory
from tests.factories.accessibility import AccessibilityStatementPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def violence():
    return SectionPageFactory(title_sv="Våld", slug_sv="vald")


@pytest.mark.parametrize("page_cache", [True, False])
def test_anonymous_pages_are_kept_by_shared_caches_and_revalidated_by_browsers(
    client, violence, settings, page_cache
):
    settings.PAGE_CACHE_ENABLED = page_cache
    settings.EDGE_CACHE_SECONDS = 120
    for _ in range(2):  # made, then (page cache on) served from it: the same header
        header = client.get("/sv/vald/")["Cache-Control"]
        assert set(header.split(", ")) == {"public", "max-age=0", "s-maxage=120"}


def test_other_query_strings_are_not_for_shared_caches(client, violence):
    assert "s-maxage" not in client.get("/sv/vald/?utm_source=x").get("Cache-Control", "")


def test_editors_forms_and_posts_are_private(admin_client_sv, client, violence):
    assert "private" in admin_client_sv.get("/sv/vald/")["Cache-Control"]
    assert "no-store" in admin_client_sv.get("/sv/vald/")["Cache-Control"]
    assert "private" in admin_client_sv.get("/admin/")["Cache-Control"]
    statement = AccessibilityStatementPageFactory()
    form_page = client.get(statement.url)
    assert "csrftoken" in form_page.cookies
    assert "private" in form_page["Cache-Control"] and "s-maxage" not in form_page["Cache-Control"]
    posted = client.post(statement.url, {"message": ""})
    assert "private" in posted["Cache-Control"]
