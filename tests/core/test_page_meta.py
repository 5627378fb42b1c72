"""Every page tells search engines and link previews what it is, in its own language."""

import html as html_module
import re

import pytest
from django.utils.html import strip_tags

from tests.factories import (
    PublicationFactory,
    PublicationIndexPageFactory,
    TopicFactory,
    site_home,
)
from tests.factories.trees import THEME_EN, THEME_SV, violence_theme
from tests.helpers import elements

pytestmark = pytest.mark.django_db

# Leads longer than a description may be (160 characters): cut at a word, with an ellipsis.
LEAD = {
    "sv": "Barn som far illa behöver att socialtjänsten ser dem i tid. Här får du veta vad "
    "du ska vara uppmärksam på, hur du frågar barnet och vad du kan göra när du misstänker våld.",
    "en": "Children who are harmed need social services to see them in time. Here you learn "
    "what to look out for, how to ask the child and what you can do when you suspect violence.",
}


def head(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200
    return response.content.decode()


def title(html):
    return html_module.unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip())


def meta(html, **attrs):
    found = elements(html, "meta", **attrs)
    return html_module.unescape(found[0]["content"]) if found else None


@pytest.fixture
def theme():
    page = violence_theme().page
    page.lead_sv, page.lead_en = LEAD["sv"], LEAD["en"]
    page.save_revision().publish()
    return page


@pytest.mark.parametrize(("path", "lang"), [(THEME_SV, "sv"), (THEME_EN, "en")])
def test_a_theme_page_has_description_canonical_and_open_graph(client, theme, path, lang):
    assert len(LEAD[lang]) > 160
    html = head(client, path, utm_source="x")
    description = meta(html, name="description")
    assert len(description) <= 160 and description.endswith("…")
    assert LEAD[lang].startswith(description[:-1].rstrip())  # the lead, cut at a word
    assert meta(html, property="og:description") == description
    assert elements(html, "link", rel="canonical", href=f"http://testserver{path}")
    assert meta(html, property="og:url") == f"http://testserver{path}"
    assert meta(html, property="og:title") == getattr(theme, f"title_{lang}")
    assert meta(html, property="og:locale") == {"sv": "sv_SE", "en": "en_GB"}[lang]
    assert meta(html, name="twitter:card") == "summary"
    assert not elements(html, "meta", name="robots")


def test_catalogue_views_have_titles_and_canonicals_of_their_own(client):
    index = PublicationIndexPageFactory(slug_sv="publikationer", slug_en="publications")
    topic = TopicFactory(slug="smabarn", name_sv="Småbarn", name_en="Young children")
    PublicationFactory.create_batch(6, topics=[topic])
    catalogue = "/sv/publikationer/"
    plain = head(client, catalogue)
    filtered = head(client, catalogue, topic=topic.slug, utm_campaign="x")
    assert title(plain).startswith(f"{index.title_sv} –")
    assert title(filtered).startswith(f"{index.title_sv}: {topic.name_sv} –")
    # An editor shows five a page and publishes.
    index.per_page = 5
    index.save_revision().publish()
    second = head(client, catalogue, page="2")
    assert title(second).startswith(f"{index.title_sv}, sida 2 –")
    assert elements(second, "link", rel="canonical", href=f"http://testserver{catalogue}?page=2")
    assert elements(
        filtered, "link", rel="canonical", href=f"http://testserver{catalogue}?topic={topic.slug}"
    )
    assert not elements(filtered, "meta", name="robots")
    several = head(client, catalogue, topic=topic.slug, q="manual")
    assert meta(several, name="robots") == "noindex, follow"


def test_search_results_are_not_for_indexes(client):
    site_home()
    html = head(client, "/en/search/", q="trafficking")
    assert meta(html, name="robots") == "noindex, follow"
    assert title(html).startswith("Search: trafficking")


def test_a_publication_page_describes_the_publication(client):
    PublicationIndexPageFactory(slug_sv="publikationer", slug_en="publications")
    publication = PublicationFactory()
    html = head(client, f"/sv/publikationer/{publication.slug}/")
    assert meta(html, property="og:title") == str(publication)
    assert meta(html, name="description") == strip_tags(publication.description_sv)
    assert elements(
        html,
        "link",
        rel="canonical",
        href=f"http://testserver/sv/publikationer/{publication.slug}/",
    )
