"""What the browser tests share: viewports, a watched browser context, the site's
pages, opening a page and searching it.

A watched context records console errors, page errors and every request to
another origin (which it blocks). When a test fails, each page it had open is
saved as a screenshot in $SCREENSHOTS_DIR (default test-artifacts/screenshots/),
which CI uploads; a passing run writes none.
"""

from __future__ import annotations

import os
import re

import pytest

from docsite.browser.pageload import origin
from docsite.browser.search import search  # noqa: F401 - shared with the tests
from docsite.paths import ROOT

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 812}
SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's


class Watch:
    """A browser context that records console errors, page errors and every
    request to another origin (which it blocks)."""

    def __init__(self, browser, site_url: str, **options):
        self.home = origin(site_url)
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.opened: list = []
        self.context = browser.new_context(**options)
        self.context.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        if origin(url) == self.home or url.startswith(("data:", "blob:")):
            return route.continue_()
        self.foreign.append(url)
        return route.abort()

    def _console(self, message):
        # A request this context blocked is reported as a foreign request; Chromium's
        # "Failed to load resource" for it would only say the same thing twice.
        if message.type == "error" and message.location.get("url") not in self.foreign:
            self.errors.append(f"console: {message.text}")

    def page(self):
        page = self.context.new_page()
        self.opened.append(page)
        page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        page.on("console", self._console)
        return page

    def close(self):
        self.context.close()


@pytest.fixture
def watch(browser, site_url, request):
    opened = []

    def open_context(**options) -> Watch:
        opened.append(Watch(browser, site_url, **options))
        return opened[-1]

    yield open_context
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        screenshots(request.node.name, [page for one in opened for page in one.opened])
    for one in opened:
        one.close()


def screenshots(test: str, pages: list) -> None:
    """Each page a failed test had open, as it was left."""
    folder = os.environ.get("SCREENSHOTS_DIR", ROOT / "test-artifacts" / "screenshots")
    os.makedirs(folder, exist_ok=True)
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", test)
    for number, page in enumerate(pages, start=1):
        if not page.is_closed():
            page.screenshot(path=os.path.join(folder, f"{name}-{number}.png"), full_page=True)


@pytest.fixture(scope="session")
def pages(built_site) -> list[str]:
    """Every page as a path below the site root: '', 'images/', ... (not 404)."""
    found = sorted(
        path.parent.relative_to(built_site).as_posix()
        for path in built_site.rglob("index.html")
        if path.relative_to(built_site).parts[0] not in ("assets", "search")
    )
    assert found, "the built site has no pages"
    return ["" if p == "." else p + "/" for p in found]


def open_page(page, url: str):
    response = page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    return response
