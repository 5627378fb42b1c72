"""Questions with filler words: when no entry matches every word, the entries matching the
most of them come first, and the page says so in its language."""

import pytest
from django.db import connection

from portal.search.evaluation import evaluate, load_queries, mean_reciprocal_rank, recall_at
from portal.search.query import search

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

QUESTIONS = [q for q in load_queries() if q[2] == "question"]


def test_the_quality_set_has_questions_in_both_languages():
    assert len(QUESTIONS) >= 20
    assert sum(1 for q in QUESTIONS if q[0] == "sv") >= 10
    assert sum(1 for q in QUESTIONS if q[0] == "en") >= 10


def test_questions_meet_their_floor_for_this_database():
    outcomes = evaluate(QUESTIONS)
    recall, mrr = recall_at(outcomes), mean_reciprocal_rank(outcomes)
    print(f"{connection.vendor} questions: recall@5 {recall:.3f}, MRR {mrr:.3f}")
    misses = [(o.query, o.expected, o.top) for o in outcomes if not o.rank or o.rank > 5]
    # 1.000 and 0.842 on both databases (docs/search.md): a floor below, not the figure.
    assert recall >= 0.95, misses
    assert mrr >= 0.8, misses


def test_a_swedish_question_finds_the_hotline_page():
    results = search("vilket nummer ringer man vid misstanke om människohandel?", "sv")
    titles = [entry.title for entry in results.entries[:3]]
    assert "Nationellt metodstöd mot prostitution och människohandel" in titles
    assert results.partial


def test_an_english_question_finds_its_english_page():
    # The page with the advice (NMT) says "advice", not "advise", and nothing about a
    # child; "advice" is rare on the site, "child" and "trafficking" are everywhere, so
    # it comes among the first three (docs/search.md).
    results = search("who can advise me about a child who may be trafficked?", "en")
    titles = [entry.title for entry in results.entries[:3]]
    assert results.partial
    assert "National Method Support against Prostitution and Human Trafficking" in titles


def test_a_query_whose_every_word_matches_still_needs_every_word():
    results = search("manual människohandel", "sv")
    entries = list(results.entries[:50])
    assert entries and not results.partial
    assert all(
        "manual" in (e.title + " " + e.body).casefold()
        and "människohandel" in (e.title + " " + e.body).casefold()
        for e in entries
    )
    assert entries[0].title.startswith("Manual vid misstanke")


def test_the_page_says_the_results_match_some_of_the_words(client):
    sv = client.get("/sv/sok/", {"q": "vilket nummer ringer man vid misstanke om människohandel"})
    assert "Inget matchade alla dina ord" in sv.content.decode()
    en = client.get("/en/search/", {"q": "who can advise me about a child who may be trafficked"})
    assert "Nothing matched all of your words" in en.content.decode()
    every = client.get("/en/search/", {"q": "human trafficking"})
    assert "Nothing matched all of your words" not in every.content.decode()


def test_a_hotlines_new_number_is_what_search_shows(client, seeded):
    """The support service's search text carries its hotline: a new number is found at
    once, the old one no more."""
    from guidance.models import Hotline

    line = Hotline.objects.get()
    line.number = "+46104567890"
    line.save()
    html = client.get("/sv/sok/", {"q": "010-456 78 90"}).content.decode()
    assert "/sv/vald/teman/manniskohandel-med-barn/nmt/" in html
    old = client.get("/sv/sok/", {"q": "020-39 00 00"}).content.decode()
    assert "/sv/vald/teman/manniskohandel-med-barn/nmt/" not in old
