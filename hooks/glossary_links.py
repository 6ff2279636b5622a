"""Turn every glossary abbreviation into a link to its glossary entry.

pymdownx.snippets appends snippets/glossary/abbreviations.md to every page, and
the abbr extension marks each term found in the text with <abbr title="...">,
which Material's content.tooltips feature shows on hover. Python-Markdown has no
way to make that <abbr> a link, so this hook adds a small tree processor that
runs right after abbr (priority 7) and before toc (5):

- an <abbr> in running text is wrapped in <a href="glossary.md#id">; MkDocs then
  rewrites that link per page and, under --strict, fails on an unknown anchor;
- an <abbr> inside a heading is unwrapped to plain text, so headings, their ids
  and the table of contents stay clean;
- an <abbr> already inside a link, or inside a <summary> (a control of its
  own), keeps its tooltip and gets no link;
- on the glossary page an entry does not link to itself.

A term finds its entry through the glossary's own headings
("## Writable layer { #writable-layer }"): the heading text, or each part of a
heading such as "Manifest list / image index", matched case-insensitively, with
a plural "s" allowed. A term with no entry is a build warning (an error under
--strict), so the two files cannot drift apart.
"""

from __future__ import annotations

import logging
import posixpath
import xml.etree.ElementTree as etree
from pathlib import Path

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from docsite.markdown import glossary_terms

log = logging.getLogger("mkdocs.hooks.glossary_links")

GLOSSARY = "glossary.md"
HEADINGS = {f"h{n}" for n in range(1, 7)}

_terms: dict[str, str] = {}  # lower-case term -> glossary id
_page_src = ""  # the page being rendered (MkDocs renders one page at a time)
_unknown: set[str] = set()


def lookup(term: str) -> str | None:
    return glossary_terms.lookup(_terms, term)


class _GlossaryLinks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        here = _page_src
        href_base = posixpath.relpath(GLOSSARY, posixpath.dirname(here) or ".")
        section = None  # the glossary entry we are in, on the glossary page
        for child in list(root):
            if child.tag in HEADINGS and child.get("id"):
                section = child.get("id")
            own = section if here == GLOSSARY else None
            self._walk(child, root, inside_link=False, own=own, href_base=href_base)

    def _walk(self, el, parent, inside_link, own, href_base):
        if el.tag in HEADINGS:
            _unwrap_abbrs(el)
            return
        if el.tag == "abbr" and not inside_link:
            target = lookup(el.text or "")
            if target is None:
                if el.text not in _unknown:
                    _unknown.add(el.text)
                    log.warning(
                        "glossary_links: the abbreviation '%s' has no glossary entry; "
                        "add a heading for it to docs/glossary.md or remove it from "
                        "snippets/glossary/abbreviations.md",
                        el.text,
                    )
            elif target != own:
                _wrap(el, parent, f"{href_base}#{target}")
            return
        for child in list(el):
            # A <summary> is a control itself: a link inside it would be a
            # control inside a control (axe: nested-interactive).
            self._walk(child, el, inside_link or el.tag in ("a", "summary"), own, href_base)


def _wrap(abbr, parent, href):
    link = etree.Element("a", {"href": href, "class": "glossary-link"})
    index = list(parent).index(abbr)
    parent.remove(abbr)
    link.tail, abbr.tail = abbr.tail, None
    link.append(abbr)
    parent.insert(index, link)


def _unwrap_abbrs(el):
    """Replace each <abbr> below `el` by its text, keeping text order."""
    for parent in list(el.iter()):
        while (abbr := parent.find("abbr")) is not None:
            children = list(parent)
            i = children.index(abbr)
            text = (abbr.text or "") + (abbr.tail or "")
            if i == 0:
                parent.text = (parent.text or "") + text
            else:
                children[i - 1].tail = (children[i - 1].tail or "") + text
            parent.remove(abbr)


class GlossaryLinksExtension(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(_GlossaryLinks(md), "glossary_links", 6)


def on_config(config, **kwargs):
    glossary = Path(config.docs_dir) / GLOSSARY
    _terms.clear()
    _unknown.clear()
    if glossary.is_file():
        _terms.update(glossary_terms.terms(glossary.read_text(encoding="utf-8")))
    config.markdown_extensions.append(GlossaryLinksExtension())
    return config


def on_page_markdown(markdown, page, **kwargs):
    global _page_src
    _page_src = page.file.src_uri
    return markdown
