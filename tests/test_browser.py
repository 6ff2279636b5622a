"""The reader's experience in headless Chromium, against the built site on localhost.

Pages and glossary terms are read from the built site, so these tests follow the
content as it grows. A failing test leaves screenshots of the pages it had open
(tests/support/browser.py).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from support.browser import DESKTOP, PHONE, SCHEMES, open_page, search

from docsite.browser.pageload import BUDGET_KB, cold_view
from docsite.paths import ROOT

pytestmark = pytest.mark.browser

BUDGET = BUDGET_KB * 1024  # gzip bytes on a cold view of any page
# Pages allowed over it, each with the ceiling it may not grow past (KB): none
# now. A page listed here that comes under the budget fails the test until it
# leaves, so a ceiling can only come down.
OVER_BUDGET: dict[str, float] = {}

# Glossary ids the site's issue names; the glossary may define more, and every one
# it defines is searched for.
REQUIRED_TERMS = [
    "image", "container", "layer", "writable-layer", "copy-on-write",
    "union-filesystem", "whiteout", "base-image", "dockerfile", "tag", "digest",
    "image-id", "volume", "commit", "dangling-image", "created", "running",
    "paused", "restarting", "exited", "removing", "dead",
]  # fmt: skip

ODD_QUERIES = [
    "!?.,;-()[]{}<>/\\|@#$%&=+_",
    ("layer " * 100)[:500],
    "🐳📦🚀",
    "容器 镜像 コンテナ",
    "*",
    "~",
    "^",
    ":",
    '"',
]


def mermaid_fences() -> dict[str, int]:
    """Page path -> number of Mermaid fences in its Markdown source."""
    counts = {}
    for source in (ROOT / "docs").rglob("*.md"):
        rel = source.relative_to(ROOT / "docs").with_suffix("")
        path = "" if rel.as_posix() == "index" else rel.as_posix() + "/"
        path = path.removesuffix("index/")
        counts[path] = len(re.findall(r"^\s*(?:```|~~~)\s*mermaid\b", source.read_text(), re.M))
    return counts


# Outermost SVGs in the article that are not icons, and <img> SVGs; for each its
# size, visibility and whether an unrendered Mermaid source is left on the page.
_DIAGRAMS = """
() => {
  const icons = ".twemoji, .md-icon, button, .md-annotation, .headerlink";
  const all = [...document.querySelectorAll("article svg, article img[src$='.svg']")]
    .filter(el => !el.parentElement.closest("svg") && !el.closest(icons));
  return {
    unrendered: document.querySelectorAll(
      "article pre.mermaid, article code.language-mermaid, article div.mermaid:not(:has(svg))"
    ).length,
    diagrams: all.map(el => {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return {
        label: el.getAttribute("aria-label") || el.id || el.outerHTML.slice(0, 60),
        width: box.width, height: box.height,
        visible: style.visibility !== "hidden" && style.display !== "none",
      };
    }),
  };
}
"""


def check_diagrams(page, expected: int) -> list[str]:
    found = page.evaluate(_DIAGRAMS)
    problems = []
    if found["unrendered"]:
        problems.append(f"{found['unrendered']} Mermaid source(s) left unrendered")
    if len(found["diagrams"]) < expected:
        problems.append(
            f"{expected} Mermaid fence(s) in the source, {len(found['diagrams'])} SVG(s)"
        )
    for diagram in found["diagrams"]:
        if not (diagram["visible"] and diagram["width"] > 0 and diagram["height"] > 0):
            problems.append(f"diagram not visible: {diagram}")
    return problems


def result_titles(page, first: int) -> list[str]:
    """The page titles of the first `first` search results, lower-case."""
    return page.evaluate(
        """(first) => [...document.querySelectorAll('.md-search-result__item h1')]
             .slice(0, first)
             .map(h1 => h1.textContent.trim().toLowerCase())""",
        first,
    )


def result_links(page, first: int) -> list[str]:
    """Every link (page and headings) of the first `first` search results."""
    return page.evaluate(
        """(first) => [...document.querySelectorAll('.md-search-result__item')]
             .slice(0, first)
             .flatMap(item => [...item.querySelectorAll('a')].map(a => a.href))""",
        first,
    )


# ------------------------------------------------------------------ 1. search
@pytest.fixture(scope="session")
def glossary(browser, site_url) -> dict[str, str]:
    """id -> term, from the glossary's headings (and definition terms) with an id."""
    page = browser.new_page()
    try:
        response = page.goto(site_url + "glossary/")
        assert response.ok, f"glossary/ answered {response.status}"
        terms = page.evaluate(
            """() => Object.fromEntries(
                 [...document.querySelectorAll(
                    'article :is(h2, h3, h4)[id], article dt[id]')]
                 .map(el => [el.id, el.textContent.replace('¶', '').trim()]))"""
        )
    finally:
        page.close()
    return terms


