"""The abstract page every public page type builds on: what the base layout needs of a page."""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, PageViewRestriction

from portal.caching.fragments import fragment, prefetch
from portal.caching.restrictions import any_view_restrictions
from portal.core.forms import PageForm
from portal.core.i18n import LanguagePreviewMixin, untranslated_fields


class QuickExit(models.TextChoices):
    INHERIT = "inherit", _("As the section decides")
    SHOW = "show", _("Show")
    HIDE = "hide", _("Hide")


@dataclass(frozen=True)
class Crumb:
    """An ancestor as the layout shows it: a breadcrumb, and the quick-exit choice of a
    section page for the pages below it (None for other page types)."""

    title: str
    url: str
    section_quick_exit: bool | None


def layout_ancestors(page: Page, request=None) -> list[Crumb]:
    """The page's ancestors below the root, from the start page down. One query, whatever
    the depth; with a request, kept per generation (moving, renaming or publishing a
    page renews them; previews build them anew)."""
    # The page type whose `quick_exit_below` decides for the pages below it.
    section = apps.get_model(settings.QUICK_EXIT_SECTION_MODEL)._meta.model_name

    def build() -> list[Crumb]:
        ancestors = (
            page.get_ancestors()
            .filter(depth__gt=1)
            .annotate(section_quick_exit=F(f"{section}__quick_exit_below"))
        )
        return [Crumb(a.title, a.get_url(request), a.section_quick_exit) for a in ancestors]

    if request is None:
        return build()
    return fragment(request, f"ancestors:{page.pk}", build)


def quick_exit_from_sections(ancestors: list[Crumb]) -> bool:
    """Whether the nearest ancestor that decides (a section page) shows the quick exit."""
    for ancestor in reversed(ancestors):
        if ancestor.section_quick_exit is not None:
            return ancestor.section_quick_exit
    return False


def direct_routing(walk):
    """A page's `route` that finds a descendant by its address in one query.

    wagtail-modeltranslation's routing (`walk`) loads every child of every level in
    Python; the translated url_path of the active language names the page directly.
    Paths that are no page's address (sub-routes of a routable page) take the walk.
    """

    def route(self, request, path_components):
        if path_components:
            url_path = self.url_path + "/".join(path_components) + "/"
            page = (
                Page.objects.filter(url_path=url_path, path__startswith=self.path)
                .specific()
                .first()
            )
            if page is not None:
                return page.route(request, [])
        return walk(self, request, path_components)

    return route


def install_direct_routing() -> None:
    """Called when the apps are ready, after wagtail-modeltranslation patched `route`."""
    for model in apps.get_models():
        if issubclass(model, BasePage) and not getattr(model.route, "direct", False):
            model.route = direct_routing(model.route)
            model.route.direct = True


def sitemap_entries(urls: dict[str, str | None], lastmod) -> list[dict]:
    """Sitemap entries of one thing in each language, with its alternates."""
    alternates = [{"lang_code": code, "location": url} for code, url in urls.items() if url]
    return [
        {"location": url, "lastmod": lastmod, "alternates": alternates}
        for url in urls.values()
        if url
    ]


class BasePage(LanguagePreviewMixin, Page):
    """Common behaviour: the quick-exit option and the translation-fallback notice."""

    # Empty slugs of a page not yet live made from the titles (portal.core.forms).
    base_form_class = PageForm

    quick_exit = models.CharField(
        _("quick exit button"),
        max_length=8,
        choices=QuickExit.choices,
        default=QuickExit.INHERIT,
        help_text=_(
            "The 'Exit this page' button that replaces the page with a neutral site. "
            "By default a page follows its section (on under Violence)."
        ),
    )
    # Whether the page ends with "Did this information help you?" (portal/feedback/).
    asks_for_feedback = True

    @classmethod
    def feedback_entry(cls, pk: int):
        """The live entry (of settings.FEEDBACK_ENTRY_MODEL) numbered `pk` that this page
        type shows under its own address and asks about; None for page types without."""
        return None

    # Set on section pages: whether pages below show the quick exit by default.
    quick_exit_for_descendants: bool | None = None

    settings_panels = [*Page.settings_panels, FieldPanel("quick_exit")]

    class Meta:
        abstract = True

    def shows_quick_exit(self, ancestors: list[Crumb] | None = None) -> bool:
        """Own choice first, then the nearest section that decides, else off.

        `ancestors` are those of `layout_ancestors`, when the caller has them already.
        """
        if self.quick_exit != QuickExit.INHERIT:
            return self.quick_exit == QuickExit.SHOW
        if self.quick_exit_for_descendants is not None:
            return self.quick_exit_for_descendants
        return quick_exit_from_sections(layout_ancestors(self) if ancestors is None else ancestors)

    # Site search: page types that are found set a kind; see portal.search.index.
    search_kind: str | None = None
    search_kind_label = _("Page")

    def search_title(self) -> str:
        return self.title

    def search_body(self) -> list[str]:
        """The text besides the title that search matches and quotes."""
        return []

    def search_document(self) -> dict | None:
        """This page as the search index sees it, in the active language; None to leave it out."""
        if self.search_kind is None or not self.live or self.get_view_restrictions().exists():
            return None
        return {
            "kind": self.search_kind,
            "kind_label": self.search_kind_label,
            "title": self.search_title(),
            "body": " ".join(part for part in self.search_body() if part),
            "url": self.get_url(),
        }

    def get_view_restrictions(self):
        """Wagtail's restrictions of this page and its ancestors, without its two queries
        while no page of the portal is restricted."""
        # Routing (portal.caching.routing) tells a page it found through the cache.
        known = getattr(self, "known_view_restrictions", None)
        if not (any_view_restrictions() if known is None else known):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_sitemap_urls(self, request=None):
        """One entry per language for /sitemap.xml, each naming the others (hreflang)."""
        return sitemap_entries(
            self.language_urls(request, full=True),
            self.last_published_at or self.latest_revision_created_at,
        )

    def language_urls(self, request=None, full: bool = False) -> dict[str, str | None]:
        urls = {}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                urls[code] = self.get_full_url(request) if full else self.get_url(request)
        return urls

    def untranslated_fields(self, language: str | None = None) -> list[str]:
        return untranslated_fields(self, language)

    # StreamFields the page's template draws with {% include_kept_block %}.
    kept_blocks: tuple[str, ...] = ()

    def kept_parts(self) -> list[str]:
        """The parts of this page's layout kept per generation (portal.caching), read
        from the cache together before the page is drawn."""
        return [
            f"ancestors:{self.pk}",
            f"page-urls:{self.pk}",
            "main-nav",
            "footer-links",
            *(f"block:{self.pk}:{name}" for name in self.kept_blocks),
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        prefetch(request, self.kept_parts())
        ancestors = layout_ancestors(self, request)
        context["ancestors"] = ancestors
        context["quick_exit"] = self.shows_quick_exit(ancestors)
        context["quick_exit_url"] = settings.QUICK_EXIT_URL
        context["untranslated"] = self.untranslated_fields()
        return context
