"""Site search as a visitor meets it, and the index kept current as editors work.

Each test searches the small theme of tests/factories/search.py (`tree`), whose index
holds nothing else."""

import re

import pytest
from django.utils import translation

from portal.search.models import SearchEntry
from tests.helpers import elements

pytestmark = pytest.mark.django_db


def result_titles(html: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", t).strip()
        for t in re.findall(r'<h2 class="search-result__title">(.*?)</h2>', html, re.S)
    ]


def get(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200
    return response.content.decode()


def test_search_in_swedish_finds_inflected_forms_with_kind_and_excerpt(client, tree):
    html = get(client, "/sv/sok/", q="människohandeln")
    titles = result_titles(html)
    assert tree.theme.title_sv in titles
    assert elements(html, "html")[0]["lang"] == "sv"
    assert '<p class="search-result__kind">Tema</p>' in html
    # The excerpt is the theme's lead, the match marked.
    assert "<mark>människohandel</mark>" in html
    assert tree.theme.lead_sv.split(" människohandel")[0] in html
    assert re.search(rf"{len(titles)} träff(ar)? för ”människohandeln”", html)


def test_search_in_english_uses_the_english_text(client, tree):
    html = get(client, "/en/search/", q="child trafficking")
    titles = result_titles(html)
    assert titles[0] == tree.theme.title_en
    assert '<p class="search-result__kind">Theme</p>' in html
    assert tree.theme.title_sv not in titles


def test_titles_weigh_more_than_body_text(client, tree):
    # The theme names a podd in its body only, and its title is the shorter one.
    assert "podd" in str(tree.theme.body_sv) and "podd" not in tree.theme.title_sv.lower()
    assert len(tree.theme.title_sv) < len(tree.podcast.title_sv)
    titles = result_titles(get(client, "/sv/sok/", q="podd"))
    assert titles == [tree.podcast.title_sv, tree.theme.title_sv]


def test_a_typo_is_corrected_with_did_you_mean(client, tree):
    html = get(client, "/sv/sok/", q="webbutbildnngen")
    assert "Menade du" in html
    assert "webbutbildningen" in html
    assert tree.course.title_sv in result_titles(html)


def test_nothing_found_says_so_and_suggests(client, tree):
    html = get(client, "/sv/sok/", q="zzqxv")
    assert "0 träffar" in html
    assert "Försök med andra ord" in html
    html = get(client, "/en/search/", q="zzqxv")
    assert "0 results" in html and "Try other words" in html


def test_pagination_keeps_the_query(client, tree, monkeypatch):
    monkeypatch.setattr("portal.search.views.RESULTS_PER_PAGE", 2)
    # "barn" is in the titles of three pages: the theme, the podcast and the web course.
    with_barn = {p.title_sv for p in tree.pages if "barn" in p.title_sv.lower()}
    assert len(with_barn) == 3
    html = get(client, "/sv/sok/", q="barn")
    assert re.search(rf"{len(with_barn)} träffar", html)
    assert len(result_titles(html)) == 2
    assert elements(html, "a", rel="next")[0]["href"] == "?q=barn&page=2"
    second = get(client, "/sv/sok/", q="barn", page="2")
    assert elements(second, "a", rel="prev")[0]["href"] == "?q=barn&page=1"
    assert not set(result_titles(second)) & set(result_titles(html))
    assert set(result_titles(second)) | set(result_titles(html)) == with_barn


@pytest.mark.parametrize(
    "query",
    [
        "",
        "x" * 5000,
        "!!! ??? ...",
        "'; DROP TABLE search_searchentry; --",
        "<script>alert(1)</script>",
        '& | ! : * " ( ) -',
        'människohandel & barn | (våld) !tiggeri "exakt" -minus',
        "\x00null",
        "%_%",
    ],
)
def test_bad_input_gives_a_normal_page_with_nothing_unescaped(client, tree, query):
    for path in ("/sv/sok/", "/en/search/"):
        response = client.get(path, {"q": query})
        assert response.status_code == 200
        html = response.content.decode()
        assert "<script>alert(1)</script>" not in html
        assert SearchEntry.objects.exists()


def test_header_search_box_leads_to_search_in_each_language(client, tree):
    for path, action in (("/sv/", "/sv/sok/"), ("/en/", "/en/search/")):
        html = get(client, path)
        form = elements(html, "form", role="search")[0]
        assert form["action"] == action and form["method"] == "get"


def test_index_follows_publish_change_unpublish_and_delete(
    client, tree, django_capture_on_commit_callbacks
):
    # The index is written when the editor's transaction commits.
    committed = django_capture_on_commit_callbacks(execute=True)
    podcast = tree.podcast
    assert podcast.title_sv in result_titles(get(client, "/sv/sok/", q="podd"))
    podcast.title_sv = "Poddavsnitt om skyddsbedömningar"
    with committed:
        podcast.save_revision().publish()
    titles = result_titles(get(client, "/sv/sok/", q="skyddsbedömningar"))
    assert titles == ["Poddavsnitt om skyddsbedömningar"]
    with django_capture_on_commit_callbacks(execute=True):
        podcast.unpublish()
    assert result_titles(get(client, "/sv/sok/", q="skyddsbedömningar")) == []
    with django_capture_on_commit_callbacks(execute=True):
        podcast.save_revision().publish()
    assert result_titles(get(client, "/sv/sok/", q="skyddsbedömningar"))
    with django_capture_on_commit_callbacks(execute=True):
        podcast.delete()
    assert result_titles(get(client, "/sv/sok/", q="skyddsbedömningar")) == []
    assert not SearchEntry.objects.filter(title__contains="skyddsbedömningar").exists()


def test_a_draft_is_not_found_until_published(client, tree, django_capture_on_commit_callbacks):
    support = tree.support
    support.summary_sv = "Utkast om tvångsäktenskap."
    with django_capture_on_commit_callbacks(execute=True):
        support.save_revision()  # a draft only
    assert result_titles(get(client, "/sv/sok/", q="tvångsäktenskap")) == []
    with django_capture_on_commit_callbacks(execute=True):
        support.get_latest_revision().publish()
    assert result_titles(get(client, "/sv/sok/", q="tvångsäktenskap")) == [support.title_sv]


def test_english_entry_of_a_theme_links_to_the_english_page(tree):
    theme = tree.theme
    entry = SearchEntry.objects.get(object_id=str(theme.pk), language="en", kind="theme")
    english = f"/en/{tree.section.slug_en}/{tree.index.slug_en}/{theme.slug_en}/"
    with translation.override("en"):
        assert entry.url == theme.url == english


def test_a_common_fragment_stands_for_a_bounded_number_of_words(client, tree):
    from portal.search import query
    from portal.search.models import SearchWord

    # A fragment inside a thousand words of the vocabulary: the search still answers,
    # and the term stands for at most MAX_WORDS_PER_TERM words, the closest first.
    SearchWord.objects.bulk_create(
        [SearchWord(language="en", word=f"{'x' * (i % 40)}ing{i}") for i in range(1000)]
    )
    results = query.search("ing", "en")
    (term,) = results.terms
    assert len(term.words) == query.MAX_WORDS_PER_TERM
    kept = set(SearchWord.objects.filter(pk__in=term.words).values_list("word", flat=True))
    assert "ing0" in kept and "x" * 39 + "ing39" not in kept
    response = client.get("/en/search/", {"q": "ing"})
    assert response.status_code == 200
