"""The query string, read by a Django form: the visitor's choices, validated.

A value that means nothing (year=abc, an unknown topic, page=-1) is a field's error: the
filter is left out and the error is shown as a notice above the results. The page is
still shown (status 200), with the other choices kept: a visitor who followed an old or
mistyped link sees what was ignored and why. Nothing unvalidated reaches the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.caching.generation import kept_in_process
from publications import languages as language_names
from publications import text
from publications.models.snippets import Organisation, PublicationType, Topic

MAX_QUERY_LENGTH = 200
MIN_YEAR, MAX_YEAR = 1900, 2100
PARAMETERS = ("q", "topic", "type", "author", "language", "year_from", "year_to", "sort", "page")

SORTS = {
    "newest": _("Newest first"),
    "oldest": _("Oldest first"),
    "title": _("Title A–Z"),  # Swedish: "Titel A–Ö", the alphabet the order follows
    "relevance": _("Relevance"),
}


def sort_label(code: str) -> str:
    return str(SORTS[code])


@dataclass
class Filters:
    q: str = ""
    terms: list[str] = field(default_factory=list)
    topic: Topic | None = None
    type: PublicationType | None = None
    author: Organisation | None = None
    language: str = ""
    year_from: int | None = None
    year_to: int | None = None
    sort: str = "newest"
    page: int = 1
    notices: list[str] = field(default_factory=list)

    def state(self) -> dict[str, str]:
        """The valid choices as query parameters, in a fixed order."""
        values = {
            "q": self.q,
            "topic": self.topic.slug if self.topic else "",
            "type": self.type.slug if self.type else "",
            "year_from": str(self.year_from) if self.year_from else "",
            "year_to": str(self.year_to) if self.year_to else "",
            "language": self.language,
            "author": self.author.slug if self.author else "",
            "sort": self.sort if self.sort != default_sort(self) else "",
        }
        return {key: value for key, value in values.items() if value}


def default_sort(filters: Filters) -> str:
    return "relevance" if filters.terms else "newest"


class Options:
    """Every topic, type and organisation by slug.

    Three small queries, made once per page-cache generation and kept in the shared
    cache and in each process (`kept_in_process`): any change to a topic, type or
    organisation starts a new generation (portal.caching.invalidation). With the cache
    away, they are kept in the process's own cache under the database's generation.
    """

    def __init__(self, request=None):
        self.topics, self.types, self.authors = kept_in_process(
            "catalogue-options", _tables, request
        )


def _tables() -> tuple[dict, dict, dict]:
    return tuple(
        {row.slug: row for row in model.objects.only("slug", "name_sv", "name_en")}
        for model in (Topic, PublicationType, Organisation)
    )


def single(params, name: str) -> str:
    """The last value of a parameter (a repeated parameter does not fail), without NULs."""
    values = params.getlist(name) if hasattr(params, "getlist") else [params.get(name, "")]
    value = values[-1] if values else ""
    return value.replace("\x00", "").strip() if isinstance(value, str) else ""


def unknown(name: str, value: str) -> str:
    # One message per filter: Swedish nouns differ in gender (inget ämnesområde, ingen typ).
    messages = {
        "topic": gettext("There is no topic “%(value)s”; that filter was ignored."),
        "type": gettext("There is no type “%(value)s”; that filter was ignored."),
        "author": gettext("There is no author “%(value)s”; that filter was ignored."),
        "language": gettext("There is no language “%(value)s”; that filter was ignored."),
    }
    return messages[name] % {"value": value[:60]}


class ChoiceOf(forms.Field):
    """A slug or code among `table`'s keys, cleaned to the table's value."""

    def __init__(self, name: str, **kwargs):
        super().__init__(required=False, **kwargs)
        self.name = name
        self.table: dict = {}

    def to_python(self, value):
        if not value:
            return None
        if value not in self.table:
            raise ValidationError(unknown(self.name, value), code="unknown")
        return self.table[value]


class YearField(forms.Field):
    """Four ASCII digits within the years a publication can have (not "２０１９", not "+2019")."""

    def __init__(self, label_in_message, **kwargs):
        super().__init__(required=False, **kwargs)
        self.label_in_message = label_in_message

    def to_python(self, value):
        if not value:
            return None
        if value.isascii() and value.isdigit() and MIN_YEAR <= int(value) <= MAX_YEAR:
            return int(value)
        raise ValidationError(
            self.label_in_message() % {"value": value[:40], "min": MIN_YEAR, "max": MAX_YEAR},
            code="year",
        )


def _from_message() -> str:
    return gettext("“%(value)s” is not a year between %(min)s and %(max)s; “From” was ignored.")


def _to_message() -> str:
    return gettext("“%(value)s” is not a year between %(min)s and %(max)s; “To” was ignored.")


class PageField(forms.Field):
    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        if not value:
            return 1
        if value.isascii() and value.isdigit() and len(value) < 10 and int(value) > 0:
            return int(value)
        raise ValidationError(
            gettext("“%(value)s” is not a page number; showing the first page.")
            % {"value": value[:40]},
            code="page",
        )


class CatalogueForm(forms.Form):
    """The catalogue's query string. Fields are cleaned in this order, and their notices
    are listed in it."""

    q = forms.CharField(required=False, strip=True)
    topic = ChoiceOf("topic")
    type = ChoiceOf("type")
    author = ChoiceOf("author")
    language = ChoiceOf("language")
    year_from = YearField(_from_message)
    year_to = YearField(_to_message)
    sort = forms.CharField(required=False)
    page = PageField()

    def __init__(self, params, options: Options):
        # One value per parameter, as `single` reads it: the last, without NULs.
        super().__init__({name: single(params, name) for name in PARAMETERS})
        self.fields["topic"].table = options.topics
        self.fields["type"].table = options.types
        self.fields["author"].table = options.authors
        self.fields["language"].table = {code: code for code in language_names.NATIVE_NAMES}
        self.remarks: dict[str, list[str]] = {}

    def clean_q(self) -> str:
        q = self.cleaned_data["q"]
        if len(q) > MAX_QUERY_LENGTH:
            # Shortened, not refused: the search still runs on the first 200 characters.
            self.remarks["q"] = [
                gettext("The search text was shortened to %(max)s characters.")
                % {"max": MAX_QUERY_LENGTH}
            ]
            q = q[:MAX_QUERY_LENGTH]
        return q

    def clean_sort(self) -> str:
        sort = self.cleaned_data["sort"]
        has_terms = bool(text.search_terms(self.cleaned_data.get("q", "")))
        if sort in SORTS and (sort != "relevance" or has_terms):
            return sort
        if sort and sort != "relevance":
            raise ValidationError(
                gettext("Unknown sort order “%(value)s”; the default was used.")
                % {"value": sort[:40]},
                code="sort",
            )
        return ""  # the default, once the text is known

    def notices(self) -> list[str]:
        """What was shortened or ignored, in the order of the fields."""
        found: list[str] = []
        for name in self.fields:
            found.extend(self.remarks.get(name, ()))
            found.extend(str(message) for message in self.errors.get(name, ()))
        return found

    def filters(self) -> Filters:
        data = self.cleaned_data  # an invalid field is absent: its filter is ignored
        filters = Filters(
            q=data.get("q", ""),
            topic=data.get("topic"),
            type=data.get("type"),
            author=data.get("author"),
            language=data.get("language") or "",
            year_from=data.get("year_from"),
            year_to=data.get("year_to"),
            page=data.get("page") or 1,
            notices=self.notices(),
        )
        filters.terms = text.search_terms(filters.q)
        filters.sort = data.get("sort") or default_sort(filters)
        if filters.year_from and filters.year_to and filters.year_from > filters.year_to:
            filters.year_from, filters.year_to = filters.year_to, filters.year_from
        return filters


def parse(params, options: Options) -> Filters:
    """Validate the query string. Unknown values are dropped with a notice, never an error."""
    form = CatalogueForm(params, options)
    form.is_valid()  # the valid fields are kept whatever the others hold
    return form.filters()
