"""Leave code blocks and content-tab labels out of the search index: a Markdown extension.

Code blocks here are mostly recorded command output (IDs, sizes, statuses) and
example scripts: as search results they are noise that outranks the prose
explaining the same words, and they make up much of the index's size (which a
reader downloads when opening search). Material's search plugin skips any
element with a `data-search-exclude` attribute, so this adds it to every
highlighted block (`<div class="highlight">`). Inline `code` in prose stays
indexed, so a command name such as `docker diff` still finds the text that
explains it.

A Python-Markdown postprocessor (it edits the page's finished HTML, where
SuperFences' blocks are no longer stashed) declared in mkdocs.yml's
markdown_extensions, so any builder that reads that list applies it (a hook
would be skipped by builders that ignore `hooks:`).
"""

from __future__ import annotations

import re

from markdown import Extension
from markdown.postprocessors import Postprocessor

# pymdownx.highlight's block wrapper; the attribute goes right after the tag
# name, whatever attributes (class, id) follow.
_BLOCK = re.compile(r'<div(?=[^>]*\bclass="(?:[^"]*\s)?highlight(?:\s[^"]*)?")')


# pymdownx.tabbed's labels ("Docker CLI", "Python"): as text of the section they
# were run together ("Docker CLIPython") into every result snippet.
_TAB_LABELS = re.compile(r'<div(?=\s+class="tabbed-labels")')


def exclude_code(html: str) -> str:
    html = _BLOCK.sub("<div data-search-exclude", html)
    return _TAB_LABELS.sub("<div data-search-exclude", html)


class _ExcludeCode(Postprocessor):
    def run(self, text: str) -> str:
        return exclude_code(text)


class SearchExcludeCodeExtension(Extension):
    def extendMarkdown(self, md):
        # Priority 0: after the raw-HTML postprocessor (30) has put SuperFences'
        # highlighted blocks back into the text.
        md.postprocessors.register(_ExcludeCode(md), "search_exclude_code", 0)


def makeExtension(**kwargs):  # noqa: N802 - the name Python-Markdown looks for
    return SearchExcludeCodeExtension(**kwargs)
