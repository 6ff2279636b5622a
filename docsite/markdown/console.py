"""```console blocks: a transcript where only `$ ` starts a command.

Pygments' console lexer also takes `#`, `%` and `>` at the start of a line for
a prompt, and BuildKit starts every line it prints with `#N`, so a build's
output would be drawn (and copied) as commands. This lexer knows one prompt,
`$ `, the one the site's transcripts use (docsite/examples/transcript.py); everything
else is output. The fence is declared in mkdocs.yml as a superfences custom
fence, which is pymdownx's documented way to format a fence's content.

Two changes to what Pygments writes, so the copy button (which copies the text
that is displayed while `.go` is hidden, the copy-commands section of docs/stylesheets/site.css)
copies exactly the commands, one per line:

- a note at the end of a command (`# fails: <why>`, `# change only its mode`)
  moves to a line of its own above the command, drawn as output. zsh does not
  take `#` for a comment in an interactive shell unless INTERACTIVE_COMMENTS is
  set, so a pasted note would become arguments;
- an output line carries its newline inside its `.go` span, so hidden output
  leaves no empty line behind;
- a command line is wrapped in a `.cmd` span, so a narrow screen can wrap the
  commands (the phones section of docs/stylesheets/site.css) and leave the output's columns as
  they are.

The lines that matter in a long output are highlighted by what they say, not
by number: ```` ```console hl="CACHED" ```` marks every output line the regular
expression matches (superfences' `hl_lines` counts lines, and BuildKit prints
its steps in a different order from one recording to the next).
"""

from __future__ import annotations

import html
import logging
import re

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers.shell import BashSessionLexer

from docsite.markdown.lean_highlight import lean

PROMPT = "$ "
GO = '<span class="go">'

log = logging.getLogger("mkdocs.markdown.console")


class TranscriptLexer(BashSessionLexer):
    name = "Docker transcript"
    aliases = []
    _ps1rgx = re.compile(r"^(\$ )(.*\n?)")


def comment_start(line: str) -> int | None:
    """Where a shell comment starts in `line` (a `#` at the start of a word, outside
    quotes), or None."""
    quote = None
    escaped = False
    for i, char in enumerate(line):
        if escaped:
            escaped = False
        elif char == "\\" and quote != "'":
            escaped = True
        elif quote:
            quote = None if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (i == 0 or line[i - 1] in " \t"):
            return i
    return None


def split_notes(source: str) -> tuple[list[str], dict[int, str], set[int]]:
    """The transcript's lines with every trailing note taken out of its command;
    {line index of the command's first line: note}; the indices of command lines."""
    lines = source.rstrip("\n").split("\n")
    kept: list[str] = []
    notes: dict[int, str] = {}
    commands: set[int] = set()
    i = 0
    while i < len(lines):
        if not lines[i].startswith(PROMPT):
            kept.append(lines[i])
            i += 1
            continue
        command = [lines[i]]
        while command[-1].endswith("\\") and i + 1 < len(lines):
            i += 1
            command.append(lines[i])
        i += 1
        last = command[-1]
        start = comment_start(last[len(PROMPT) :] if len(command) == 1 else last)
        if start is not None:
            start += len(PROMPT) if len(command) == 1 else 0
            note = last[start:].lstrip("#").strip()
            rest = last[:start].rstrip()
            if rest.strip():
                command[-1] = rest
            else:  # a note on a continuation line of its own: drop that line
                command.pop()
                command[-1] = command[-1].rstrip().removesuffix("\\").rstrip()
            notes[len(kept)] = note
        commands.update(range(len(kept), len(kept) + len(command)))
        kept.extend(command)
    return kept, notes, commands


def note_text(note: str) -> str:
    """The harness's `fails: <why>` in the reader's words."""
    if re.match(r"fails\b", note):
        return "# this one fails on purpose: " + note.split(":", 1)[-1].strip()
    return "# " + note


def validate(language, inputs, options, attrs, md) -> bool:
    """superfences `validator`: `hl="<regular expression>"` is the one option."""
    for key, value in inputs.items():
        if key != "hl":
            log.warning("```console: unknown option %s=%r (only hl= is known)", key, value)
            return False
        try:
            re.compile(value)
        except re.error as error:
            log.warning("```console hl=%r: not a regular expression (%s)", value, error)
            return False
        options[key] = value
    return True


def format_console(source, language, css_class, options, md, **kwargs) -> str:
    """superfences `format`: the same HTML pymdownx.highlight writes for a block."""
    lines, notes, commands = split_notes(source)
    marked = re.compile(options["hl"]) if options and options.get("hl") else None
    formatter = HtmlFormatter(cssclass=f"language-{language} highlight", wrapcode=True)
    rendered = highlight("\n".join(lines) + "\n", TranscriptLexer(), formatter)
    head, rest = rendered.split("<code>", 1)
    body, tail = rest.split("</code>", 1)
    out = []
    for index, line in enumerate(body.split("\n")[: len(lines)]):
        if index in notes:
            text = html.escape(note_text(notes[index]), quote=False)
            out.append(f'<span class="go note">{text}\n</span>')
        if index in commands:
            out.append(f'<span class="cmd">{line}</span>\n')
            continue
        # One span per output line, its newline inside: hidden when copying,
        # highlighted (Material's .hll) when it says what the block is about.
        go = '<span class="go hll">' if marked and marked.search(lines[index]) else GO
        if line.startswith(GO) and line.endswith("</span>") and line.count("<span") == 1:
            out.append(go + line[len(GO) : -len("</span>")] + "\n</span>")
        else:
            out.append(f"{go}{line}\n</span>")
    # Lean here too: a block inside a collapsed admonition is put back into the
    # page after the postprocessors have run.
    return lean(f"{head}<code>{''.join(out)}</code>{tail}")
