"""Each factory builds a valid object that serves: pages answer in both languages, drafts
stay hidden from visitors, snippets pass the admin's validation."""

import pytest
from django.utils import translation
from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase

from guidance.models import HomePage, SectionPage, ThemeIndexPage, ThemePage
from tests import factories
from tests.helpers import elements

pytestmark = pytest.mark.django_db

PAGE_FACTORIES = [
    factories.SectionPageFactory,
    factories.StandardPageFactory,
    factories.ThemeIndexPageFactory,
    factories.ThemePageFactory,
    factories.SupportServicePageFactory,
    factories.DocumentResourcePageFactory,
    factories.PodcastEpisodePageFactory,
    factories.WebCoursePageFactory,
    factories.PublicationIndexPageFactory,
]


def _url(page, language: str) -> str:
    with translation.override(language):
        return page.url


def test_the_start_page_is_the_test_sites_root_and_answers_in_both_languages(client):
    home = factories.site_home()
    assert isinstance(home, HomePage)
    assert Site.objects.get().root_page_id == home.pk
    for language, title in (("sv", "Start"), ("en", "Home")):
        response = client.get(f"/{language}/")
        assert response.status_code == 200
        assert elements(response.content.decode(), "html")[0]["lang"] == language
        assert f">{title}</h1>" in response.content.decode()


@pytest.mark.parametrize("page_factory", PAGE_FACTORIES, ids=lambda f: f.__name__)
def test_a_built_page_is_valid_and_answers_in_both_languages(client, page_factory):
    page = page_factory()
    page.full_clean()
    assert page.live and page.live_revision_id
    assert page.title_sv != page.title_en
    for language in ("sv", "en"):
        url = _url(page, language)
        assert url.startswith(f"/{language}/")
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert elements(html, "html")[0]["lang"] == language
        assert getattr(page, f"title_{language}") in html


@pytest.mark.parametrize(
    "page_factory",
    [factories.SectionPageFactory, factories.ThemePageFactory, factories.WebCoursePageFactory],
    ids=lambda f: f.__name__,
)
def test_a_page_built_as_a_draft_is_not_shown_to_visitors(client, page_factory):
    page = page_factory(live=False)
    assert page.get_latest_revision() is not None
    for language in ("sv", "en"):
        assert client.get(_url(page, language)).status_code == 404


def test_a_theme_lists_the_resources_built_for_it(client):
    theme = factories.ThemePageFactory()
    course = factories.WebCoursePageFactory(parent=theme)
    factories.ThemeResourceFactory(theme=theme, page=course)
    factories.ThemeResourceFactory(
        theme=theme,
        external_url_sv="https://www.example.org/sv/",
        external_url_en="https://www.example.org/en/",
        external_title_sv="Exempel",
        external_title_en="Example",
    )
    for resource in theme.resources.all():
        resource.full_clean()
    for language, title in (("sv", "Exempel"), ("en", "Example")):
        html = client.get(_url(theme, language)).content.decode()
        assert elements(html, "a", href=_url(course, language))
        assert elements(html, "a", href=f"https://www.example.org/{language}/")
        assert title in html


@pytest.mark.parametrize(
    "snippet_factory",
    [
        factories.HotlineFactory,
        factories.TopicFactory,
        factories.PublicationTypeFactory,
        factories.OrganisationFactory,
    ],
    ids=lambda f: f.__name__,
)
def test_a_built_snippet_is_valid_in_both_languages(snippet_factory):
    snippet = snippet_factory()
    snippet.full_clean()
    assert snippet.name_sv and snippet.name_en and snippet.name_sv != snippet.name_en


def test_a_hotline_is_stored_in_international_form():
    hotline = factories.HotlineFactory(number="020-39 00 00")
    assert hotline.number.as_e164 == "+4620390000"


def test_a_built_publication_answers_in_the_catalogue_in_both_languages(client):
    catalogue = factories.PublicationIndexPageFactory()
    first, second = factories.OrganisationFactory.create_batch(2)
    topic = factories.TopicFactory()
    publication = factories.PublicationFactory(
        authors=[first, second], languages=["sv", "en"], topics=[topic]
    )
    publication.full_clean()
    assert publication.authors == [first, second]
    assert [version.language for version in publication.languages()] == ["sv", "en"]
    assert list(publication.topics.all()) == [topic]
    for language in ("sv", "en"):
        response = client.get(publication.url_in(catalogue, language=language))
        assert response.status_code == 200
        html = response.content.decode()
        assert getattr(publication, f"title_{language}") in html
        assert getattr(first, f"name_{language}") in html


def test_a_publication_built_as_a_draft_is_not_shown_to_visitors(client):
    catalogue = factories.PublicationIndexPageFactory()
    publication = factories.PublicationFactory(live=False)
    assert client.get(publication.url_in(catalogue, language="sv")).status_code == 404


class TestBuiltPagesWithWagtailsAssertions(WagtailPageTestCase):
    """Wagtail's own assertions on the page types the factories build.

    (Its `assertPageIsRoutable` routes the address with the language prefix, which
    i18n_patterns removes before Wagtail's routing; its editable/previewable assertions
    log in with the first authentication backend, django-axes', which keeps no users:
    the client tests above and the admin tests cover those.)"""

    def test_the_built_tree_follows_the_page_types_rules(self):
        self.assertAllowedParentPageTypes(ThemePage, {ThemeIndexPage})
        self.assertAllowedSubpageTypes(ThemeIndexPage, {ThemePage})
        self.assertCanCreateAt(SectionPage, ThemeIndexPage)
        self.assertCanNotCreateAt(HomePage, ThemePage)
