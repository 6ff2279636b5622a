"""Find a fact of snippets/facts/ restated in a page's own words.

A fact that several pages need is written once, in snippets/facts/<name>.md, and
pages pull it in with `--8<--`. snippets/facts/restatements.toml gives, per fact,
the patterns its claim is made with; a page's prose, its includes taken out, must
match none of them. Patterns rather than text similarity: each one names the
claim it guards, and a false hit is fixed by sharpening that one pattern.
"""

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

FACTS = Path(__file__).resolve().parents[2] / "snippets" / "facts"
PATTERNS = FACTS / "restatements.toml"

_INCLUDE = re.compile(r"^\s*;*-+8<-+\s")  # a pymdownx.snippets line
_FOOTNOTE = re.compile(r"^\[\^[^\]]+\]:")  # a footnote: where a primary source is quoted
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[`*]")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Restatement:
    fact: str
    pattern: str
    text: str


def _own_lines(markdown: str):
    """The page's lines less its includes and its footnotes (a footnote quotes
    the source a claim rests on, in that source's words)."""
    in_footnote = False
    for line in markdown.splitlines():
        if _FOOTNOTE.match(line):
            in_footnote = True
        elif in_footnote and line.strip() and not line[0].isspace():
            in_footnote = False
        if not in_footnote and not _INCLUDE.match(line):
            yield line


def prose(markdown: str) -> str:
    """A page as the checks read it: includes, footnotes and comments out, link
    text kept, no code or emphasis marks, lower case, every run of white space one
    space (so a claim split over lines or table cells reads as one)."""
    kept = "\n".join(_own_lines(markdown))
    text = _MARKUP.sub("", _LINK.sub(r"\1", _COMMENT.sub(" ", kept)))
    return _SPACE.sub(" ", text).lower()


def load(path: Path = PATTERNS) -> dict[str, list[re.Pattern]]:
    """Each fact's patterns, by the fact file's name (without .md)."""
    table = tomllib.loads(path.read_text())
    return {fact: [re.compile(p) for p in entry["patterns"]] for fact, entry in table.items()}


def find(markdown: str, patterns: dict[str, list[re.Pattern]]) -> list[Restatement]:
    """Every place where the page's own prose makes a fact's claim."""
    text = prose(markdown)
    return [
        Restatement(fact, pattern.pattern, match.group(0))
        for fact, compiled in patterns.items()
        for pattern in compiled
        for match in pattern.finditer(text)
    ]


def fact_text(fact: str) -> str:
    """A fact file's whole text, every section, without the section markers."""
    return (FACTS / f"{fact}.md").read_text()
