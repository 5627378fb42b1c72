"""The Content-Security-Policy that production sends (portal.settings.base) breaks nothing.

Every response carries the policy: scripts only from this site, never inline. The
browser reports each violation as a `securitypolicyviolation` event; a script the
browser loads before the page's own (Playwright's init script, not subject to the
policy) records them. The public pages run their scripts without one violation. An
editor logs in to the Wagtail admin (strict policy on the login page) and edits a page
with the admin's scripts working (the sidebar, the StreamField, the language toggles)
under the admin's policy (portal/csp.py), and saves a draft; again no violation.
"""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import EDITOR_PASSWORD
from tests.e2e.pages import CATALOGUE_SV, THEME_SV

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`
    );
});
"""


def violations(page) -> list[str]:
    return page.evaluate("() => window.__cspViolations || []")


@pytest.fixture
def watched(new_page):
    """A page that records CSP violations, and the console's CSP errors."""
    page = new_page()
    page.context.add_init_script(RECORD_VIOLATIONS)
    console: list[str] = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.console_csp_errors = console
    return page


@pytest.fixture
def editor(make_editor):
    return make_editor("en")


def test_every_response_carries_the_policy(watched):
    response = watched.goto(THEME_SV)
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    assert "frame-ancestors 'self'" in policy


@pytest.mark.parametrize(
    "path", [THEME_SV, CATALOGUE_SV + "?topic=manniskohandel", "/sv/sok/?q=barn"]
)
def test_public_pages_run_their_scripts_without_violations(watched, path):
    watched.goto(path)
    watched.wait_for_load_state("networkidle")
    assert violations(watched) == []
    assert watched.console_csp_errors == []


def script_src(response) -> str:
    policy = response.headers["content-security-policy"]
    return policy.split("script-src", 1)[1].split(";", 1)[0]


def test_the_admin_works_under_the_policy(watched, editor):
    from guidance.models import ThemePage

    theme = ThemePage.objects.get(slug_sv="manniskohandel-med-barn")
    page = watched

    login = page.goto("/admin/login/")
    # The login page, open to anyone, keeps the strict policy.
    assert "unsafe-inline" not in script_src(login)
    page.fill("input[name=username]", editor.username)
    page.fill("input[name=password]", EDITOR_PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in|Logga in")).click()
    page.wait_for_url(re.compile(r"/admin/$"))
    # The sidebar is drawn by the admin's JavaScript: it is there only if scripts ran.
    page.locator("#wagtail-sidebar a:visible").first.wait_for()

    edit = page.goto(f"/admin/pages/{theme.pk}/edit/")
    # Behind the login, Wagtail's editor needs inline scripts (portal/csp.py); scripts
    # from other sites are still refused.
    assert "'unsafe-inline'" in script_src(edit)
    assert "http" not in script_src(edit)
    # The StreamField's blocks are drawn by script (Wagtail's telepath).
    page.locator(".c-sf-add-button").first.wait_for()
    # wagtail-modeltranslation's script shows both languages' fields (by default).
    page.locator("input[name=title_en]").wait_for(state="visible")
    new_title = theme.title_en + " (reviewed)"
    page.locator("input[name=title_en]").fill(new_title)
    page.get_by_role("button", name=re.compile("^Save draft")).click()
    page.locator(".messages .success, .messages [class*=success]").first.wait_for(state="attached")

    theme.refresh_from_db()
    assert theme.get_latest_revision_as_object().title_en == new_title
    assert theme.has_unpublished_changes
    assert violations(page) == []
    assert page.console_csp_errors == []
