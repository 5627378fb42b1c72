"""Atom feed of the newest publications, honouring the catalogue's filters."""

from __future__ import annotations

import datetime
import mimetypes
from urllib.parse import urlencode

from django.db.models import prefetch_related_objects
from django.http import HttpResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext

from publications.schema import absolute, plain


def _published(publication) -> datetime.datetime:
    return (
        publication.first_published_at
        or publication.last_published_at
        or datetime.datetime(publication.year, 1, 1, tzinfo=datetime.UTC)
    )


def _updated(publication, change) -> datetime.datetime:
    """The last major change (portal.changes); a minor one does not make an entry new."""
    return change.published_at if change else _published(publication)


def _summary(publication, change) -> str:
    """The description, after the note of the last major change if there is one."""
    description = plain(publication.description)
    if change is None:
        return description
    updated = gettext("Updated %(date)s: %(note)s") % {
        "date": date_format(localtime(change.published_at), "j F Y"),
        "note": change.note,
    }
    return f"{updated}\n\n{description}" if description else updated


class PublicationFeed(Atom1Feed):
    """Atom, with each entry's ways to read it as links: a document here as an enclosure
    (type and length), the publisher's page for a language version as a related link."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for option in item.get("read", []):
            attributes = {"href": option["url"], "hreflang": option["language"]}
            if option["document"]:
                attributes.update(rel="enclosure", length=str(option["size"] or 0))
                if option["type"]:
                    attributes["type"] = option["type"]
            else:
                attributes["rel"] = "related"
            handler.addQuickElement("link", "", attributes)


def _read(request, publication) -> list[dict]:
    return [
        {
            "url": absolute(request, option.url),
            "language": option.language,
            "document": option.document,
            "size": option.size,
            "type": mimetypes.guess_type(option.url)[0] if option.document else None,
        }
        for option in publication.read_options()
    ]


def catalogue_feed(index_page, request, catalogue) -> HttpResponse:
    query = urlencode(catalogue.state())
    page_url = absolute(request, index_page.url + (f"?{query}" if query else ""))
    feed_url = absolute(
        request,
        index_page.url + index_page.reverse_subpage("feed") + (f"?{query}" if query else ""),
    )
    title = index_page.title
    active = [f"{a.label}: {a.value}" for a in catalogue.active_filters()]
    if active:
        title = f"{title} ({'; '.join(active)})"
    feed = PublicationFeed(
        title=f"{title} – {gettext('Support for social services')}",
        link=page_url,
        feed_url=feed_url,
        description=index_page.intro,
        language=request.LANGUAGE_CODE if hasattr(request, "LANGUAGE_CODE") else None,
        feed_guid=feed_url,
    )
    publications = list(catalogue.page_obj.object_list)
    prefetch_related_objects(publications, "change_notes")
    for publication in publications:
        changes = publication.published_changes()
        change = changes[0] if changes else None
        url = absolute(request, publication.url_in(index_page))
        heading = str(publication)
        feed.add_item(
            title=heading,
            link=url,
            unique_id=url,
            description=_summary(publication, change),
            author_name=publication.authors_display(),
            pubdate=_published(publication),
            updateddate=_updated(publication, change),
            categories=[str(topic) for topic in publication.topics.all()],
            read=_read(request, publication),
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response
