"""The admin in Swedish throughout: a Swedish-speaking editor meets no English it is known for.

"Known English" is every upstream msgid that locale/upstream translates (read from its
.po files, so the check grows with the catalogue) and the strings editors reported
(issue 22). The walk covers the main admin views (over content the test builds: a theme
tree with a hotline, a publication, the review workflow as the seed command sets it up); the JavaScript catalogue is checked through the admin's own
jsi18n view; and every msgid of the installed Wagtail apps must come out Swedish, so
that an upgrade's new strings are named here (add them to locale/upstream).
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from importlib import import_module
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from wagtail.models import Workflow
from wagtail.users.models import UserProfile

from portal.editorial import workflow
from portal.editorial.workflow import EDITORS
from tests.factories import PublicationFactory, trees

UPSTREAM = Path(settings.BASE_DIR) / "locale" / "upstream" / "sv" / "LC_MESSAGES"
ATTRIBUTES = {"title", "aria-label", "placeholder", "alt", "data-w-tooltip-content-value"}
# Reported in English by editors (issue 22), matched inside the visible text.
REPORTED = [
    "View / edit fields for",
    "Password",
    "Maximum filesize",
    "Saved",
    "Autosave is paused",
    "Search options",
    "Compare",
    "updated and published",
    "Once scheduled",
    "Go-live",
    "Anyone with editing permissions",
]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\d*\}")


def _catalogue(name: str | Path, keep_same: bool = False) -> list[tuple[str, str]]:
    """(msgid, first msgstr) of a .po file (a name: in locale/upstream), header left out;
    without `keep_same`, only the msgids whose Swedish differs."""
    text = (UPSTREAM / name).read_text(encoding="utf-8")
    pairs = []
    for entry in re.split(r"\n\n+", text):
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', entry, re.M)
        msgstr = re.search(r'^msgstr(?:\[0\])? ((?:".*"\n?)+)', entry, re.M)
        if not msgid or not msgstr:
            continue
        unquote = lambda lines: "".join(re.findall(r'"(.*)"', lines)).replace('\\"', '"')  # noqa: E731
        source, target = unquote(msgid.group(1)), unquote(msgstr.group(1))
        if source and (keep_same or source != target):
            pairs.append((source, target))
    return pairs


def _pattern(msgid: str) -> re.Pattern:
    """A whole text node that is `msgid` with anything in its placeholders (HTML tags dropped)."""
    literal = re.sub(r"<[^>]+>", "", msgid)
    parts = [re.escape(" ".join(p.split())) for p in PLACEHOLDER.split(literal)]
    return re.compile(r"\s*" + r".{1,200}?".join(parts) + r"\s*", re.S)


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class _Text(HTMLParser):
    """The text a user meets: text nodes outside scripts, styles and hidden elements, and
    labelling attributes."""

    def __init__(self):
        super().__init__()
        self.skipping: tuple[str, int] | None = None  # (tag, nesting) of the skipped element
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if self.skipping:
            if tag == self.skipping[0]:
                self.skipping = (tag, self.skipping[1] + 1)
            return
        if tag in {"script", "style"} or ("hidden" in dict(attrs) and tag not in VOID):
            self.skipping = (tag, 1)
            return
        self.texts += [value for name, value in attrs if name in ATTRIBUTES and value]

    def handle_endtag(self, tag):
        if self.skipping and tag == self.skipping[0]:
            depth = self.skipping[1] - 1
            self.skipping = (tag, depth) if depth else None

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.texts.append(" ".join(data.split()))


def english_in(html: str, patterns) -> list[str]:
    parser = _Text()
    parser.feed(html)
    found = []
    for text in parser.texts:
        found += [f"{text!r} (msgid {msgid!r})" for msgid, p in patterns if p.fullmatch(text)]
        found += [f"{text!r} (reported {s!r})" for s in REPORTED if s in text]
        if re.search(r"\bNone\b", text):
            found.append(f"{text!r} (None)")
    return found


@pytest.fixture(scope="module")
def known_english():
    """Patterns of the upstream msgids whose words (not only placeholders) are English."""
    return [
        (msgid, _pattern(msgid))
        for msgid, _ in _catalogue("django.po")
        if re.search(r"[A-Za-z]{2}", PLACEHOLDER.sub("", msgid))
    ]


@pytest.fixture
def content() -> dict:
    """A theme tree with a hotline, a publication, and the groups and review workflow on
    the test's own start page, as the seed command sets them up."""
    theme = trees.violence_theme()
    workflow.ensure_on_start_page()
    return {"theme": theme.page, "hotline": theme.hotline, "publication": PublicationFactory()}


