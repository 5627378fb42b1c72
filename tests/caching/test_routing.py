"""Addresses routed through the cache (portal.caching.routing): what editors change reaches visitors.

The page cache is off here (the test settings), so every answer is made anew and only
the route, the cards and the navigation can come from the cache.
"""

import pytest
from django.apps import apps as django_apps
from django.db import connection
from django.db.models.signals import post_migrate
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from tests.factories import PublicationIndexPageFactory
from tests.factories.trees import CONTACT_SV, THEME_EN, THEME_SV, violence_theme
from tests.helpers import elements

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    return violence_theme()


def _h1(response) -> str:
    html = response.content.decode()
    return html.split("<h1", 1)[1].split(">", 1)[1].split("</h1>", 1)[0]


def test_a_remembered_address_is_served_with_fewer_queries(
    client, tree, django_assert_max_num_queries
):
    client.get("/sv/")  # the navigation and footer links, shown on every page
    with django_assert_max_num_queries(50) as cold:
        first = client.get(CONTACT_SV)
    with django_assert_max_num_queries(len(cold) - 1) as warm:
        second = client.get(CONTACT_SV)
    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    # Wagtail's routing (the site, its root page, the page's type) is not asked again,
    # nor the page's row: the database is asked only whether the page is still live.
    sqls = [q["sql"] for q in warm.captured_queries]
    assert not [sql for sql in sqls if '"wagtailcore_site"' in sql]
    assert not [sql for sql in sqls if sql.startswith('SELECT "wagtailcore_page"."id"')]
    assert len([sql for sql in sqls if '"wagtailcore_page"' in sql]) == 1


def test_each_language_is_routed_to_its_own_text(client, tree):
    for _ in range(2):
        assert _h1(client.get(THEME_SV)) == "Barn"
        assert _h1(client.get(THEME_EN)) == "Children"


def test_a_renamed_address_takes_effect_when_published(client, tree):
    assert client.get(CONTACT_SV).status_code == 200
    page = tree.contact
    page.slug_sv = "kontakta-oss"
    page.save_revision().publish()
    # The remembered route no longer serves the page there: the old address redirects.
    old = client.get(CONTACT_SV)
    assert (old.status_code, old["Location"]) == (301, "/sv/kontakta-oss/")
    assert client.get("/sv/kontakta-oss/").status_code == 200


def test_an_unpublished_page_is_gone_at_once(client, tree):
    assert client.get(CONTACT_SV).status_code == 200
    tree.contact.unpublish()
    assert client.get(CONTACT_SV).status_code == 404


def test_a_page_unpublished_behind_the_cache_is_still_not_served(client, tree):
    """Even if the generation were not renewed, the route leads only to a live page."""
    assert client.get(CONTACT_SV).status_code == 200
    Page.objects.filter(pk=tree.contact.pk).update(live=False)  # no signal, no new generation
    assert client.get(CONTACT_SV).status_code == 404


def test_a_migration_renews_what_was_kept(client, tree):
    """A release may change what pages are made of: `migrate` starts a new generation, so
    a page kept in the older shape is read again from the database."""
    client.get(CONTACT_SV)
    with CaptureQueriesContext(connection) as kept:
        client.get(CONTACT_SV)
    caching = django_apps.get_app_config("caching")
    post_migrate.send(caching, app_config=caching, verbosity=0, interactive=False, using="default")
    with CaptureQueriesContext(connection) as renewed:
        assert client.get(CONTACT_SV).status_code == 200

    def rows_read(queries) -> int:
        sqls = [q["sql"] for q in queries.captured_queries]
        return len([sql for sql in sqls if sql.startswith('SELECT "wagtailcore_page"."id"')])

    assert rows_read(kept) == 0
    assert rows_read(renewed) >= 1


def test_a_new_view_restriction_applies_to_a_remembered_address(client, tree):
    assert client.get(CONTACT_SV).status_code == 200
    page = tree.contact
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(CONTACT_SV)
    assert response.status_code == 302
    assert "/_util/login/" in response["Location"]


def _site_lookups(client, path: str) -> tuple[int, int]:
    """How often Wagtail looks up the site while answering a second view of `path`."""
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        status = client.get(path).status_code
    sqls = [q["sql"] for q in queries.captured_queries]
    return status, len([sql for sql in sqls if '"wagtailcore_site"' in sql])


def test_sub_routes_of_the_catalogue_are_not_remembered(client):
    """Made-up publication addresses answer 404 and leave no route in the cache: Wagtail
    routes them again every time, while the catalogue's own address is remembered."""
    PublicationIndexPageFactory(slug_sv="publikationer", slug_en="publications")
    assert _site_lookups(client, "/sv/publikationer/") == (200, 0)
    status, lookups = _site_lookups(client, "/sv/publikationer/finns-inte/")
    assert status == 404 and lookups >= 1


def test_resource_cards_follow_the_pages_they_show(client, tree):
    def card_titles():
        html = client.get(THEME_SV).content.decode()
        return [
            part.split(">", 1)[1].split("</a>", 1)[0]
            for part in html.split('<h3 class="card__title"><a href="')[1:]
        ]

    before = card_titles()
    nmt = tree.support
    assert nmt.title_sv in before

    nmt.title_sv = "NMT – nationellt metodstöd"
    nmt.save_revision().publish()
    assert "NMT – nationellt metodstöd" in card_titles()

    nmt.unpublish()
    after = card_titles()
    assert "NMT – nationellt metodstöd" not in after
    assert len(after) == len(before) - 1


