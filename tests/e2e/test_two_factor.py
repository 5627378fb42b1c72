"""Two-step sign-in in a real browser: set up an authenticator from the page, by keyboard,
under the strict Content-Security-Policy, and reach the admin (portal/two_factor.py)."""

from __future__ import annotations

import re
from base64 import b32decode

import pytest
from django_otp.oath import totp

from tests.e2e.conftest import EDITOR_PASSWORD, describe, run_axe
from tests.e2e.test_csp import RECORD_VIOLATIONS, script_src, violations


@pytest.fixture
def editor(make_editor, settings):
    settings.PORTAL_TWO_FACTOR = True
    return make_editor("sv")


def test_an_editor_sets_up_an_authenticator_and_reaches_the_admin(new_page, editor, axe_source):
    page = new_page()
    page.context.add_init_script(RECORD_VIOLATIONS)
    page.goto("/admin/login/")
    page.fill("input[name=username]", editor.username)
    page.fill("input[name=password]", EDITOR_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/admin/2fa/setup/"))

    # The set-up page: in the editor's language, strict policy, the QR code drawn inline.
    assert page.locator("html").get_attribute("lang") == "sv"
    assert "unsafe-inline" not in script_src(page.goto(page.url))
    assert page.locator("figure.two-factor-qr svg").is_visible()
    # The admin's icons and script texts load on this page too (they are not redirected).
    assert page.locator("main").count() == 1
    assert page.locator("[data-sprite] svg symbol").count() > 10
    found = run_axe(page, axe_source)
    assert found == [], describe(found)

    key = page.locator("code.two-factor-key").inner_text().replace(" ", "")
    code = f"{totp(b32decode(key + '=' * (-len(key) % 8))):06d}"
    field = page.get_by_label("Kod från din autentiseringsapp")
    assert field.evaluate("element => element === document.activeElement")  # focus is there
    field.type(code)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/admin/$"))
    page.locator("#wagtail-sidebar a:visible").first.wait_for()
    assert violations(page) == []
