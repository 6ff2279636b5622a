"""One cold page view in Chromium, measured: requests, bytes, timings.

Shared by the page-weight test (tests/test_browser.py) and
benchmarks/page_weight.py, so the budget the test enforces and the numbers the
benchmark prints are counted the same way.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from urllib.parse import urlsplit

# The most a cold view of any page may weigh, gzip KB (the test enforces it; the
# benchmark reports against it).
BUDGET_KB = 85

# Run in the page: put `query` in the search box, fire the keyup Material listens
# to, resolve with the milliseconds until the first result row is in the DOM
# (null after 10 s without one). With `clear`, first empty the box and wait until
# the previous results are gone, so that they cannot count for this query.
_SEARCH_TIMER = """
([query, clear]) => new Promise(resolve => {
  const input = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  if (!input || !list) return resolve(null);
  const type = (value, key) => {
    input.value = value;
    input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true, key}));
  };
  const time = () => {
    let start;
    const done = value => { observer.disconnect(); resolve(value); };
    const observer = new MutationObserver(() => {
      if (list.querySelector("li")) done(performance.now() - start);
    });
    observer.observe(list, {childList: true, subtree: true});
    setTimeout(() => done(null), 10000);
    input.focus();
    start = performance.now();
    type(query, "a");
  };
  if (!clear) return time();
  type("", "Backspace");
  const waitEmpty = () => (list.querySelector("li") ? setTimeout(waitEmpty, 10) : time());
  waitEmpty();
})
"""


def gzip_size(body: bytes) -> int:
    """Bytes on the wire: gzip level 6, or raw when that is smaller (woff2, png)."""
    return min(len(body), len(gzip.compress(body, compresslevel=6)))


@dataclass
class View:
    url: str
    requests: int = 0
    foreign: list[str] = field(default_factory=list)  # other-origin request URLs
    standins: list[str] = field(default_factory=list)  # foreign ones answered locally
    failed: list[str] = field(default_factory=list)
    gzip_bytes: int = 0
    dom_content_loaded_ms: float = 0.0
    search_ms: float | None = None
    # A second query once search is open: what every later query costs.
    next_search_ms: float | None = None
    resources: list[tuple[str, int]] = field(default_factory=list)  # (url, gzip bytes)
    # What the first search added (this site loads the search index and worker
    # only then); gzip_bytes and resources are the cold view before it.
    search_gzip_bytes: int = 0
    search_resources: list[tuple[str, int]] = field(default_factory=list)


def _body(request) -> bytes:
    response = request.response()
    try:
        return response.body() if response else b""
    except Exception:  # a body Chromium did not keep (a redirect): no bytes
        return b""


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def cold_view(browser, url: str, *, standins=None, search: str | None = None) -> View:
    """Open `url` in a fresh context (empty cache) and wait until the network is idle.

    standins: {url prefix: (content type, body)}; a request to another origin
    whose URL starts with a prefix is answered with that body (this machine has
    no internet), every other one is aborted. Either way it is counted.
    """
    view = View(url)
    home = origin(url)
    standins = standins or {}
    context = browser.new_context()
    finished = []  # bodies are read once the page is idle, not inside event handlers

    def route(route):
        request_url = route.request.url
        if origin(request_url) == home or request_url.startswith(("data:", "blob:")):
            return route.continue_()
        view.foreign.append(request_url)
        for prefix, (content_type, body) in standins.items():
            if request_url.startswith(prefix):
                view.standins.append(request_url)
                return route.fulfill(status=200, content_type=content_type, body=body)
        return route.abort()

    context.route("**/*", route)
    context.on("request", lambda request: setattr(view, "requests", view.requests + 1))
    context.on("requestfinished", lambda request: finished.append(request))
    context.on("requestfailed", lambda request: view.failed.append(request.url))
    try:
        page = context.new_page()
        page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")
        view.dom_content_loaded_ms = page.evaluate(
            "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"
        )
        view.resources = [(r.url, gzip_size(_body(r))) for r in finished]
        view.gzip_bytes = sum(size for _, size in view.resources)
        if search:
            before = len(finished)
            view.search_ms = page.evaluate(_SEARCH_TIMER, [search, False])
            page.wait_for_load_state("networkidle")
            view.search_resources = [(r.url, gzip_size(_body(r))) for r in finished[before:]]
            view.search_gzip_bytes = sum(size for _, size in view.search_resources)
            # A second query once search is open: what every later query costs.
            view.next_search_ms = page.evaluate(_SEARCH_TIMER, ["container", True])
    finally:
        context.close()
    return view
