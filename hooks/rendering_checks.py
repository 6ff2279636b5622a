"""Fail the build on Markdown that rendered into something other than was meant.

Each check looks at a page's HTML, where the fault shows, not at its Markdown,
where several extensions (snippets, footnotes, lists) meet:

- a paragraph that starts with a footnote mark: the mark was left on a line of
  its own, often after an included snippet, and ended the list or paragraph it
  belonged to;
- a paragraph with a line that starts with "- ": list items that became text,
  because something (a snippet, a mark, an unindented line) ended their list;
- a terminal escape character: colour codes in an output shown as text.

A fault is a warning naming the page, so `mkdocs build --strict` fails.
"""

from __future__ import annotations

import logging
import re

log = logging.getLogger("mkdocs.hooks.rendering_checks")

PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
FOOTNOTE_FIRST = re.compile(r"^\s*<sup id=\"fnref")
LIST_IN_TEXT = re.compile(r"\n\s*[-*+] \S")
ESCAPE = re.compile(r"\x1b|&#0*27;|&#x0*1b;", re.I)


def faults(html: str) -> list[str]:
    found = []
    for paragraph in PARAGRAPH.findall(html):
        text = re.sub(r"<[^>]+>", "", paragraph)
        if FOOTNOTE_FIRST.match(paragraph):
            found.append(f"a paragraph starts with a footnote mark: {text[:60]!r}")
        if LIST_IN_TEXT.search(text):
            found.append(f"list items rendered as a paragraph (a broken list): {text[:60]!r}")
    if ESCAPE.search(html):
        at = ESCAPE.search(html).start()
        found.append(f"a terminal escape character: {html[max(0, at - 30) : at + 30]!r}")
    return found


def on_page_content(html, page, config, files):
    for fault in faults(html):
        log.warning("%s: %s", page.file.src_uri, fault)
    return html
