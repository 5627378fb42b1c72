"""Links within the catalogue that keep the visitor's other choices."""

from __future__ import annotations

from html import escape

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def catalogue_url(catalogue, **changes) -> str:
    """The catalogue's address with some parameters changed ("" or None removes one)."""
    query = catalogue.query(**changes)
    return f"{catalogue.base_url}?{query}" if query else catalogue.base_url


@register.simple_tag
def remove_filter_url(catalogue, name: str) -> str:
    return catalogue_url(catalogue, **{name: None})


@register.simple_tag
def facet_options(options, selected: str | None = None) -> str:
    """A facet's <option> elements, each name with its count: "Broschyr (12)".

    An option is selected when it is the chosen one (`Option.selected`) or, when
    `selected` is given, when its value is that (the year selects). Written in Python
    rather than as a template loop: a catalogue has some 150 to 300 options, and the
    template engine's per-variable lookups, then format_html's per-value escaping, made
    them a tenth of the page's time. Every value is escaped (`escape` is Django's, without
    its per-call wrapping for lazy strings: the values are plain strings and numbers).
    """
    parts = []
    for option in options:
        chosen = option.selected if selected is None else option.value == str(selected)
        attributes = " selected" if chosen else ""
        if option.lang:
            attributes += f' lang="{escape(option.lang)}"'
        if option.dir == "rtl":
            attributes += ' dir="rtl"'
        parts.append(
            f'<option value="{escape(option.value)}"{attributes}>'
            f"{escape(option.label)} ({int(option.count)})</option>"
        )
    return mark_safe("".join(parts))  # noqa: S308 (every value escaped above)


@register.simple_tag
def topic_links(catalogue, options) -> str:
    """The topics as links, each with its count, the chosen one marked current; in
    Python for the reason `facet_options` is, every value escaped."""
    parts = []
    for option in options:
        current = ' aria-current="true"' if option.selected else ""
        lang = f' lang="{escape(option.lang)}"' if option.lang else ""
        parts.append(
            f'<li><a class="pub-topic" href="{escape(catalogue_url(catalogue, topic=option.value))}"'
            f"{current}><span{lang}>{escape(option.label)}</span>"
            f' <span class="pub-topic__count">({int(option.count)})</span></a></li>'
        )
    return mark_safe("".join(parts))  # noqa: S308 (every value escaped above)
