"""Text outside HTML (JSON, the Atom feed, JSON-LD) carries real characters, no markup,
and its paragraphs apart."""

import json
import re

import pytest
from django.utils import translation
from django.utils.html import escape
from hypothesis import given, settings
from hypothesis import strategies as st

from publications.schema import plain
from tests.factories import PublicationFactory, PublicationIndexPageFactory

PARAGRAPH = st.text(alphabet=st.sampled_from(list("abcåäö ÅÄÖ'’\"&<>;#\n.,xX19")), max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.lists(PARAGRAPH, min_size=1, max_size=5))
def test_rich_text_becomes_its_paragraphs_with_real_characters(paragraphs):
    rich = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)  # as the editor stores it
    expected = "\n\n".join(" ".join(p.split()) for p in paragraphs if p.split())
    assert plain(rich) == expected


def test_headings_lists_and_breaks_end_paragraphs():
    rich = "<h2>Om</h2><p>Rad ett<br>rad två</p><ul><li>A &amp; B</li><li>C</li></ul>"
    assert plain(rich) == "Om\n\nRad ett\n\nrad två\n\nA & B\n\nC"


@pytest.mark.django_db
def test_json_feed_and_json_ld_carry_the_text_as_written(client):
    catalogue = PublicationIndexPageFactory(slug_sv="publikationer", slug_en="publications")
    publication = PublicationFactory(languages=["sv", "en"])
    publication.description_en = (
        "<p>Sweden&#x27;s first “study”.</p><p>Fees &amp; costs &lt;none&gt;.</p>"
    )
    publication.save()
    expected = "Sweden's first “study”.\n\nFees & costs <none>."
    with translation.override("en"):
        base, detail = catalogue.url, publication.url_in(catalogue)

    items = client.get(base + "api/").json()["items"]
    [item] = [i for i in items if i["slug"] == publication.slug]
    assert item["description"] == expected

    feed = client.get(base + "feed/").content.decode()
    assert "Sweden's first “study”." in feed and "&amp;#x27;" not in feed and "&#x27;" not in feed

    page = client.get(detail).content.decode()
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert json.loads(ld)["description"] == expected