def test_glossary_defines_the_terms_readers_search_for(glossary):
    missing = [term for term in REQUIRED_TERMS if term not in glossary]
    assert not missing, f"glossary has no heading with id: {missing}"


def test_search_finds_every_glossary_term(watch, site_url, glossary):
    assert glossary, "the glossary defines no term (no heading with an id)"
    context = watch()
    page = context.page()
    open_page(page, site_url)
    misses = []
    for term_id, term in glossary.items():
        summary = search(page, term)
        links = result_links(page, 3)
        wanted = f"{urlsplit(site_url).path}glossary/#{term_id}"
        hits = [u for u in links if urlsplit(u).path + "#" + urlsplit(u).fragment == wanted]
        # "Image" and "Container" are on every page, so their glossary entries
        # rank low; a page named after the term ("Images") is its definition
        # in depth and counts too.
        named = {term.lower(), f"{term}s".lower()} & set(result_titles(page, 3))
        if not hits and not named:
            misses.append(f"{term!r}: {summary}; first results: {links[:4]}")
    assert not misses, "glossary entry not in the first three results:\n" + "\n".join(misses)
    assert not context.errors, context.errors


def test_odd_queries_raise_no_error_and_leave_search_usable(watch, site_url):
    context = watch()
    page = context.page()
    open_page(page, site_url)
    broken = []
    for query in ODD_QUERIES:
        search(page, query)
        if context.errors:
            broken.append(f"{query[:20]!r}: {context.errors}")
            context.errors.clear()
        summary = search(page, "container")
        if not page.locator(".md-search-result__item").count():
            broken.append(f"after {query[:20]!r}, 'container' finds nothing: {summary}")
    assert not broken, "\n".join(broken)


# ------------------------------------------------------------------ 2. every page
def test_every_page_loads_cleanly_from_this_origin_only(watch, site_url, pages):
    context = watch()
    page = context.page()
    problems = []
    for path in pages:
        response = open_page(page, site_url + path)
        if not response.ok:
            problems.append(f"/{path}: HTTP {response.status}")
        problems += [f"/{path}: {error}" for error in context.errors]
        problems += [f"/{path}: request to another origin: {url}" for url in context.foreign]
        context.errors.clear()
        context.foreign.clear()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_every_diagram_is_a_visible_svg(watch, site_url, pages, javascript):
    fences = mermaid_fences()
    page = watch(java_script_enabled=javascript).page()
    problems = []
    for path in pages:
        open_page(page, site_url + path)
        problems += [f"/{path}: {p}" for p in check_diagrams(page, fences.get(path, 0))]
    assert not problems, "\n".join(problems)


_HEADINGS = """
() => [...document.querySelectorAll('article :is(h1, h2, h3, h4, h5, h6)')].map(h => ({
  id: h.id,
  text: h.textContent.replace('¶', '').trim(),
  // Material's instant navigation makes every href absolute, so compare the parts.
  permalink: !!h.id && [...h.querySelectorAll("a.headerlink")].some(a =>
    a.pathname === location.pathname && a.hash === "#" + h.id),
}))
"""

