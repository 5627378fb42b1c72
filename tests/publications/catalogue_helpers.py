"""Reading the public catalogue's pages (/sv/publikationer/, /en/publications/) as a
visitor does: the results, the count, the options of each filter."""

from __future__ import annotations

import re
from html import unescape

from django.utils import translation
from django.utils.translation import gettext, ngettext

from tests.helpers import section

SV, EN = "/sv/publikationer/", "/en/publications/"
FACETS = ("pub-topic", "pub-type", "pub-year-from", "pub-language", "pub-author")


def in_swedish(message: str) -> str:
    with translation.override("sv"):
        return gettext(message)


def count_text(count: int, language: str) -> str:
    with translation.override(language):
        return ngettext("%(count)s publication", "%(count)s publications", count) % {"count": count}


def get(client, path, params=None) -> str:
    response = client.get(path, params or {})
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def results(html: str) -> list[str]:
    """The result titles (title – subtitle), in order, as text."""
    listing = section(html, '<ol class="pub-list"') if '<ol class="pub-list"' in html else ""
    titles = re.findall(r'<h3 class="pub-item__title"[^>]*><a [^>]*>(.*?)</a></h3>', listing, re.S)
    return [unescape(re.sub(r"<[^>]+>", "", title)).strip() for title in titles]


def result_titles(html: str) -> list[str]:
    return [title.split(" – ")[0] for title in results(html)]


def result_slugs(html: str, path: str) -> set[str]:
    """The slugs of the publications listed (from their links under `path`)."""
    listing = section(html, '<ol class="pub-list"') if '<ol class="pub-list"' in html else ""
    links = re.findall(r'<a [^>]*href="([^"]+)"', listing)
    return {link.split("/")[-2] for link in links if link.startswith(path)}


def topic_labels(html: str) -> dict[str, str]:
    """The topics offered (links, the only place they are offered): slug -> "Name (n)"."""
    topics = section(html, '<nav class="pub-topics"')
    return {
        slug: unescape(re.sub(r"<[^>]+>", "", label)).strip()
        for slug, label in re.findall(
            r'<a class="pub-topic" href="[^"]*(?:\?|&amp;|&)topic=([^"&]+)[^"]*"[^>]*>(.*?)</a>',
            topics,
            re.S,
        )
    }


def option_labels(html: str, select_id: str) -> dict[str, str]:
    """A filter's options: value -> label ("pub-topic": the topics' links)."""
    if select_id == "pub-topic":
        return topic_labels(html)
    block = html[html.index(f'<select id="{select_id}"') :]
    block = block[: block.index("</select>")]
    return {
        value: unescape(label).strip()
        for value, label in re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', block)
    }


def option_count(label: str) -> int:
    """The number beside an option: "Handbook (2)" -> 2."""
    return int(re.search(r"\((\d+)\)$", label).group(1))


def facet_labels(html: str) -> dict[str, dict[str, str]]:
    return {facet: option_labels(html, facet) for facet in FACETS}


def item(html: str, title_fragment: str) -> str:
    """The result whose title (or subtitle) holds `title_fragment`."""
    start = html.index(title_fragment)
    start = html.rindex('<li class="pub-item">', 0, start)
    return html[start : html.index("</article>", start)]