@pytest.fixture
def swedish_editor(client, django_user_model, content):
    user = django_user_model.objects.create_superuser("redaktor", "r@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "sv"
    profile.save()
    client.force_login(user)
    return client


def admin_views(content: dict) -> dict[str, str]:
    page = content["theme"]
    parent = page.get_parent()
    first = page.save_revision()
    page.title_sv = page.title_sv + " (ändrad)"
    second = page.save_revision()
    meta = page._meta
    publication, hotline = content["publication"], content["hotline"]
    return {
        "dashboard": "/admin/",
        "explorer": reverse("wagtailadmin_explore", args=(parent.id,)),
        "editor": reverse("wagtailadmin_pages:edit", args=(page.id,)),
        "add form": reverse(
            "wagtailadmin_pages:add", args=(meta.app_label, meta.model_name, parent.id)
        ),
        "history": reverse("wagtailadmin_pages:history", args=(page.id,)),
        "compare": reverse(
            "wagtailadmin_pages:revisions_compare", args=(page.id, first.id, second.id)
        ),
        "search": reverse("wagtailadmin_pages:search") + "?q=v%C3%A5ld",
        "publications": reverse("wagtailsnippets_publications_publication:list"),
        "publication": reverse(
            "wagtailsnippets_publications_publication:edit", args=(publication.pk,)
        ),
        "hotlines": reverse("wagtailsnippets_guidance_hotline:list"),
        "hotline": reverse("wagtailsnippets_guidance_hotline:edit", args=(hotline.pk,)),
        "image upload": reverse("wagtailimages:add_multiple"),
        "document upload": reverse("wagtaildocs:add_multiple"),
        "translation status": "/admin/reports/translation-status/",
        "review due": "/admin/reports/review-due/",
        "workflows": reverse("wagtailadmin_workflows:index"),
        "workflow": reverse("wagtailadmin_workflows:edit", args=(Workflow.objects.first().pk,)),
    }


@pytest.mark.django_db
def test_the_login_page_is_swedish(client, known_english):
    html = client.get(reverse("wagtailadmin_login")).content.decode()
    assert english_in(html, known_english) == []
    assert "Lösenord" in html


def test_the_main_admin_views_are_swedish(swedish_editor, content, known_english):
    english = {}
    for name, url in admin_views(content).items():
        response = swedish_editor.get(url)
        assert response.status_code == 200, name
        if found := english_in(response.content.decode(), known_english):
            english[name] = found
    assert english == {}


def test_the_editor_shows_the_swedish_texts_it_was_reported_without(swedish_editor, content):
    page = content["theme"]
    html = swedish_editor.get(reverse("wagtailadmin_pages:edit", args=(page.id,))).content.decode()
    # wagtail-modeltranslation's language toggle gets its heading through an inline script.
    assert "viewEditString: 'Visa / redigera fält på'" in html
    for swedish in ["Sparat", "Automatisk sparning är pausad"]:
        assert swedish in html


def test_an_editor_who_may_not_publish_gets_the_scheduling_texts_in_swedish(
    client, django_user_model, content, known_english
):
    editor = django_user_model.objects.create_user("skribent", "s@example.org", "pw")
    editor.groups.add(Group.objects.get(name=EDITORS))
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "sv"
    profile.save()
    client.force_login(editor)
    page = content["theme"]
    html = client.get(reverse("wagtailadmin_pages:edit", args=(page.id,))).content.decode()
    assert "Alla med behörighet att redigera kan schemalägga" in html
    assert "Men bara de med behörighet att publicera kan göra schemat gällande." in html
    assert english_in(html, known_english) == []


def test_the_page_search_names_what_it_counts(swedish_editor):
    html = swedish_editor.get(reverse("wagtailadmin_pages:search") + "?q=v%C3%A5ld").content
    parser = _Text()
    parser.feed(html.decode())
    assert any(re.fullmatch(r"\d+–\d+ av \d+ sid(a|or)", text) for text in parser.texts)


class _Form(HTMLParser):
    """The fields of the admin's edit form as a browser would submit them unchanged."""

    def __init__(self):
        super().__init__()
        self.data: list[tuple[str, str]] = []
        self.textarea: str | None = None
        self.select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "input" and a.get("name") and a.get("type") not in {"submit", "button", "file"}:
            if a.get("type") not in {"checkbox", "radio"}:
                self.data.append((a["name"], a.get("value", "")))
            elif "checked" in a:
                self.data.append((a["name"], a.get("value") or "on"))
        elif tag == "textarea" and a.get("name"):
            self.textarea = a["name"]
            self.data.append((a["name"], ""))
        elif tag == "select":
            self.select = a.get("name")
        elif tag == "option" and self.select and "selected" in a:
            self.data.append((self.select, a.get("value", "")))

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None

    def handle_data(self, data):
        if self.textarea:
            name, text = self.data[-1]
            self.data[-1] = (name, text + data)


def test_publishing_a_snippet_says_so_in_swedish(swedish_editor, content):
    publication = content["publication"]
    url = reverse("wagtailsnippets_publications_publication:edit", args=(publication.pk,))
    form = _Form()
    form.feed(swedish_editor.get(url).content.decode())
    data: dict[str, list[str]] = {}
    for name, value in form.data:
        data.setdefault(name, []).append(value)
    data["action-publish"] = ["action-publish"]
    response = swedish_editor.post(url, data, follow=True)
    assert response.redirect_chain[-1][0] == reverse(
        "wagtailsnippets_publications_publication:list"
    )
    parser = _Text()
    parser.feed(response.content.decode())
    assert f"Publikation '{publication}' har uppdaterats och publicerats." in parser.texts
    assert not any("updated and published" in text for text in parser.texts)


def _wagtail_catalogues(domain: str) -> list[Path]:
    """The English catalogues (they list every msgid) of the installed Wagtail apps."""
    found = []
    for app in settings.INSTALLED_APPS:
        if app == "wagtail" or app.startswith("wagtail."):
            package = Path(import_module(app).__file__).parent
            po = package / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
            found += [po] if po.exists() else []
    return found


def test_the_admin_javascript_is_swedish(swedish_editor):
    """The admin's JavaScript catalogue holds every msgid of Wagtail's scripts, with the
    Swedish of locale/upstream where Wagtail's own catalogue has none."""
    response = swedish_editor.get(reverse("wagtailadmin_javascript_catalog"))
    script = response.content.decode()
    catalogue = json.loads(re.search(r"newcatalog = (\{.*?\});", script, re.S)[1])
    for msgid, msgstr in _catalogue("djangojs.po"):
        translated = catalogue.get(msgid)
        assert (translated[0] if isinstance(translated, list) else translated) == msgstr
    english = [
        msgid
        for po in _wagtail_catalogues("djangojs")
        for msgid, _ in _catalogue(po, keep_same=True)
        if msgid not in catalogue
    ]
    assert english == []


def test_every_msgid_of_the_installed_wagtail_apps_is_swedish():
    """Every msgid of the installed Wagtail apps' English catalogues comes out Swedish,
    through Wagtail's own catalogue or locale/upstream; only the few that Swedish spells
    the same ("URL", and the project's own "Status" and "slug") stay as they are."""
    project = UPSTREAM.parent.parent.parent / "sv" / "LC_MESSAGES" / "django.po"
    spelled_the_same = {
        msgid
        for po in ("django.po", project)
        for msgid, msgstr in _catalogue(po, keep_same=True)
        if msgid == msgstr
    }
    with translation.override("sv"):
        english = [
            msgid
            for po in _wagtail_catalogues("django")
            for msgid, _ in _catalogue(po, keep_same=True)
            if msgid not in spelled_the_same and translation.gettext(msgid) == msgid
        ]
    assert english == []
