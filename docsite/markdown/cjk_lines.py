"""Join a Chinese paragraph's source lines without a space.

A paragraph wrapped over several source lines keeps each line break in the
HTML, and browsers draw a line break between two words as a space: in Chinese,
which has no spaces between words, that is a stray gap in mid-sentence
("东西， 还会"). CSS Text 3 lets a browser drop such breaks between Chinese
characters, but Chromium and Firefox do not. So a line break with Chinese (or
its full-width punctuation) on both sides is removed here, outside code.

A postprocessor (after the raw-HTML one, 30, has put code blocks back), so a
transcript or a ```python block keeps every line it has.
"""

from __future__ import annotations

import re

from markdown import Extension
from markdown.postprocessors import Postprocessor

_HAN = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
# A break (and a continuation line's indent) between two Chinese characters,
# also where a tag stands between (a link or bold text ends one line or starts
# the next: "见\n<a ...>镜像</a>").
_TAGS = r"(?:</?[a-zA-Z][^<>]*>)*"
_BREAK = re.compile(rf"([{_HAN}]{_TAGS})\n[ \t]*({_TAGS}[{_HAN}])")
# Code keeps its lines: these elements are copied as they are.
_CODE = re.compile(r"(<pre\b.*?</pre>|<code\b.*?</code>|<script\b.*?</script>)", re.S)


def join_lines(html_text: str) -> str:
    parts = _CODE.split(html_text)
    # split() with one group: code at the odd indices, text at the even ones
    return "".join(part if i % 2 else _BREAK.sub(r"\1\2", part) for i, part in enumerate(parts))


class _JoinLines(Postprocessor):
    def run(self, text: str) -> str:
        return join_lines(text)


class CjkLinesExtension(Extension):
    def extendMarkdown(self, md):
        md.postprocessors.register(_JoinLines(md), "cjk_lines", 2)


def makeExtension(**kwargs):  # noqa: N802 - the name Python-Markdown looks for
    return CjkLinesExtension(**kwargs)
