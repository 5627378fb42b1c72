"""How a publication can be read: per language, its document here or the publisher's page.

What the publication's page and its list entry show first, the feed carries as links and
the JSON lists under "read"; a publication with none of them is in the editors' report of
publications with nothing to read.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadOption:
    """One way to read one language version."""

    version: object  # a PublicationLanguage
    url: str
    document: bool  # a document here (format and size known), else the publisher's page
    format: str = ""
    size: int | None = None
    host: str = ""

    @property
    def language(self) -> str:
        return self.version.language


def read_options(publication) -> list[ReadOption]:
    """The available language versions with a way to read them, in the catalogue's
    language order: the document anyone may read here, else the publisher's page for it.
    Which collections are private is asked once (`Publication.documents`)."""
    public = {version.language for version in publication.documents()}
    options = []
    for version in publication.languages():
        if not version.is_available:
            continue
        if version.language in public:
            options.append(
                ReadOption(
                    version,
                    version.document.url,
                    document=True,
                    format=version.document_format(),
                    size=version.document_size(),
                )
            )
        elif version.link:
            options.append(
                ReadOption(version, version.link, document=False, host=version.link_host)
            )
    return options