# True when the heading is inside the viewport and not covered (by the sticky header).
_IN_VIEW = """
(id) => {
  const h = document.getElementById(id);
  if (!h) return false;
  const box = h.getBoundingClientRect();
  if (box.top < 0 || box.bottom > innerHeight) return false;
  const hit = document.elementFromPoint(box.left + 4, box.top + box.height / 2);
  return !!hit && (hit === h || h.contains(hit));
}
"""


def test_every_heading_has_a_permalink_that_scrolls_into_view(watch, site_url, pages):
    page = watch().page()
    problems = []
    for path in pages:
        open_page(page, site_url + path)
        headings = page.evaluate(_HEADINGS)
        for heading in headings:
            if not heading["permalink"]:
                problems.append(f"/{path}: heading without permalink: {heading['text']!r}")
        for heading in headings:
            if not heading["id"] or heading["id"] == headings[0]["id"]:
                continue  # the page title is at the top anyway
            # A fresh load at the anchor, as when a reader follows a link from a wiki.
            page.goto("about:blank")
            open_page(page, f"{site_url}{path}#{heading['id']}")
            if not page.evaluate(_IN_VIEW, heading["id"]):
                problems.append(f"/{path}#{heading['id']}: not in view after opening")
    assert not problems, "\n".join(problems)


# The ¶ of a heading: colour against the page, and its box.
_PERMALINK = """
(id) => {
  const a = document.querySelector(`#${id} a.headerlink`);
  const rgb = c => c.match(/[\\d.]+/g).map(Number);
  const [r, g, b, alpha = 1] = rgb(getComputedStyle(a).color);
  let bg = [255, 255, 255];
  for (let el = a; el; el = el.parentElement) {
    const c = rgb(getComputedStyle(el).backgroundColor);
    if ((c[3] ?? 1) > 0) { bg = c.slice(0, 3); break; }
  }
  const mix = [r, g, b].map((v, i) => v * alpha + bg[i] * (1 - alpha));
  const lum = c => {
    const [R, G, B] = c.map(v => v / 255)
      .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const [hi, lo] = [lum(mix), lum(bg)].sort((x, y) => y - x);
  const box = a.getBoundingClientRect();
  return {contrast: (hi + 0.05) / (lo + 0.05), width: box.width, height: box.height,
          opacity: Number(getComputedStyle(a).opacity)};
}
"""


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_section_link_is_visible_copies_and_says_so_without_reloading(browser, site_url, scheme):
    context = browser.new_context(
        viewport=PHONE, color_scheme=scheme, permissions=["clipboard-read", "clipboard-write"]
    )
    page = context.new_page()
    open_page(page, site_url + "lifecycle/")
    mark = page.evaluate(_PERMALINK, "keeping-data")
    assert mark["opacity"] == 1 and mark["contrast"] >= 3, mark
    assert mark["width"] >= 24 and mark["height"] >= 24, mark
    documents = []
    page.on("request", lambda r: documents.append(r.url) if "lifecycle" in r.url else None)
    page.locator("#keeping-data a.headerlink").click()
    page.locator("#keeping-data a.headerlink[data-copied]").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    context.close()
    assert copied == site_url + "lifecycle/#keeping-data"
    assert not documents, f"the page was fetched again: {documents}"


