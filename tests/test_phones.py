"""Reading on a phone (375 px wide), in headless Chromium against the built site:
diagram text big enough to read, with or without JavaScript; wide tables that
keep their first column in view; inline code that does not break inside a flag.

Measured from the rendered page (computed styles and the SVG's own scale), so
these tests follow the diagrams, tables and code as the content grows.
"""

from __future__ import annotations

import pytest
from support.browser import DESKTOP, PHONE, open_page
from support.diagrams import DIAGRAM_TEXT as _DIAGRAM_TEXT
from support.diagrams import FITS as _FITS

pytestmark = pytest.mark.browser

MIN_DIAGRAM_TEXT_PX = 11  # every diagram's text at least 11 px at 375 px


# Each visible <text> of each inline diagram: its font size as drawn on screen,
# i.e. the computed font-size (in the SVG's user units) times the scale from
# those units to CSS pixels (the element's screen matrix: viewBox, width, any
# transform on the way). Empty and hidden text is left out.


def diagram_text(page) -> list[dict]:
    return page.evaluate(_DIAGRAM_TEXT)


@pytest.fixture(scope="module")
def diagram_pages(built_site) -> list[str]:
    """Pages (paths below the site root) whose HTML has an inline diagram."""
    found = []
    for html in sorted(built_site.rglob("index.html")):
        if 'class="diagram"' in html.read_text(encoding="utf-8"):
            rel = html.parent.relative_to(built_site).as_posix()
            found.append("" if rel == "." else rel + "/")
    assert found, "no page with a diagram: the selector or the diagram hook changed"
    return found


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_diagram_text_is_at_least_11px_at_375px_once_tapped(
    browser, site_url, diagram_pages, javascript
):
    context = browser.new_context(
        viewport=PHONE, java_script_enabled=javascript, has_touch=True, is_mobile=True
    )
    page = context.new_page()
    measured, small = [], []
    try:
        for path in diagram_pages:
            open_page(page, site_url + path)
            found = []
            boxes = page.locator("article .diagram")
            for i in range(boxes.count()):
                boxes.nth(i).scroll_into_view_if_needed()
                boxes.nth(i).tap()  # a reader's tap enlarges it (site.css's phones section)
                found += [
                    d
                    for d in diagram_text(page)
                    if d["id"] == boxes.nth(i).evaluate("box => box.querySelector('svg').id")
                ]
            for diagram in found:
                assert diagram["count"], f"/{path} {diagram['id']}: no visible text measured"
                smallest = diagram["smallest"]
                measured.append(f"/{path} {diagram['id']}: {smallest['px']:.1f} px")
                if smallest["px"] < MIN_DIAGRAM_TEXT_PX:
                    small.append(f"/{path} {diagram['id']}: {smallest}")
    finally:
        context.close()
    print("\n".join(measured))  # the figures, for the record (pytest -s)
    assert not small, f"diagram text under {MIN_DIAGRAM_TEXT_PX} px at 375 px:\n" + "\n".join(small)


# Each diagram's width and its box's, as drawn.


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
def test_every_diagram_shows_whole_until_tapped(browser, site_url, diagram_pages, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    cut = []
    try:
        for path in diagram_pages:
            open_page(page, site_url + path)
            cut += [f"/{path} {d['id']}: {d['svg']:.0f} px in a {d['box']} px box"
                    for d in page.evaluate(_FITS) if d["svg"] > d["box"] + 1]  # fmt: skip
    finally:
        context.close()
    assert not cut, "diagrams cut off (wider than their box):\n" + "\n".join(cut)


# Every table that scrolls sideways at this width, scrolled to its right end:
# is each row's first cell still in view at the left, and not covered by the
# cells scrolled under it?
_STICKY = """
() => {
  const out = [];
  for (const table of document.querySelectorAll("article table")) {
    let box = table;
    while (box && !(box.scrollWidth > box.clientWidth + 1
                    && /auto|scroll/.test(getComputedStyle(box).overflowX)))
      box = box.parentElement === document.body ? null : box.parentElement;
    if (!box) continue;  // fits: nothing to keep in view
    box.scrollIntoView({block: "start"});
    box.scrollLeft = box.scrollWidth;
    const left = box.getBoundingClientRect().left;
    const rows = [...table.rows].map(row => {
      const cell = row.cells[0], r = cell.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + 2, r.top + r.height / 2);
      return {text: cell.textContent.trim().slice(0, 30), offset: r.left - left,
              // Another cell of the table drawn over it (the site's header,
              // which covers the top rows, does not count).
              covered: !!hit && table.contains(hit) && !cell.contains(hit)};
    });
    out.push({head: table.rows[0].textContent.trim().slice(0, 40),
              scrolled: box.scrollLeft, rows});
  }
  return out;
}
"""


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_wide_tables_keep_their_first_column_in_view_at_375px(watch, site_url, pages, javascript):
    # With JavaScript Material wraps each table in a scrolling box; without,
    # the table scrolls itself: two different scroll containers for the sticky
    # column, both checked.
    page = watch(viewport=PHONE, java_script_enabled=javascript).page()
    wide, problems = [], []
    for path in pages:
        open_page(page, site_url + path)
        for table in page.evaluate(_STICKY):
            wide.append(f"/{path} {table['head'][:20]!r}")
            for row in table["rows"]:
                # Stuck at the box's left edge, or not yet reached it (a table
                # that scrolls by less than its padding).
                if row["offset"] < -1:
                    problems.append(f"/{path} {table['head']!r}: {row['text']!r} scrolled away")
                elif row["covered"]:
                    problems.append(f"/{path} {table['head']!r}: {row['text']!r} covered")
    # The six-column "what survives what" table is the reason for this test.
    assert any(t.startswith("/lifecycle/ 'What happens") for t in wide), wide
    assert not problems, "\n".join(problems)


# Inline code, word by word: a word drawn on two lines was broken inside it.
# Words are what a shell splits on (runs of non-space); longer ones than
# docsite/markdown/inline_code.py keeps whole may break, so they are left out.
_BROKEN_WORDS = """
(maxWord) => {
  const broken = [];
  let words = 0;
  for (const code of document.querySelectorAll("article code")) {
    if (code.closest("pre")) continue;
    const nodes = [], walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    let text = "";
    while (walker.nextNode()) { nodes.push([walker.currentNode, text.length]);
                                text += walker.currentNode.data; }
    const at = i => { let k = nodes.length - 1; while (nodes[k][1] > i) k--;
                      return [nodes[k][0], i - nodes[k][1]]; };
    for (const m of text.matchAll(/\\S+/g)) {
      if (m[0].length > maxWord) continue;
      words++;
      const range = document.createRange();
      range.setStart(...at(m.index));
      range.setEnd(...at(m.index + m[0].length - 1));
      range.setEnd(range.endContainer, range.endOffset + 1);
      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0)
                              .map(r => Math.round(r.bottom)));
      if (lines.size > 1) broken.push(m[0]);
    }
  }
  return {words, broken};
}
"""
MAX_WORD = 32  # as docsite/markdown/inline_code.py


def test_inline_code_does_not_break_inside_a_word_at_375px(watch, site_url, pages):
    page = watch(viewport=PHONE).page()
    words, problems = 0, []
    for path in pages:
        open_page(page, site_url + path)
        found = page.evaluate(_BROKEN_WORDS, MAX_WORD)
        words += found["words"]
        problems += [f"/{path}: {word!r}" for word in found["broken"]]
    assert words, "no inline code measured: the selector is wrong"
    assert not problems, "inline code broken across lines at 375 px:\n" + "\n".join(problems)