def test_preview_shows_the_editors_unsaved_order_of_cards(client, tree):
    client.get(THEME_SV)  # the published cards are now in the cache
    theme = tree.page
    items = list(theme.resources.all())
    items.insert(0, items.pop())  # the editor moved the last card first
    for order, item in enumerate(items):
        item.sort_order = order
    theme.resources = items
    with translation.override("sv"):
        response = theme.make_preview_request(preview_mode="sv")
    html = response.content.decode()
    kinds = [
        part.split(">", 1)[1].split("</p>", 1)[0]
        for part in html.split('<p class="card__kind"')[1:]
    ]
    assert kinds[0] == "Webbutbildning"
    published = client.get(THEME_SV).content.decode()
    assert published.split('<p class="card__kind">', 1)[1].startswith("Vägledning")
    assert elements(html, "h1")


def test_a_sections_quick_exit_choice_reaches_the_pages_below_at_once(client, tree):
    assert "quick-exit__button" in client.get(THEME_SV).content.decode()
    section = tree.section
    section.quick_exit_below = False
    section.save_revision().publish()
    assert "quick-exit__button" not in client.get(THEME_SV).content.decode()


def test_a_restriction_on_an_ancestor_applies_below_it(client, tree):
    client.get(THEME_SV)
    section = tree.section
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(THEME_SV).status_code == 302
    PageViewRestriction.objects.filter(page=section).delete()
    assert client.get(THEME_SV).status_code == 200


def _hotline_number(client, url) -> str:
    html = client.get(url).content.decode()
    return html.split('href="tel:', 1)[1].split('"', 1)[0]


def test_a_kept_body_is_drawn_once_and_follows_the_snippets_it_shows(client, tree):
    first = client.get(THEME_SV)
    # Drawn once: a later view does not read the hotline its body shows.
    with CaptureQueriesContext(connection) as later:
        second = client.get(THEME_SV)
    assert second.content == first.content
    assert not [q for q in later.captured_queries if "guidance_hotline" in q["sql"]]

    hotline = tree.hotline
    hotline.number = "+46201234567"
    hotline.save()
    # A new generation: the body read ahead with the route (portal.caching.routing) is of the old
    # one, and is not shown.
    html = client.get(THEME_SV).content.decode()
    assert "+46201234567" in html and "+4620390000" not in html
    assert _hotline_number(client, THEME_SV) == "+46201234567"
    assert _hotline_number(client, THEME_EN) == "+46201234567"


def test_a_kept_body_shows_what_is_published_and_a_preview_the_draft(client, tree):
    theme = tree.page
    client.get(THEME_SV)
    body = [
        *theme.body_sv.raw_data,
        {"type": "paragraph", "value": "<p>Ett nytt första stycke.</p>"},
    ]
    theme.body_sv = body
    theme.save_revision()  # a draft: visitors still see the published text
    assert "Ett nytt första stycke." not in client.get(THEME_SV).content.decode()

    with translation.override("sv"):
        preview = theme.make_preview_request(preview_mode="sv")
    assert "Ett nytt första stycke." in preview.content.decode()
    assert "Ett nytt första stycke." not in client.get(THEME_SV).content.decode()

    theme.get_latest_revision().publish()
    assert "Ett nytt första stycke." in client.get(THEME_SV).content.decode()


def test_a_renamed_page_is_linked_by_its_new_address_from_the_other_language(client, tree):
    def swedish_link(html: str) -> str:
        return html.split('hreflang="sv" lang="sv"', 1)[0].rsplit('href="', 1)[1].split('"')[0]

    assert swedish_link(client.get(THEME_EN).content.decode()) == THEME_SV
    theme = tree.page
    theme.slug_sv = "barn-och-manniskohandel"
    theme.save_revision().publish()
    html = client.get(THEME_EN).content.decode()
    assert swedish_link(html) == "/sv/vald/teman/barn-och-manniskohandel/"
    assert 'hreflang="sv" href="http://testserver/sv/vald/teman/barn-och-manniskohandel/"' in html


def test_a_remembered_theme_page_asks_the_cache_twice(client, tree, monkeypatch):
    """The generation with the route, then the layout's kept parts together (the
    breadcrumbs, navigation, footer, addresses, body and cards): two round trips, not one
    per part."""
    from django.core.cache import cache

    client.get(THEME_SV)
    client.get(THEME_SV)
    asked = []
    inside = []  # the local-memory cache's get_many calls its own get: one round trip

    for name in ("get", "get_many"):
        original = getattr(cache, name)

        def counted(*args, _original=original, _name=name, **kwargs):
            if not inside:
                asked.append(_name)
            inside.append(_name)
            try:
                return _original(*args, **kwargs)
            finally:
                inside.pop()

        monkeypatch.setattr(cache, name, counted)
    response = client.get(THEME_SV)
    assert response.status_code == 200
    assert asked == ["get_many", "get_many"]
