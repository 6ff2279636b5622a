"""```console blocks: a transcript where only `$ ` starts a command.

Pygments' console lexer also takes `#`, `%` and `>` at the start of a line for
a prompt, and BuildKit starts every line it prints with `#N`, so a build's
output would be drawn (and copied) as commands. This lexer knows one prompt,
`$ `, the one the site's transcripts use (docsite/examples/transcript.py); everything
else is output. The fence is declared in mkdocs.yml as a superfences custom
fence, which is pymdownx's documented way to format a fence's content.
"""

from __future__ import annotations

import re

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers.shell import BashSessionLexer


class TranscriptLexer(BashSessionLexer):
    name = "Docker transcript"
    aliases = []
    _ps1rgx = re.compile(r"^(\$ )(.*\n?)")


def format_console(source, language, css_class, options, md, **kwargs) -> str:
    """superfences `format`: the same HTML pymdownx.highlight writes for a block."""
    formatter = HtmlFormatter(cssclass=f"language-{language} highlight", wrapcode=True)
    return highlight(source, TranscriptLexer(), formatter)
