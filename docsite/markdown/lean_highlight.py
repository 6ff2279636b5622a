"""Fewer spans in highlighted code, the same text and colours.

Pygments wraps every run of whitespace in <span class="w">, which no
stylesheet of Material's or ours styles, and the console fence writes one
<span class="go"> per output line (so a hidden output line takes its newline
with it). On the long pages that was 600+ empty-meaning spans and 1–1.4 KB gzip
of each cold view. This unwraps the whitespace spans and joins runs of output
lines into one span, which still carries every newline inside it.

A postprocessor, like docsite.markdown.inline_code: SuperFences' blocks are
stashed until the raw-HTML postprocessor (priority 30) puts them back.
"""

from __future__ import annotations

import re

from markdown import Extension
from markdown.postprocessors import Postprocessor

_WHITESPACE = re.compile(r'<span class="w">(\s*)</span>')
# An output span directly followed by another: its text has no tags.
_OUTPUT_PAIR = re.compile(r'(<span class="go">[^<]*)</span><span class="go">')


def lean(html_text: str) -> str:
    html_text = _WHITESPACE.sub(r"\1", html_text)
    while True:
        joined = _OUTPUT_PAIR.sub(r"\1", html_text)
        if joined == html_text:
            return joined
        html_text = joined


class _Lean(Postprocessor):
    def run(self, text: str) -> str:
        return lean(text)


class LeanHighlightExtension(Extension):
    def extendMarkdown(self, md):
        # After the raw-HTML postprocessor (30) has put the code blocks back.
        md.postprocessors.register(_Lean(md), "lean_highlight", 1)


def makeExtension(**kwargs):  # noqa: N802 - the name Python-Markdown looks for
    return LeanHighlightExtension(**kwargs)
