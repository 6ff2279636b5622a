"""Glossary tooltips for Chinese text: each term becomes a link to its glossary
entry, with its one-sentence definition on hover.

The English pages get theirs from the abbr extension (hooks/glossary_links.py
links them). That extension finds a term only between word boundaries, and
Chinese has none between words ("镜像层是" is one run of word characters), so
it never matches a Chinese term. This tree processor matches the Chinese names
anywhere in running text, longest first, and writes the same HTML the English
pages have: <a class="glossary-link"><abbr title="…">…</abbr></a>, on a term's
first use in a page only (Chinese text weighs about a third more than English
after compression, and each tooltip repeats its definition: every use would
take a long page over the weight budget).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

# Text inside these is code, a control, or a heading (whose id and table of
# contents entry stay plain): no tooltip there.
SKIP = {"code", "pre", "kbd", "a", "abbr", "summary", "script", "style"} | {
    f"h{n}" for n in range(1, 7)
}


class _Tooltips(Treeprocessor):
    def __init__(self, md, names: dict[str, tuple[str, str]], href: Callable[[str], str | None]):
        super().__init__(md)
        self.names = names
        self.href = href
        ordered = sorted(names, key=len, reverse=True)
        self.pattern = re.compile("|".join(map(re.escape, ordered))) if names else None

    def run(self, root: etree.Element) -> None:
        self.seen: set[str] = set()  # the terms linked so far on this page
        if self.pattern is not None:
            self._walk(root)

    def _walk(self, el: etree.Element) -> None:
        # In document order (the first use of a term gets the tooltip): the
        # element's text, then each child and the text after it. The links
        # made are not walked again.
        children = list(el)
        if el.text and not isinstance(el.text, AtomicString):
            el.text, made = self._split(el.text)
            for i, node in enumerate(made):
                el.insert(i, node)
        for child in children:
            if child.tag not in SKIP:
                self._walk(child)
            self._tail(el, child)

    def _tail(self, parent: etree.Element, child: etree.Element) -> None:
        if child.tail and not isinstance(child.tail, AtomicString):
            child.tail, made = self._split(child.tail)
            at = list(parent).index(child) + 1
            for i, node in enumerate(made):
                parent.insert(at + i, node)

    def _split(self, text: str) -> tuple[str, list[etree.Element]]:
        """The text before the first term, and a link for each term with the
        text that follows it as its tail."""
        made: list[etree.Element] = []
        head, last = text, 0
        for match in self.pattern.finditer(text):
            term_id, tip = self.names[match[0]]
            href = self.href(term_id)
            if href is None or term_id in self.seen:
                continue
            self.seen.add(term_id)
            if not made:
                head = text[: match.start()]
            else:
                made[-1].tail = text[last : match.start()]
            link = etree.Element("a", {"href": href, "class": "glossary-link"})
            abbr = etree.SubElement(link, "abbr", {"title": tip})
            abbr.text = AtomicString(match[0])
            made.append(link)
            last = match.end()
        if made:
            made[-1].tail = text[last:]
        return head, made


class TermTooltipsExtension(Extension):
    """`names`: each Chinese name -> (glossary id, definition); `href`: the
    link to a glossary id from the page being rendered, or None for no link
    (the entry itself, on the glossary page)."""

    def __init__(self, names: dict[str, tuple[str, str]], href: Callable[[str], str | None]):
        super().__init__()
        self.names, self.href = names, href

    def extendMarkdown(self, md):
        # Where abbr (7) runs, before glossary_links (6) and toc (5).
        md.treeprocessors.register(_Tooltips(md, self.names, self.href), "cjk_terms", 6.5)
