"""Every page tells search engines and link previews what it is, in its own language."""

import html as html_module
import re

import pytest

from tests.helpers import elements

pytestmark = pytest.mark.django_db


def head(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200
    return response.content.decode()


def title(html):
    return html_module.unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip())


def meta(html, **attrs):
    found = elements(html, "meta", **attrs)
    return found[0]["content"] if found else None


@pytest.mark.parametrize(
    ("path", "lang", "words"),
    [
        ("/sv/vald/teman/manniskohandel-med-barn/", "sv", "barn"),
        ("/en/violence/themes/child-trafficking/", "en", "child"),
    ],
)
def test_a_theme_page_has_description_canonical_and_open_graph(client, path, lang, words):
    html = head(client, path, utm_source="x")
    description = meta(html, name="description")
    assert description and words in description.lower() and len(description) <= 160
    assert elements(html, "link", rel="canonical", href=f"http://testserver{path}")
    assert meta(html, property="og:url") == f"http://testserver{path}"
    assert meta(html, property="og:title")
    assert meta(html, property="og:locale") == {"sv": "sv_SE", "en": "en_GB"}[lang]
    assert meta(html, name="twitter:card") == "summary"
    assert not elements(html, "meta", name="robots")


def test_catalogue_views_have_titles_and_canonicals_of_their_own(client):
    plain = head(client, "/sv/publikationer/")
    filtered = head(client, "/sv/publikationer/", topic="barn", utm_campaign="x")
    assert title(plain).startswith("Publikationer –")
    assert title(filtered).startswith("Publikationer: Barn –")
    from publications.models import PublicationIndexPage

    # An editor shows five a page and publishes.
    index = PublicationIndexPage.objects.get()
    index.per_page = 5
    index.save_revision().publish()
    second = head(client, "/sv/publikationer/", page="2")
    assert title(second).startswith("Publikationer, sida 2 –")
    assert elements(
        second, "link", rel="canonical", href="http://testserver/sv/publikationer/?page=2"
    )
    assert elements(
        filtered, "link", rel="canonical", href="http://testserver/sv/publikationer/?topic=barn"
    )
    assert not elements(filtered, "meta", name="robots")
    several = head(client, "/sv/publikationer/", topic="barn", q="manual")
    assert meta(several, name="robots") == "noindex, follow"


def test_search_results_are_not_for_indexes(client):
    html = head(client, "/en/search/", q="trafficking")
    assert meta(html, name="robots") == "noindex, follow"
    assert title(html).startswith("Search: trafficking")


def test_a_publication_page_describes_the_publication(client):
    from publications.models import Publication

    publication = Publication.objects.live().exclude(description_sv="").order_by("pk").first()
    html = head(client, f"/sv/publikationer/{publication.slug}/")
    assert meta(html, property="og:title") == str(publication)
    assert meta(html, name="description")
    assert elements(
        html,
        "link",
        rel="canonical",
        href=f"http://testserver/sv/publikationer/{publication.slug}/",
    )
