"""The publications catalogue: publications and the snippets that describe them, and the
page that lists them.

Publications are snippets, not pages: a catalogue of thousands must not slow the page
tree (see docs/publications.md). Titles, descriptions and the names of topics, types
and organisations have a column per language (translation.py).
"""

from publications.models.inlines import (
    LanguageStatus,
    PublicationAuthor,
    PublicationEdition,
    PublicationLanguage,
    PublicationPageLink,
    edition_name,
)
from publications.models.page import PublicationIndexPage
from publications.models.publication import (
    RESERVED_SLUGS,
    Publication,
    PublicationQuerySet,
    join_names,
)
from publications.models.snippets import NamedSnippet, Organisation, PublicationType, Topic

__all__ = [
    "RESERVED_SLUGS",
    "LanguageStatus",
    "NamedSnippet",
    "Organisation",
    "Publication",
    "PublicationAuthor",
    "PublicationEdition",
    "PublicationIndexPage",
    "PublicationLanguage",
    "PublicationPageLink",
    "PublicationQuerySet",
    "PublicationType",
    "Topic",
    "edition_name",
    "join_names",
]
