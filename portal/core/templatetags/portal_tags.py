"""Template helpers of the base layout: language links, breadcrumbs, navigation, fallbacks."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import conditional_escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from portal.caching.fragments import fragment
from portal.core.i18n import untranslated_fields
from portal.core.models import FooterLinks

register = template.Library()


def _home_urls(request) -> dict[str, str]:
    site = Site.find_for_request(request)
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls[code] = site.root_page.get_url(request) if site else f"/{code}/"
    return urls


def alternate_urls(context) -> dict[str, str]:
    """The address of what is on screen in each language.

    A view can decide (context["alternate_urls"]); a Wagtail page gives its own
    address per language, keeping the query string (a filtered catalogue stays
    filtered); other views translate their URL pattern; an error page links to
    the start page of each language.
    """
    if "alternate_urls" in context:
        return context["alternate_urls"]
    request = context.get("request")
    if request is None:
        return {code: f"/{code}/" for code, _name in settings.LANGUAGES}
    if context.get("error_page"):
        return _home_urls(request)
    page = context.get("page")
    # The head's hreflang links and the switcher ask for the same addresses.
    remembered = getattr(request, "_alternate_urls", None)
    if remembered is not None and remembered[0] is page:
        return remembered[1]
    query = request.META.get("QUERY_STRING", "")
    suffix = f"?{query}" if query else ""
    urls = {}
    if isinstance(page, Page):
        page_urls = kept_page_urls(request, page)
    for code, _name in settings.LANGUAGES:
        if isinstance(page, Page):
            url = page_urls[code]
            if url and hasattr(page, "localized_route_suffix"):
                url = url.rstrip("/") + "/" + page.localized_route_suffix(request, code)
            urls[code] = (url or f"/{code}/") + suffix
        else:
            urls[code] = translate_url(request.get_full_path(), code)
    request._alternate_urls = (page, urls)
    return urls


def kept_page_urls(request, page: Page) -> dict[str, str | None]:
    """The page's own address in each language, kept per generation (a new slug or a
    move starts a new one)."""

    def build():
        urls = {}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                urls[code] = page.get_url(request)
        return urls

    return fragment(request, f"page-urls:{page.pk}", build)


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    current = translation.get_language()
    urls = alternate_urls(context)
    return {
        "languages": [
            {
                "code": code,
                "name": settings.LANGUAGE_NATIVE_NAMES[code],
                "url": urls[code],
            }
            for code, _name in settings.LANGUAGES
            if code != current
        ]
    }


@register.inclusion_tag("includes/hreflang.html", takes_context=True)
def hreflang_links(context):
    request = context.get("request")
    urls = alternate_urls(context)

    def absolute(url):
        return request.build_absolute_uri(url) if request else url

    links = [{"code": code, "url": absolute(urls[code])} for code, _name in settings.LANGUAGES]
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    links.append({"code": "x-default", "url": absolute(urls[default])})
    return {"links": links}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """Start > ... > this page. Uses the ancestors the page already fetched."""
    page = context.get("page")
    ancestors = context.get("ancestors")
    request = context.get("request")
    if ancestors is None and isinstance(page, Page):
        ancestors = list(page.get_ancestors().filter(depth__gt=1))
    page_url = None
    if isinstance(page, Page):
        if request is not None:
            urls = kept_page_urls(request, page)
            page_url = urls.get(translation.get_language()) or urls.get(
                settings.MODELTRANSLATION_DEFAULT_LANGUAGE
            )
        else:
            page_url = page.get_url()
    return {"ancestors": ancestors or [], "page": page, "page_url": page_url, "request": request}


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    request = context.get("request")
    if request is None:
        return {"items": []}

    def build():
        site = Site.find_for_request(request)
        if site is None:
            return []
        children = site.root_page.get_children().live().public().in_menu()
        return [
            {"title": child.title, "url": child.get_url(request), "url_path": child.url_path}
            for child in children
        ]

    page = context.get("page")
    current_path = page.url_path if isinstance(page, Page) else ""
    return {
        "items": [
            {**item, "current": bool(current_path) and current_path.startswith(item["url_path"])}
            for item in fragment(request, "main-nav", build)
        ]
    }


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context):
    request = context.get("request")
    if request is None:
        return {"links": []}

    def build():
        setting = FooterLinks.for_request(request)
        ids = [setting.accessibility_page_id, setting.contact_page_id]
        pages = {p.pk: p for p in Page.objects.live().filter(pk__in=[i for i in ids if i])}
        return [
            {"title": pages[i].title, "url": pages[i].get_url(request)} for i in ids if i in pages
        ]

    return {"links": fragment(request, "footer-links", build)}


@register.simple_tag(takes_context=True)
def include_kept_block(context, page, field_name: str):
    """`{% include_block page.<field_name> %}`, its HTML kept per page, language and
    generation (portal.caching), like the navigation: publishing the page, or changing
    a snippet or page its blocks show, renews it; a preview draws it anew.

    A page type that uses it names the field in `kept_blocks`, so that the kept HTML is
    read together with the layout's other parts.
    """
    value = getattr(page, field_name)
    request = context.get("request")

    def draw() -> str:
        return str(conditional_escape(value.render_as_block(context=context.flatten())))

    if request is None or page.pk is None:
        return mark_safe(draw())
    return mark_safe(fragment(request, f"block:{page.pk}:{field_name}", draw))


@register.simple_tag
def fallback_lang(obj, field_name: str):
    """lang="sv" on an element whose text falls back to Swedish on the English side."""
    if field_name in untranslated_fields(obj):
        return format_html(' lang="{}"', settings.MODELTRANSLATION_DEFAULT_LANGUAGE)
    return ""


@register.simple_tag
def native_language_name(code: str) -> str:
    return settings.LANGUAGE_NATIVE_NAMES.get(code, code)


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (None removes one)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return params.urlencode()


def _plain(value, limit: int = 160) -> str:
    text = " ".join(strip_tags(str(value or "")).split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


@register.inclusion_tag("includes/page_meta.html", takes_context=True)
def page_meta(context):
    """The head's description, canonical address and Open Graph / Twitter tags.

    A view may decide each (context "meta_description", "canonical_url"); a page gives
    its search description, else its introduction or lead, and its own address in the
    active language without any query string.
    """
    request = context.get("request")
    page = context.get("page")
    description = context.get("meta_description")
    if description is None and page is not None:
        description = (
            getattr(page, "search_description", "")
            or getattr(page, "intro", "")
            or getattr(page, "lead", "")
        )
    canonical = context.get("canonical_url")
    if canonical is None and isinstance(page, Page) and request is not None:
        # The page's own address, kept with the layout's parts (no extra cache round trip).
        url = kept_page_urls(request, page).get(translation.get_language())
        canonical = request.build_absolute_uri(url) if url else None
    elif canonical and request is not None:
        canonical = request.build_absolute_uri(canonical)
    title = context.get("meta_title")
    if title is None and page is not None:
        title = getattr(page, "seo_title", "") or getattr(page, "title", "")
    return {
        "title": title or "",
        "description": _plain(description),
        "canonical": canonical,
        "locale": {"sv": "sv_SE", "en": "en_GB"}.get(translation.get_language(), "sv_SE"),
        "noindex": context.get("noindex", False),
    }
