"""Measure a page's first view in the browser: bytes transferred, other hosts, blocking scripts.

    .venv/bin/python -m tests.e2e.measure_weight [SERVER] [--path PATH]

SERVER defaults to http://127.0.0.1:8000 (`make run`), PATH to the child-trafficking theme.
Counts what a first visit with an empty cache transfers: the HTML, style sheets, scripts and
fonts, headers included; content images are left out (an editor's choice, not the frame's).
Needs Debian's chromium at /usr/bin/chromium and the Python package playwright.
"""

from __future__ import annotations

import argparse
import sys
from urllib.parse import urlsplit

DEFAULT_SERVER = "http://127.0.0.1:8000"
DEFAULT_PATH = "/sv/vald/teman/manniskohandel-med-barn/"
BUDGET_BYTES = 100 * 1024

CHROMIUM = "/usr/bin/chromium"
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

# Resource Timing, read in the page once it has loaded.
ENTRIES_JS = """() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource').map(e => ({
        url: e.name, initiator: e.initiatorType, bytes: e.transferSize,
        blocking: e.renderBlockingStatus || '',
    }));
    return {
        html: {url: nav.name, bytes: nav.transferSize},
        resources,
        headScripts: Array.from(
            document.querySelectorAll('head script[src]:not([async]):not([defer]):not([type=module])'),
            s => s.src),
    };
}"""

KINDS = {"css": "css", "link": "css", "script": "js", "font": "font"}
FONT_SUFFIXES = (".woff2", ".woff", ".ttf", ".otf")


def kind_of(entry: dict) -> str:
    path = urlsplit(entry["url"]).path.lower()
    if path.endswith(FONT_SUFFIXES):
        return "font"
    if path.endswith(".css"):
        return "css"
    if path.endswith(".js"):
        return "js"
    if entry["initiator"] in ("img", "image") or path.endswith(
        (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif")
    ):
        return "image"
    return KINDS.get(entry["initiator"], "other")


def measure(browser, url: str) -> dict:
    """The first view of `url` in a fresh context (empty cache)."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    try:
        page.goto(url, wait_until="load")
        page.wait_for_timeout(200)
        data = page.evaluate(ENTRIES_JS)
    finally:
        context.close()
    totals = {"html": data["html"]["bytes"], "css": 0, "js": 0, "font": 0, "other": 0}
    images = 0
    for entry in data["resources"]:
        kind = kind_of(entry)
        if kind == "image":
            images += entry["bytes"]
        else:
            totals[kind] += entry["bytes"]
    other_hosts = sorted(
        {
            "{0.scheme}://{0.netloc}".format(urlsplit(u))
            for u in requested
            if u.startswith(("http:", "https:")) and not u.startswith(origin)
        }
    )
    blocking = sorted(
        {e["url"] for e in data["resources"] if kind_of(e) == "js" and e["blocking"] == "blocking"}
        | set(data["headScripts"])
    )
    return {
        "url": url,
        "bytes": sum(totals.values()),
        "by_kind": totals,
        "images_excluded": images,
        "requests": 1 + len(data["resources"]),
        "other_hosts": other_hosts,
        "render_blocking_scripts": blocking,
    }


def report(result: dict) -> str:
    kb = result["bytes"] / 1024
    lines = [
        f"First view of {result['url']}",
        f"  transferred: {result['bytes']} bytes = {kb:.1f} KB (budget {BUDGET_BYTES // 1024} KB)",
    ]
    lines += [f"    {kind}: {size} bytes" for kind, size in result["by_kind"].items()]
    lines += [
        f"  content images (not counted): {result['images_excluded']} bytes",
        f"  requests: {result['requests']}",
        f"  requests to other hosts: {len(result['other_hosts'])} {result['other_hosts'] or ''}",
        f"  render-blocking scripts: {len(result['render_blocking_scripts'])} "
        f"{result['render_blocking_scripts'] or ''}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("server", nargs="?", default=DEFAULT_SERVER)
    parser.add_argument("--path", default=DEFAULT_PATH)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            result = measure(browser, args.server.rstrip("/") + args.path)
        finally:
            browser.close()
    print(report(result))
    within = (
        result["bytes"] <= BUDGET_BYTES
        and not result["other_hosts"]
        and not result["render_blocking_scripts"]
    )
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
