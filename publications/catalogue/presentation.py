"""What the visitor reads around the results: the count, the active filters (each with
the address that removes it), the addresses of other views and pages."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.utils.translation import gettext, ngettext

from publications import languages as language_names
from publications.catalogue.facets import display_name


@dataclass
class ActiveFilter:
    name: str
    label: str
    value: str
    remove_query: str
    lang: str = ""


def page_of(paginator: Paginator, number: int, notices: list[str]):
    """The page asked for; past the last, the last, with a notice (when there are any)."""
    if number > paginator.num_pages:
        if paginator.count:
            notices.append(
                gettext("There is no page %(number)s; showing the last page.") % {"number": number}
            )
        number = paginator.num_pages
    return paginator.page(number)


class Presentation:
    """Mixed into Catalogue, which gives it `filters`, `paginator` and `language`."""

    @property
    def count(self) -> int:
        return self.paginator.count

    def view_title(self, title: str) -> str:
        """What the view shows, for its <title>: "Publikationer: Barn, Manual, sida 2"."""
        shown = [active.value for active in self.active_filters()]
        if shown:
            title = gettext("%(title)s: %(filters)s") % {
                "title": title,
                "filters": ", ".join(shown),
            }
        number = self.page_obj.number if self.page_obj else 1
        if number > 1:
            title = gettext("%(title)s, page %(number)s") % {"title": title, "number": number}
        return title

    def canonical_query(self) -> str:
        """The view's own query string: its known filters and its page, nothing else."""
        number = self.page_obj.number if self.page_obj else 1
        return self.page_query(number) if number > 1 else self.query()

    @property
    def near_duplicate(self) -> bool:
        """A free-text search or several filters at once: not for search engines' indexes."""
        return bool(self.filters.q) or len(self.active_filters()) > 1

    def count_text(self) -> str:
        return ngettext("%(count)s publication", "%(count)s publications", self.count) % {
            "count": self.count
        }

    @cached_property
    def _state(self) -> dict[str, str]:
        return self.filters.state()  # read for every link the page draws

    def state(self) -> dict[str, str]:
        return dict(self._state)

    def query(self, **changes) -> str:
        """The query string of the current view with some parameters changed (None removes)."""
        params = self.state()  # a copy; never holds "page": a changed filter starts at page 1
        for key, value in changes.items():
            if value is None or value == "":
                params.pop(key, None)
            else:
                params[key] = str(value)
        if params.get("page") == "1":
            del params["page"]
        return urlencode(params)

    def page_query(self, number: int) -> str:
        return self.query(page=number)

    def active_filters(self) -> list[ActiveFilter]:
        f = self.filters
        active = []
        if f.q:
            active.append(ActiveFilter("q", gettext("Search"), f"“{f.q}”", self.query(q=None)))
        named = (
            ("topic", gettext("Topic"), f.topic),
            ("type", gettext("Type"), f.type),
        )
        for name, label, obj in named:
            if obj:
                value = display_name(obj, self.language)
                active.append(ActiveFilter(name, label, value, self.query(**{name: None})))
        if f.year_from:
            active.append(
                ActiveFilter(
                    "year_from", gettext("From year"), str(f.year_from), self.query(year_from=None)
                )
            )
        if f.year_to:
            active.append(
                ActiveFilter(
                    "year_to", gettext("To year"), str(f.year_to), self.query(year_to=None)
                )
            )
        if f.language:
            active.append(
                ActiveFilter(
                    "language",
                    gettext("Available in"),
                    language_names.native_name(f.language),
                    self.query(language=None),
                    lang=f.language,
                )
            )
        if f.author:
            active.append(
                ActiveFilter(
                    "author",
                    gettext("Author"),
                    display_name(f.author, self.language),
                    self.query(author=None),
                )
            )
        return active
