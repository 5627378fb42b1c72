"""Browser tests: headless Chromium from Debian, driven by Playwright, against a live server.

The live server needs transactional database access, and Django flushes the database after
every transactional test. So the seeded rows are kept aside once (tests/seed_snapshot.py)
and copied back before each test: each test starts from the seed content, and when the e2e
tests are done the seed is put back once more, so whatever runs after them still finds it.

Outside CI the tests skip when /usr/bin/chromium is missing; with CI set they fail instead.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
import time
from pathlib import Path

import pytest

from tests.seed_snapshot import kept_seed

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "screenshots"
AXE_SOURCE = Path(__file__).with_name("vendor") / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _unavailable(reason: str):
    """Fail in CI (the browser tests must run there), skip elsewhere."""
    message = (
        f"{reason}. The browser tests need Debian's Chromium: "
        "`apt-get update && apt-get install -y chromium` (as root), and the test extra: "
        "`.venv/bin/pip install -e '.[test]'`. Never `playwright install`."
    )
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Every e2e test gets serialized rollback: it starts from the seeded snapshot."""
    marker = pytest.mark.django_db(transaction=True, serialized_rollback=True)
    for item in items:
        if "/e2e/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(marker)


@pytest.fixture(scope="package", autouse=True)
def _allow_async_unsafe():
    """Playwright's sync API runs an event loop in this thread; Django refuses ORM calls
    from a thread with a running loop unless told otherwise. Only while the browser tests
    run: a subprocess started by a later test (`check --deploy`) must not inherit it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="package")
def _seeded_snapshot(django_db_setup, django_db_blocker):
    """The seeded rows, kept aside once (tests/seed_snapshot.py); put back as soon as the
    browser tests are over.

    Package scope: the seed is back right after the last e2e test, before any test that
    pytest-django orders after them.
    """
    with kept_seed(django_db_blocker) as snapshot:
        yield snapshot


@pytest.fixture(autouse=True)
def _starts_from_the_seed(_seeded_snapshot, transactional_db):
    """Every browser test starts from the seed: the test before it was flushed."""
    _seeded_snapshot.restore()


@pytest.fixture(scope="session")
def _playwright(django_db_setup):
    # The test database is made first: Playwright's event loop would make Django refuse.
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("The Python package playwright is not installed")
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(_playwright):
    browser = _playwright.chromium.launch(
        executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
    )
    yield browser
    browser.close()


@pytest.fixture
def site(_seeded_snapshot, live_server):
    """The live server's address, with the seed content in its database."""
    return live_server.url


def _block_other_hosts(context, base_url: str):
    """Nothing leaves the machine: requests to other hosts get an empty local answer."""

    def handle(route):
        if route.request.url.startswith(base_url):
            route.continue_()
        else:
            route.fulfill(status=200, content_type="text/html", body="<title>elsewhere</title>")

    context.route(re.compile(r"^https?://.*"), handle)


class _Requests:
    """The live server's requests still being answered, counted by Django's own signals.

    A page closed by a test may still send requests (the admin's editing session sends a
    beacon as the page unloads). If the database is flushed while the live server answers
    one, SQLite's shared in-memory database refuses the flush ("table is locked"), so the
    browser tests wait for the server to fall quiet before their database is reset.
    """

    def __init__(self):
        self.lock = threading.Lock()
        self.open = 0
        self.last = time.monotonic()

    def started(self, **kwargs):
        with self.lock:
            self.open += 1
            self.last = time.monotonic()

    def finished(self, **kwargs):
        with self.lock:
            self.open = max(0, self.open - 1)
            self.last = time.monotonic()

    def wait_quiet(self, quiet: float = 0.3, limit: float = 10.0) -> None:
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            with self.lock:
                if self.open == 0 and time.monotonic() - self.last >= quiet:
                    return
            time.sleep(0.05)


@pytest.fixture(scope="package")
def _requests():
    from django.core.signals import request_finished, request_started

    requests = _Requests()
    request_started.connect(requests.started)
    request_finished.connect(requests.finished)
    yield requests
    request_started.disconnect(requests.started)
    request_finished.disconnect(requests.finished)


@pytest.fixture
def new_page(browser, site, _requests):
    """A factory of pages in fresh browser contexts (width, JavaScript on or off)."""
    contexts = []

    def make(width: int = 1280, height: int = 900, javascript: bool = True, **options):
        context = browser.new_context(
            viewport={"width": width, "height": height},
            java_script_enabled=javascript,
            base_url=site,
            **options,
        )
        contexts.append(context)
        _block_other_hosts(context, site)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield make
    from playwright.sync_api import Error as PlaywrightError

    for context in contexts:
        # Leave every page first: what a page sends as it unloads (the admin's editing
        # session is released by a beacon) then reaches the server now, not during the
        # database reset after the test. A page that cannot leave is closed anyway.
        for open_page in context.pages:
            with contextlib.suppress(PlaywrightError):
                open_page.goto("about:blank", timeout=5_000)
        context.close()
    _requests.wait_quiet()


@pytest.fixture
def page(new_page):
    return new_page()


EDITOR_PASSWORD = "a-long-editor-passphrase-for-tests"  # noqa: S105


@pytest.fixture
def make_editor(django_user_model):
    """A factory of admin users who work in `language` (the admin follows it)."""

    def make(language: str):
        from wagtail.users.models import UserProfile

        user = django_user_model.objects.create_superuser(
            username="redaktor", email="redaktor@example.org", password=EDITOR_PASSWORD
        )
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        return user

    return make


@pytest.fixture
def editor(make_editor):
    """An editor who works in Swedish (a module may ask for another language)."""
    return make_editor("sv")


def sign_in(page, user) -> None:
    """Sign `user` in to the admin through its login form (either language)."""
    page.goto("/admin/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", EDITOR_PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in|Logga in")).click()
    page.wait_for_url(re.compile(r"/admin/$"))


@pytest.fixture(scope="session")
def axe_source() -> str:
    return AXE_SOURCE.read_text(encoding="utf-8")


def run_axe(page, source: str) -> list[dict]:
    """axe-core's WCAG 2.0/2.1 A and AA violations on the page as it is now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(source)
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary})),
            }));
        }""",
        WCAG_TAGS,
    )


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['summary']}")
    return "\n".join(lines)
