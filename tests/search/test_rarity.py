"""When no entry matches every word of a question, the entries matching its rarer words
come first: a word few entries have says more about what is asked than one most have."""

import pytest

from portal.search.query import search
from tests.factories import StandardPageFactory, stream
from tests.factories.search import own_index

pytestmark = pytest.mark.django_db


def page(title: str, text: str):
    return StandardPageFactory(
        title_sv=title, intro_sv="", body_sv=stream(("paragraph", f"<p>{text}</p>"))
    )


@pytest.fixture(autouse=True)
def _own_index():
    own_index()


def test_the_entry_with_the_rare_word_comes_before_those_with_common_ones():
    # "kvastfening" is on one page; "blomsterbarn" on three, in their titles; "ankdamm"
    # on all four. No page has all three words.
    advice = page("Vart vänder jag mig", "Kvastfening om ankdamm ges av teamet.")
    common = [page(f"Blomsterbarn {n}", "Blomsterbarn vid en ankdamm.") for n in range(3)]

    results = search("kvastfening om blomsterbarn vid en ankdamm?", "sv")
    titles = [entry.title for entry in results.entries[:10]]

    assert results.partial
    assert titles[0] == advice.title
    assert sorted(titles[1:]) == sorted(p.title for p in common)


def test_when_every_word_matches_somewhere_only_those_entries_are_listed():
    both = page("Kvastfening vid ankdamm", "Om kvastfening.")
    page("Bara ankdamm", "Ankdamm.")
    results = search("kvastfening ankdamm", "sv")
    assert not results.partial
    assert [entry.title for entry in results.entries[:10]] == [both.title]
