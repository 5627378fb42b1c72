"""Seed content of the page tree: Start > Våld > Teman, and Kontakt.

Swedish as written by the authority; English as a faithful translation.
"""

from __future__ import annotations

import json

from django.db import transaction
from wagtail.models import Page, Site

from guidance import accessibility_seed, theme_seed
from guidance.models import HomePage, SectionPage, StandardPage, ThemeIndexPage
from guidance.models.review import add_months
from guidance.review import reviewed_models
from portal.core.models import FooterLinks
from portal.core.seeding import ensure_page


def _stream(*blocks) -> str:
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def ensure_home() -> HomePage:
    """The default site's root page is a HomePage; Wagtail's placeholder home goes."""
    home = HomePage.objects.first()
    if home is None:
        placeholder = Page.objects.filter(depth=2, content_type__model="page").first()
        if placeholder is not None and placeholder.is_leaf():
            Site.objects.filter(root_page=placeholder).delete()
            placeholder.delete()
        home = HomePage(
            title_sv="Start",
            title_en="Home",
            slug_sv="start",
            slug_en="home",
            intro_sv="Kunskapsstöd och vägledning för dig som arbetar inom socialtjänsten.",
            intro_en="Knowledge support and guidance for those who work in social services.",
        )
        Page.get_first_root_node().add_child(instance=home)
        home.save_revision().publish(log_action=False)
    if not Site.objects.filter(root_page=home).exists():
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={
                "hostname": "localhost",
                "port": 80,
                "root_page": home,
                "site_name": "Stöd för socialtjänsten",
            },
        )
    return home


@transaction.atomic
def run(command) -> None:
    log = command.log
    home = ensure_home()

    violence, _ = ensure_page(
        home,
        SectionPage,
        slug_sv="vald",
        slug_en="violence",
        title_sv="Våld",
        title_en="Violence",
        intro_sv="Kunskapsstöd om våld för dig som arbetar inom socialtjänsten.",
        intro_en="Knowledge support on violence for those who work in social services.",
        quick_exit_below=True,
        show_in_menus=True,
        log=log,
    )
    themes, _ = ensure_page(
        violence,
        ThemeIndexPage,
        slug_sv="teman",
        slug_en="themes",
        title_sv="Teman",
        title_en="Themes",
        intro_sv="Fördjupning i särskilda frågor om våld.",
        intro_en="In-depth material on particular questions of violence.",
        log=log,
    )
    theme_seed.run(themes, log)
    fill_review_dates()
    contact, _ = ensure_page(
        home,
        StandardPage,
        slug_sv="kontakt",
        slug_en="contact",
        title_sv="Kontakt",
        title_en="Contact",
        intro_sv="Här hittar du vart du vänder dig med frågor om innehållet och om du behöver hjälp.",
        intro_en="Where to turn with questions about the content, and if you need help.",
        body_sv=_stream(
            ("heading", "Vid akut fara"),
            ("paragraph", "<p>Ring 112 om någon är i akut fara.</p>"),
            ("heading", "Frågor om innehållet"),
            (
                "paragraph",
                "<p>Har du frågor om vägledningen eller hittat något som är fel? "
                "Hör av dig till redaktionen.</p>",
            ),
        ),
        body_en=_stream(
            ("heading", "In an emergency"),
            ("paragraph", "<p>Call 112 if someone is in immediate danger.</p>"),
            ("heading", "Questions about the content"),
            (
                "paragraph",
                "<p>Do you have questions about the guidance, or have you found something "
                "wrong? Get in touch with the editorial team.</p>",
            ),
        ),
        log=log,
    )
    site = Site.objects.get(root_page=home)
    footer = FooterLinks.for_site(site)
    if footer.contact_page_id is None:
        footer.contact_page = contact
        footer.save()
    accessibility_seed.run(home, log)


def fill_review_dates() -> None:
    """Pages made before review dates existed get their review-by date from the page type."""
    for model in reviewed_models():
        for page in model.objects.filter(review_by__isnull=True):
            page.review_by = add_months(page.last_reviewed, page.review_interval_months)
            model.objects.filter(pk=page.pk).update(review_by=page.review_by)


def link(command) -> None:
    """The theme's documents point to their catalogue entries, once both exist."""
    theme_seed.link_catalogue_entries(command.log)
