"""How changes reach what shows them.

An organisation's name is part of its publications' search entries (their authors):
saving an organisation re-indexes the live publications it wrote, in the same
transaction, in batches. A publication published or unpublished is purged from the
shared cache in front (portal.caching.edge): its own page, the catalogue (with its feed
and JSON) and the pages it links to, in every language.
"""

from __future__ import annotations

from django.db.models.signals import post_save
from wagtail.signals import published, unpublished

from portal.caching import edge
from portal.search import index
from publications.models.page import PublicationIndexPage
from publications.models.publication import Publication
from publications.models.snippets import Organisation


def _on_organisation_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    index.index_queryset(
        Publication.objects.live().filter(author_links__organisation=instance).distinct()
    )


def _on_publication_changed(sender, instance, **kwargs):
    if not edge.purging():
        return
    for catalogue in PublicationIndexPage.objects.live():
        edge.purge(catalogue.publication_addresses(instance))


def connect() -> None:
    for signal in (published, unpublished):
        signal.connect(
            _on_publication_changed, sender=Publication, dispatch_uid=f"publications_{signal!r}"
        )
    post_save.connect(
        _on_organisation_saved, sender=Organisation, dispatch_uid="publications_organisation_saved"
    )