def test_every_exercise_has_an_anchor_that_opens_it(watch, site_url, pages):
    page = watch(viewport=DESKTOP).page()
    problems, seen = [], 0
    for path in pages:
        open_page(page, site_url + path)
        ids = page.eval_on_selector_all(
            "article details.question",
            "ds => ds.map(d => d.id && d.previousElementSibling"
            "  && d.previousElementSibling.matches(`a.headerlink[href$='#${d.id}']`) ? d.id : '')",
        )
        seen += len(ids)
        problems += [f"/{path}: an exercise without an id and link mark" for i in ids if not i]
        for found in filter(None, ids):
            page.goto("about:blank")
            open_page(page, f"{site_url}{path}#{found}")
            if not page.evaluate(f"document.getElementById('{found}').open"):
                problems.append(f"/{path}#{found}: closed after opening its address")
    assert seen >= 12, f"only {seen} exercises found: did the markup change?"
    # The question shows the commands (the answer, their output).
    open_page(page, site_url + "containers/")
    shown = page.eval_on_selector_all(
        "article details.question",
        "ds => ds.map(d => d.previousElementSibling.previousElementSibling)"
        ".map(b => !!b && b.matches('.language-console') && !b.querySelector('.go:not(.note)'))",
    )
    assert shown and all(shown), f"an exercise without its commands above it: {shown}"
    assert not problems, "\n".join(problems)


# ------------------------------------------------------------------ 3. accessibility
@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_serious_accessibility_violation(watch, site_url, pages, scheme):
    page = watch(color_scheme=scheme, viewport=DESKTOP).page()
    axe = Axe()
    problems = []
    for path in pages:
        open_page(page, site_url + path)
        palette = page.evaluate("document.body.dataset.mdColorScheme")
        assert palette == SCHEMES[scheme], f"/{path}: palette {palette} in {scheme} mode"
        for violation in axe.run(page).response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                targets = [node["target"] for node in violation["nodes"]][:5]
                problems.append(
                    f"/{path} [{scheme}] {violation['impact']} {violation['id']}: "
                    f"{violation['help']} at {targets}"
                )
    assert not problems, "\n".join(problems)


# ------------------------------------------------------------------ 4. small screens
# Elements that stick out of the viewport without a scrolling (or clipping)
# ancestor that itself fits: those make the page scroll sideways or cut text off.
_OVERFLOW = """
() => {
  const width = document.documentElement.clientWidth;
  const fits = el => { const b = el.getBoundingClientRect();
                       return b.left >= -1 && b.right <= width + 1; };
  const scrolls = el => /auto|scroll|hidden|clip/.test(getComputedStyle(el).overflowX);
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height || fits(el)) continue;
    let up = el.parentElement, contained = false;
    while (up && up !== document.body) {
      if (scrolls(up) && fits(up)) { contained = true; break; }
      up = up.parentElement;
    }
    if (!contained && !el.closest('.md-sidebar, .md-search, [hidden]'))
      out.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''));
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, out: out.slice(0, 5)};
}
"""


def test_no_page_scrolls_sideways_at_375px(watch, site_url, pages):
    page = watch(viewport=PHONE).page()
    problems = []
    for path in pages:
        open_page(page, site_url + path)
        found = page.evaluate(_OVERFLOW)
        if found["scrollWidth"] > found["width"] or found["out"]:
            problems.append(f"/{path}: {found}")
    assert not problems, "\n".join(problems)


# True when the element is what a tap at its centre reaches (not covered, not
# slid out of the drawer).
_ON_TOP = """
(el) => {
  const box = el.getBoundingClientRect();
  if (!box.width || box.left < 0 || box.right > innerWidth) return false;
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return !!hit && (hit === el || el.contains(hit));
}
"""


