"""Links within the catalogue that keep the visitor's other choices."""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
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
    rather than as a template loop: a full catalogue has some 150 options, and the
    template engine's per-variable lookups made them a tenth of the page's time.
    Every value is escaped by format_html.
    """

    def attributes(option) -> str:
        chosen = option.selected if selected is None else option.value == str(selected)
        parts = [mark_safe(" selected") if chosen else ""]
        if option.lang:
            parts.append(format_html(' lang="{}"', option.lang))
        if option.dir == "rtl":
            parts.append(mark_safe(' dir="rtl"'))
        return mark_safe("".join(parts))  # escaped parts or constants

    return format_html_join(
        "",
        '<option value="{}"{}>{} ({})</option>',
        ((option.value, attributes(option), option.label, option.count) for option in options),
    )
