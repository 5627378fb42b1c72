"""How changes to the snippets reach the publications that name them.

An organisation's name is part of its publications' search entries (their authors):
saving an organisation re-indexes the live publications it wrote, in the same
transaction, in batches.
"""

from __future__ import annotations

from django.db.models.signals import post_save

from portal.search import index
from publications.models.publication import Publication
from publications.models.snippets import Organisation


def _on_organisation_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    index.index_queryset(
        Publication.objects.live().filter(author_links__organisation=instance).distinct()
    )


def connect() -> None:
    post_save.connect(
        _on_organisation_saved, sender=Organisation, dispatch_uid="publications_organisation_saved"
    )
