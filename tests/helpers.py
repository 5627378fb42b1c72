"""Small helpers for reading rendered pages the way a user (or a screen reader) would."""

from __future__ import annotations

from html.parser import HTMLParser


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}))


def elements(html: str, tag: str | None = None, **attrs) -> list[dict[str, str]]:
    """Start tags of `html` (optionally one tag name and attribute values), in document order.

    Attribute names are given with "_" for "-" (aria_current="page").
    """
    parser = _Collector()
    parser.feed(html)
    found = []
    for name, element_attrs in parser.elements:
        if tag and name != tag:
            continue
        if all(element_attrs.get(k.replace("_", "-")) == v for k, v in attrs.items()):
            found.append({"tag": name, **element_attrs})
    return found


def focusable(html: str) -> list[dict[str, str]]:
    """Elements in tab order (document order; the portal uses no positive tabindex)."""
    body_started = False
    result = []
    parser = _Collector()
    parser.feed(html)
    for name, attrs in parser.elements:
        if name == "body":
            body_started = True
        if not body_started or attrs.get("tabindex") == "-1":
            continue
        is_control = name in {"button", "input", "select", "textarea", "summary"}
        if ((name == "a" and "href" in attrs) or is_control) and attrs.get("type") != "hidden":
            result.append({"tag": name, **attrs})
    return result


def section(html: str, marker: str) -> str:
    """The element that starts with `marker` (e.g. '<nav class="breadcrumbs"'), up to its end tag."""
    start = html.index(marker)
    tag = marker[1:].split()[0]
    end = html.index(f"</{tag}>", start)
    return html[start:end]


def url_in(page, language: str) -> str:
    """The page's address in `language` (its slug in that language, under its prefix)."""
    from django.utils import translation

    with translation.override(language):
        return page.url


class _FormValues(HTMLParser):
    """The values a browser would submit from a form's inputs, selects and textareas."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, str] = {}
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.data.setdefault(name, a.get("value", "on"))
            elif kind not in ("submit", "button", "file", "image", "reset"):
                self.data[name] = a.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self.data[self._select] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            name, value = self.data[-1]
            # A browser drops the one line break that follows <textarea>.
            self.data[-1] = (name, value[1:] if value.startswith("\n") else value)
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data


def form_values(html: str, form_id: str) -> dict[str, str]:
    """What the form with `form_id` would post as it stands (no JavaScript)."""
    start = html.index(f'id="{form_id}"')
    parser = _FormValues()
    parser.feed(html[start : html.index("</form>", start)])
    return parser.data


class _FormReader(HTMLParser):
    """The values a browser would send for one form, before any script runs."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.data: list[tuple[str, str]] = []
        self._textarea: str | None = None
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []
        self._multiple = False

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "disabled" in attrs:
            return
        name = attrs.get("name")
        kind = attrs.get("type", "text").lower()
        if tag == "input" and name and kind not in {"submit", "button", "file", "image", "reset"}:
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.data.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self._textarea = name
            self.data.append((name, ""))
        elif tag == "select" and name:
            self._select, self._options = name, []
            self._multiple = "multiple" in attrs
        elif tag == "option" and self._select:
            self._options.append((attrs.get("value", ""), "selected" in attrs))

    def handle_data(self, data):
        if self._textarea:
            name, value = self.data[-1]
            self.data[-1] = (name, value + data)

    def handle_endtag(self, tag):
        if tag == "textarea":
            name, value = self.data[-1]
            # A browser drops the one line break that follows <textarea>.
            self.data[-1] = (name, value[1:] if value.startswith("\n") else value)
            self._textarea = None
        elif tag == "select" and self._select:
            chosen = [value for value, selected in self._options if selected]
            if not chosen and not self._multiple and self._options:
                chosen = [self._options[0][0]]  # a browser sends the first option
            self.data.extend((self._select, value) for value in chosen)
            self._select = None
        elif tag == "form":
            self.inside = False


def form_data(html: str, form_id: str) -> dict[str, str | list[str]]:
    """What the form `form_id` of a page sends when submitted as it is (no script run):
    a name with several values maps to a list."""
    reader = _FormReader(form_id)
    reader.feed(html)
    data: dict[str, str | list[str]] = {}
    for name, value in reader.data:
        if name in data:
            previous = data[name]
            data[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            data[name] = value
    return data
