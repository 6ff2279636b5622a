"""A page's reading time, computed from its words when the site is built.

Each concept page's opening box says how long the page takes to read. A typed
figure goes stale as soon as someone adds a section, so the page says
`{{ reading_time }}` and this extension replaces it with the minutes its prose
takes at WORDS_PER_MINUTE. Only prose counts: code blocks and recorded outputs
(<pre>) and diagrams (inline <svg>) are left out; a reader skims those, and
the transcripts alone would double some pages' figure.

Chinese prose has no spaces between words, so it is counted in characters
(CHARS_PER_MINUTE) and the rest in words; the Chinese edition sets the unit
it prints (`unit`, hooks/zh.py).

No maintained plugin does this: Material computes a reading time only for blog
posts (its blog plugin), and mkdocs-timetoread-plugin (last release 2022)
injects its own styled line instead of filling a placeholder in our admonition.

A Python-Markdown postprocessor declared in mkdocs.yml's markdown_extensions
(like docsite.markdown.search_exclude): it needs the page's finished HTML, where
SuperFences' blocks and the diagrams' SVGs are back in the text, so that it
can leave them out of the count. The search index and the page get the same
figure, since both are made from this HTML.
"""

from __future__ import annotations

import html
import math
import re

from markdown import Extension
from markdown.postprocessors import Postprocessor

PLACEHOLDER = "{{ reading_time }}"
# A common figure for reading technical prose on a screen (slower than the
# ~250 of light reading: readers stop at the terms and the commands in it).
WORDS_PER_MINUTE = 200
# The same for Chinese, in characters. Measured figures vary widely (255 a
# minute read aloud in the IReST study, Trauzettel-Klosinski et al. 2012;
# silent reading faster); 370 gives a translated page about the minutes of its
# English page, the same prose at the same pace (translations of five pages
# came out at 0.88 to 0.94 of their English figure at 400: the FAQ 16 against
# 18, Lifecycle 9 against 10; at 370 every one is within a minute).
CHARS_PER_MINUTE = 370
# Han characters (CJK Unified Ideographs and Extension A, compatibility
# ideographs) and the full-width punctuation between them, which is no word.
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CJK_PUNCT = re.compile(r"[\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2026]")

_PRE = re.compile(r"<pre\b.*?</pre>", re.S)
_SVG_TAG = re.compile(r"<(/?)svg\b[^>]*>")
_TAG = re.compile(r"<[^>]*>")


def _without_svgs(text: str) -> str:
    """The text with every outermost <svg>...</svg> removed (an SVG may hold
    another, so a non-greedy regex would stop at the inner one's end)."""
    out, depth, start = [], 0, 0
    for tag in _SVG_TAG.finditer(text):
        if not tag[1]:  # an opening tag
            if depth == 0:
                out.append(text[start : tag.start()])
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                start = tag.end()
    if depth == 0:
        out.append(text[start:])
    return "".join(out)


def _prose(page_html: str) -> str:
    return html.unescape(_TAG.sub(" ", _without_svgs(_PRE.sub(" ", page_html))))


def count_words(page_html: str) -> int:
    """Words of prose in a page's HTML: no code blocks, outputs or diagrams.
    Chinese characters are no words (count_chars counts them)."""
    text = _CJK_PUNCT.sub(" ", _CJK.sub(" ", _prose(page_html)))
    return sum(1 for word in text.split() if any(c.isalnum() for c in word))


def count_chars(page_html: str) -> int:
    """Chinese characters of prose in a page's HTML, on the same terms."""
    return len(_CJK.findall(_prose(page_html)))


def minutes(
    words: int,
    per_minute: int = WORDS_PER_MINUTE,
    chars: int = 0,
    chars_per_minute: int = CHARS_PER_MINUTE,
) -> int:
    """Whole minutes, rounded up: a page is never "0 min"."""
    return max(1, math.ceil(words / per_minute + chars / chars_per_minute))


def fill(page_html: str, per_minute: int = WORDS_PER_MINUTE, unit: str = "min") -> str:
    if PLACEHOLDER not in page_html:
        return page_html
    shown = minutes(count_words(page_html), per_minute, count_chars(page_html))
    return page_html.replace(PLACEHOLDER, f"{shown} {unit}")


class _ReadingTime(Postprocessor):
    def __init__(self, md, per_minute: int, unit: str):
        super().__init__(md)
        self.per_minute = per_minute
        self.unit = unit

    def run(self, text: str) -> str:
        return fill(text, self.per_minute, self.unit)


class ReadingTimeExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "words_per_minute": [WORDS_PER_MINUTE, "reading speed, words a minute"],
            "unit": ["min", "what follows the figure"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        # Priority 5: after the raw-HTML postprocessor (30) has put the code
        # blocks and diagrams back, so that they can be left out of the count.
        md.postprocessors.register(
            _ReadingTime(md, int(self.getConfig("words_per_minute")), self.getConfig("unit")),
            "reading_time",
            5,
        )


def makeExtension(**kwargs):  # noqa: N802 - the name Python-Markdown looks for
    return ReadingTimeExtension(**kwargs)