@pytest.mark.parametrize("edition", ["", "zh/"], ids=["en", "zh"])
def test_navigation_drawer_reaches_every_page_at_375px(watch, site_url, pages, edition):
    # Each edition's drawer lists that edition's pages.
    others = [e for e in ("zh/",) if e != edition]
    pages = [p for p in pages if p.startswith(edition) and not p.startswith(tuple(others))]
    page = watch(viewport=PHONE).page()
    open_page(page, site_url + pages[-1])  # start elsewhere than the first target
    problems = []
    for path in pages:
        wanted = site_url + path
        page.locator('label.md-header__button[for="__drawer"]').click()
        drawer = page.locator(".md-sidebar--primary")
        drawer.wait_for(state="visible")
        links = drawer.locator("a.md-nav__link[href]")
        hrefs = links.evaluate_all("links => links.map(a => a.href.split('#')[0])")
        if wanted not in hrefs:
            problems.append(f"/{path}: no link in the drawer")
            open_page(page, wanted)
            continue
        link = links.nth(hrefs.index(wanted))
        # The nav is grouped (Learn, Going further, Reference): on a phone the
        # drawer opens at the current page's group; a reader goes back up to
        # the top level, then into the group that holds the page.
        page.wait_for_timeout(400)  # the drawer slides in
        for _ in range(3):
            if link.evaluate(_ON_TOP):
                break
            back = drawer.locator("label.md-nav__title[for^='__nav_']")
            shown = [i for i in range(back.count()) if back.nth(i).evaluate(_ON_TOP)]
            if shown:
                back.nth(shown[0]).click()  # the back arrow of the open group
            else:
                group = link.evaluate(
                    "a => a.closest('li.md-nav__item--nested')"
                    ".querySelector(':scope > label.md-nav__link').htmlFor"
                )
                drawer.locator(f"label.md-nav__link[for='{group}']").click()
            page.wait_for_timeout(400)  # the drawer slides
        link.click()  # fails if hidden or covered
        page.wait_for_url(wanted)
        page.wait_for_load_state("networkidle")
    assert not problems, "\n".join(problems)


# ------------------------------------------------------------------ 5. 404
@pytest.mark.parametrize("missing", ["no-such-page/", "deep/er/gone.html"])
def test_unknown_url_gets_the_404_page_with_search(watch, site_url, pages, missing):
    context = watch()
    page = context.page()
    response = open_page(page, site_url + missing)
    assert response.status == 404
    assert "404" in page.locator("article h1").inner_text()
    # Its styles and scripts load from the site root even at a deep path.
    assert page.locator("header.md-header").is_visible()
    summary = search(page, "container")
    assert page.locator(".md-search-result__item").count(), summary
    # The one expected error is Chromium's note about the 404 answer itself.
    errors = [e for e in context.errors if "404 (Not Found)" not in e]
    assert not errors and not context.foreign, (errors, context.foreign)


# ------------------------------------------------------------------ page weight
def test_every_page_is_within_the_byte_budget_on_a_cold_view(browser, site_url, pages):
    # Bytes only: requests to other origins fail the test above.
    views = {path: cold_view(browser, site_url + path) for path in pages}
    over, under = [], []
    for path, view in views.items():
        limit = OVER_BUDGET.get(path, BUDGET / 1024)
        if view.gzip_bytes / 1024 > limit:
            over.append(f"/{path}: {view.gzip_bytes / 1024:.1f} KB, over {limit} KB")
        if path in OVER_BUDGET and view.gzip_bytes <= BUDGET:
            under.append(f"/{path} is within {BUDGET // 1024} KB now: take it off OVER_BUDGET")
    assert not over, "too heavy on a cold view (gzip):\n" + "\n".join(over)
    assert not under, "\n".join(under)


def _search_requests(requested: list[str]) -> list[str]:
    return [p for p in requested if p.endswith("/search/search_index.json") or "/workers/" in p]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "375px"])
def test_search_loads_when_the_reader_opens_it(watch, site_url, viewport):
    # javascripts/lazy-search-index.js keeps the index and the search worker out
    # of a cold view (the byte budget above) and loads them on first use.
    context = watch(viewport=viewport)
    page = context.page()
    requested = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    open_page(page, site_url + "images/")
    assert not _search_requests(requested), "a cold view loaded search"
    if viewport is DESKTOP:
        page.keyboard.press("/")  # Material's shortcut focuses the search box
    summary = search(page, "writable layer")  # on a phone: taps the search icon
    assert len(_search_requests(requested)) == 2, requested
    assert page.locator(".md-search-result__item").count(), summary
    # A shared search link (search.share) shows its results straight away.
    open_page(page, site_url + "?q=whiteout")
    page.locator(".md-search-result__item").first.wait_for()
    assert not context.errors, context.errors
