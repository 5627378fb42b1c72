"""The catalogue's seed content, loaded by `manage.py seed` from the data files beside this module.

- `pages.json`: the page Publikationer below the start page;
- `snippets.json`: topics, publication types, organisations;
- `publications.json`: the nine publications, with their authors, editions and languages.

The Swedish text is as the authority wrote it (its slips included); the English is a
faithful translation. Nothing is invented: no documents, no links the source lacks.
Only the loading is Python: see `portal.core.seeding`.
"""

from __future__ import annotations

from django.db import transaction
from wagtail.models import Site

from portal.core.seeding import Loader, read


@transaction.atomic
def run(command) -> None:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return
    loader = Loader(site.root_page, command.log)
    loader.ensure_pages(site.root_page, read("publications", "pages"))
    loader.ensure_objects(read("publications", "snippets"))
    loader.ensure_objects(read("publications", "publications"))
