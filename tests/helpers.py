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
            # A browser drops the one line break that follows <textarea>.
            if self.data[self._textarea].startswith("\n"):
                self.data[self._textarea] = self.data[self._textarea][1:]
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
