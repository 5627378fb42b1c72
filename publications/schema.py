"""schema.org metadata (JSON-LD) for a publication's page and its JSON representation."""

from __future__ import annotations

import html
import json
import re

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

# As django.utils.html.json_script: nothing in the data can close the script element.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def dumps(data) -> str:
    """JSON in which "<", ">" and "&" are escaped: safe inside HTML and if ever sniffed as it."""
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_ESCAPES)


def absolute(request, url: str) -> str:
    return request.build_absolute_uri(url) if request is not None else url


# Where rich text ends a paragraph (or a line): a break in the plain text.
_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote|div)\s*>|<br\s*/?>", re.IGNORECASE)
_BREAK = "\x00"


def plain(value: str) -> str:
    """Rich text as plain text for JSON, feeds and JSON-LD: real characters (entities
    decoded), no markup, paragraphs separated by a blank line, spaces collapsed."""
    marked = _BLOCK_END.sub(_BREAK, (value or "").replace(_BREAK, ""))
    text = html.unescape(strip_tags(marked))
    paragraphs = (" ".join(part.split()) for part in text.split(_BREAK))
    return "\n\n".join(part for part in paragraphs if part)


def json_ld(index_page, request, publication) -> str:
    """A <script type="application/ld+json"> body, safely escaped for HTML."""
    url = absolute(request, publication.url_in(index_page))
    versions = publication.languages()
    data = {
        "@context": "https://schema.org",
        "@type": "Book",
        "@id": url,
        "url": url,
        "name": publication.title,
        "datePublished": str(publication.year),
        "author": [{"@type": "Organization", "name": str(org)} for org in publication.authors],
        "inLanguage": [v.language for v in versions if v.is_available],
    }
    if publication.subtitle:
        data["alternativeHeadline"] = publication.subtitle
    if publication.description:
        data["description"] = plain(publication.description)
    if publication.edition:
        data["bookEdition"] = publication.edition_statement() or str(publication.edition)
    if publication.publication_type:
        data["genre"] = str(publication.publication_type)
    topics = list(publication.topics.all())
    if topics:
        data["keywords"] = ", ".join(str(topic) for topic in topics)
    if publication.article_number:
        data["identifier"] = publication.article_number
    if publication.external_url:
        data["sameAs"] = publication.external_url
    documents = publication.documents()
    if documents:
        data["encoding"] = [
            {
                "@type": "MediaObject",
                "inLanguage": v.language,
                "contentUrl": absolute(request, v.document.url),
                "encodingFormat": v.document_format(),
                "contentSize": str(v.document_size() or ""),
            }
            for v in documents
        ]
    return mark_safe(dumps(data))  # noqa: S308 (escaped above)
