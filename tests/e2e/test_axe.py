"""axe-core on every page type, in Swedish and English: no WCAG 2.0/2.1 A or AA violations."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import describe, run_axe
from tests.e2e.pages import PAGE_IDS, PAGES, expected_status


@pytest.mark.parametrize(("name", "url"), PAGES, ids=PAGE_IDS)
def test_no_wcag_violations(page, axe_source, name, url):
    response = page.goto(url)
    assert response.status == expected_status(name)
    violations = run_axe(page, axe_source)
    assert not violations, f"{url}\n{describe(violations)}"


def test_no_wcag_violations_in_a_form_with_errors(page, axe_source):
    """The statement's feedback form after a failed submission: errors, summary, hints."""
    page.goto("/en/accessibility/")
    page.fill("#id_name", "A reader")
    page.click(".feedback-form button[type=submit]")
    page.wait_for_selector(".error-summary")
    violations = run_axe(page, axe_source)
    assert not violations, describe(violations)


def test_no_wcag_violations_on_the_thank_you_page(page, axe_source):
    page.goto("/sv/tillganglighet/")
    page.fill("#id_message", "Går det att få manualen som text?")
    page.click(".feedback-form button[type=submit]")
    page.wait_for_selector("h1")
    violations = run_axe(page, axe_source)
    assert not violations, describe(violations)
