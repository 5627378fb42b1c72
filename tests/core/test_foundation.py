"""The bilingual skeleton: routing, language switching, fallbacks, errors, settings, seed."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Page

from guidance.models import HomePage, SectionPage
from portal.core.models import FooterLinks
from tests.factories import (
    SectionPageFactory,
    StandardPageFactory,
    ThemeIndexPageFactory,
    site_home,
)
from tests.helpers import elements, focusable, section

pytestmark = pytest.mark.django_db
BASE_DIR = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def frame():
    """Start > Våld > Teman, and Kontakt (linked from the footer): the frame of the site."""
    home = site_home()
    violence = SectionPageFactory(
        title_sv="Våld", title_en="Violence", slug_sv="vald", slug_en="violence"
    )
    ThemeIndexPageFactory(parent=violence, slug_sv="teman", slug_en="themes")
    contact = StandardPageFactory(
        title_sv="Kontakt", title_en="Contact", slug_sv="kontakt", slug_en="contact"
    )
    FooterLinks.objects.filter(site__root_page=home).update(contact_page=contact)
    return violence


@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [
        ("/sv/", "sv", "Start"),
        ("/en/", "en", "Home"),
        ("/sv/vald/", "sv", "Våld"),
        ("/en/violence/", "en", "Violence"),
        ("/sv/vald/teman/", "sv", "Teman"),
        ("/en/violence/themes/", "en", "Themes"),
    ],
)
def test_language_prefixes_route_and_render_that_language(client, frame, path, lang, heading):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert elements(html, "html")[0]["lang"] == lang
    assert f">{heading}</h1>" in html


def test_interface_strings_follow_the_language(client, frame):
    sv = client.get("/sv/").content.decode()
    en = client.get("/en/").content.decode()
    assert "Hoppa till huvudinnehållet" in sv and "Skip to main content" in en
    assert "Stöd för socialtjänsten" in sv and "Support for social services" in en


def test_start_page_lists_its_sections(client, frame):
    html = client.get("/sv/").content.decode()
    assert elements(html, "a", href="/sv/vald/")


@pytest.mark.parametrize(
    ("accept", "target"),
    [
        ("en-GB,en;q=0.9", "/en/"),
        ("sv-SE,sv;q=0.9,en;q=0.5", "/sv/"),
        ("de-DE", "/sv/"),
        ("", "/sv/"),
    ],
)
def test_root_redirects_to_the_preferred_language(client, accept, target):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept} if accept else {}
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == target


@pytest.mark.parametrize(
    ("path", "other"),
    [
        ("/sv/vald/teman/", "/en/violence/themes/"),
        ("/en/violence/themes/", "/sv/vald/teman/"),
        ("/sv/kontakt/", "/en/contact/"),
        ("/en/", "/sv/"),
        ("/sv/sok/?q=v%C3%A5ld", "/en/search/?q=v%C3%A5ld"),
    ],
)
def test_language_switcher_leads_to_the_same_page(client, frame, path, other):
    html = client.get(path).content.decode()
    switcher = elements(html, "a", hreflang=other[1:3])
    assert [a["href"] for a in switcher] == [other]
    # The language's name is written in that language and marked so.
    assert switcher[0]["lang"] == other[1:3]
    assert ("English" if other.startswith("/en/") else "Svenska") in html


def test_hreflang_alternates_are_absolute_and_complete(client, frame):
    html = client.get("/sv/vald/").content.decode()
    links = {link["hreflang"]: link["href"] for link in elements(html, "link", rel="alternate")}
    assert links == {
        "sv": "http://testserver/sv/vald/",
        "en": "http://testserver/en/violence/",
        "x-default": "http://testserver/sv/vald/",
    }


def test_untranslated_page_falls_back_to_swedish_with_a_notice(client, frame):
    violence = frame
    with translation.override("sv"):
        page = SectionPage(
            title_sv="Hedersrelaterat våld", slug_sv="heder", intro_sv="Bara på svenska."
        )
        violence.add_child(instance=page)
        page.save_revision().publish()
    en = client.get("/en/violence/heder/")
    assert en.status_code == 200
    html = en.content.decode()
    assert "This page has not been translated into English yet" in html
    assert elements(html, "h1", lang="sv")
    assert elements(html, "p", lang="sv", **{"class": "lead"})
    sv_html = client.get("/sv/vald/heder/").content.decode()
    assert "inte översatt" not in sv_html and "not been translated" not in sv_html


def test_skip_link_is_the_first_tab_stop_and_targets_main(client, frame):
    for path in ("/sv/", "/en/violence/themes/"):
        html = client.get(path).content.decode()
        first = focusable(html)[0]
        assert first["class"] == "skip-link"
        assert first["href"] == "#main"
        assert elements(html, "main", id="main")


def test_breadcrumbs_show_the_path_from_start(client, frame):
    html = client.get("/en/violence/themes/").content.decode()
    crumbs = elements(section(html, '<nav class="breadcrumbs"'), "a")
    assert [a["href"] for a in crumbs] == ["/en/", "/en/violence/", "/en/violence/themes/"]
    assert crumbs[-1]["aria-current"] == "page"


def test_footer_links_to_contact(client, frame):
    html = client.get("/en/").content.decode()
    assert elements(html, "a", href="/en/contact/")


@pytest.mark.parametrize(
    ("path", "lang", "text"),
    [
        ("/en/no-such-page/", "en", "Page not found"),
        ("/sv/finns-inte/", "sv", "Sidan hittades inte"),
        ("/en/violence/nothing/here/", "en", "Page not found"),
    ],
)
def test_unknown_path_gets_a_styled_404_in_its_language(client, frame, path, lang, text):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert elements(html, "html")[0]["lang"] == lang
    assert text in html
    assert elements(html, "link", rel="stylesheet")


def test_unknown_language_prefix_ends_in_a_404_not_a_500(client):
    response = client.get("/de/vald/", follow=True)
    assert response.status_code == 404
    assert "Sidan hittades inte" in response.content.decode()


def test_server_error_page_is_bilingual_and_shows_no_trace(client, frame, monkeypatch):
    def broken(self, request, *args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(SectionPage, "get_context", broken)
    client.raise_request_exception = False
    for path, text in (("/en/violence/", "Something went wrong"), ("/sv/vald/", "Något gick fel")):
        response = client.get(path)
        assert response.status_code == 500
        html = response.content.decode()
        assert text in html
        assert "secret internals" not in html and "Traceback" not in html


def test_search_routes_in_both_languages(client):
    """The seed's pages, as the site search has indexed them."""
    sv = client.get("/sv/sok/", {"q": "våld"})
    en = client.get("/en/search/", {"q": "violence"})
    assert sv.status_code == en.status_code == 200
    assert elements(sv.content.decode(), "a", href="/sv/vald/")
    assert elements(en.content.decode(), "a", href="/en/violence/")


def test_editors_edit_both_languages_of_a_page(admin_client_sv):
    page = SectionPageFactory()
    html = admin_client_sv.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    for name in ("title_sv", "title_en", "intro_sv", "intro_en", "slug_sv", "slug_en"):
        assert elements(html, "input", name=name) or elements(html, "textarea", name=name), name


def test_seed_command_is_idempotent():
    def snapshot():
        return sorted(
            Page.objects.values_list("url_path_sv", "url_path_en", "title_sv", "title_en")
        )

    before = snapshot()
    call_command("seed", verbosity=0)
    call_command("seed", verbosity=0)
    assert snapshot() == before
    assert HomePage.objects.count() == 1


def test_no_migration_is_missing():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_settings_refuse_to_start_without_their_environment(missing):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": "x" * 50,
            "ALLOWED_HOSTS": "portal.example.org",
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/portal",
        }
    )
    del env[missing]
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr.splitlines()[-1]
