"""Links within the catalogue that keep the visitor's other choices."""

from __future__ import annotations

from django import template

register = template.Library()


@register.simple_tag
def catalogue_url(catalogue, **changes) -> str:
    """The catalogue's address with some parameters changed ("" or None removes one)."""
    query = catalogue.query(**changes)
    return f"{catalogue.base_url}?{query}" if query else catalogue.base_url


@register.simple_tag
def remove_filter_url(catalogue, name: str) -> str:
    return catalogue_url(catalogue, **{name: None})
