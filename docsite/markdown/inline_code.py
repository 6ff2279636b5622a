"""Inline code breaks between words, never inside one.

Chromium breaks a line after a hyphen, so on a phone `docker ps -a` showed as
`docker ps -` / `a`, and `on-failure` as `on-` / `failure`: a reader may type
the broken form. CSS has no property for "do not break at a hyphen" short of
`white-space: nowrap`, which on a whole command would push long ones past the
edge of the screen. And Material's `word-break: break-word` lets a narrow table
cell split any word (`image.history(` / `)`). So this wraps each space-separated
word of inline code in <span class="nowrap"> (the phones section of stylesheets/site.css): the line
may still break at the spaces. A word longer than MAX_WORD characters (a long
path) is left free to break, so it cannot push the page wider than a phone.
The text, and what a reader copies, is unchanged.

A Python-Markdown postprocessor declared in mkdocs.yml's markdown_extensions
(like docsite.markdown.search_exclude): it edits the page's finished HTML, because
pymdownx.inlinehilite keeps inline code's text stashed until the raw-HTML
postprocessor puts it back. Code blocks (<pre>) and highlighted inline code
(<code class="highlight">, already split into spans) are left alone.
"""

from __future__ import annotations

import html
import re

from markdown import Extension
from markdown.postprocessors import Postprocessor

# A code block, kept as is, or plain inline code (no attributes, text only).
_CODE = re.compile(r"(<pre\b.*?</pre>)|<code>([^<]*)</code>", re.S)
_WORDS = re.compile(r"(\s+)")
# At the site's inline-code size, 32 characters are about 250 px: they fit the
# 343 px text column of a 375 px screen.
MAX_WORD = 32


def wrap_words(text: str) -> str:
    """Inline code's (escaped) text with each word of up to MAX_WORD characters
    in <span class="nowrap">; the spaces between them stay outside."""
    out = []
    for part in _WORDS.split(text):
        if part and not part.isspace() and len(html.unescape(part)) <= MAX_WORD:
            part = f'<span class="nowrap">{part}</span>'
        out.append(part)
    return "".join(out)


def _replace(match: re.Match) -> str:
    if match[1]:
        return match[1]
    return f"<code>{wrap_words(match[2])}</code>"


def keep_words_whole(html_text: str) -> str:
    return _CODE.sub(_replace, html_text)


class _KeepWordsWhole(Postprocessor):
    def run(self, text: str) -> str:
        return keep_words_whole(text)


class InlineCodeExtension(Extension):
    def extendMarkdown(self, md):
        # Priority 0: after the raw-HTML postprocessor (30) has put the stashed
        # inline code and SuperFences' blocks back into the text.
        md.postprocessors.register(_KeepWordsWhole(md), "inline_code_words", 0)


def makeExtension(**kwargs):  # noqa: N802 - the name Python-Markdown looks for
    return InlineCodeExtension(**kwargs)
