"""Guidance's seed content, loaded by `manage.py seed` from the data files beside this module.

- `site.json`: the start page, the default site, the footer's links;
- `snippets.json`: the hotline;
- `pages.json`: the page tree below the start page: Våld > Teman > the theme
  "Människohandel med barn" and its resources, Kontakt, the accessibility statement
  (its "to address" is a placeholder mailbox: the editors set the real one in the admin);
- `links.json`: which resource pages are the same document as a catalogue entry.

The Swedish text is as the authority wrote it (typos included); the English is a faithful
translation. Only the loading is Python: see `portal.core.seeding`.
"""

from __future__ import annotations

from django.db import transaction
from wagtail.models import Page, Site

from guidance.models import HomePage
from guidance.models.review import add_months
from guidance.review import reviewed_models
from portal.core.models import FooterLinks
from portal.core.seeding import Loader, publish, read


@transaction.atomic
def run(command) -> None:
    site_data = read("guidance", "site")
    loader = Loader(log=command.log)
    home = ensure_home(loader, site_data["home"], site_data["site"])
    loader.root = home
    loader.ensure_objects(read("guidance", "snippets"))
    loader.ensure_pages(home, read("guidance", "pages"))
    fill_review_dates()
    footer = FooterLinks.for_site(Site.objects.get(root_page=home))
    if loader.fill_empty(footer, site_data["footer_links"]):
        footer.save()


def link(command) -> None:
    """The theme's documents point to their catalogue entries, once both exist."""
    Loader(log=command.log).link(read("guidance", "links"))


def ensure_home(loader: Loader, home: dict, site: dict) -> HomePage:
    """The default site's root page is a HomePage; Wagtail's placeholder home goes."""
    page = HomePage.objects.first()
    if page is None:
        placeholder = Page.objects.filter(depth=2, content_type__model="page").first()
        if placeholder is not None and placeholder.is_leaf():
            Site.objects.filter(root_page=placeholder).delete()
            placeholder.delete()
        page = HomePage(**loader.values(HomePage, home)[0])
        Page.get_first_root_node().add_child(instance=page)
        publish(page)
    if not Site.objects.filter(root_page=page).exists():
        Site.objects.update_or_create(is_default_site=True, defaults={**site, "root_page": page})
    return page


def fill_review_dates() -> None:
    """Pages made before review dates existed get their review-by date from the page type."""
    for model in reviewed_models():
        for page in model.objects.filter(review_by__isnull=True):
            page.review_by = add_months(page.last_reviewed, page.review_interval_months)
            model.objects.filter(pk=page.pk).update(review_by=page.review_by)
