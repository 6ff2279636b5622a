"""The `--8<-- "path"` lines of a page, with where each stands, and the ones that name no file.

pymdownx.snippets fails on a missing file with a traceback that names neither
the page nor the line; the build hook and the examples' discovery both use
this to say `docs/page.md:LINE: --8<-- "x": no such file under snippets/`.
"""

from __future__ import annotations

import re
from pathlib import Path

from docsite.paths import ROOT, SNIPPETS

INCLUDE = re.compile(r"""^[ \t]*-{1,3}8<-{1,3}[ \t]+["']([^"':]+)(?::[^"']*)?["']""", re.MULTILINE)
# Where pymdownx.snippets looks, in mkdocs.yml's order.
BASES = (SNIPPETS, ROOT)


def includes(text: str) -> list[tuple[int, str]]:
    """(line number, path) for every include line in text."""
    return [(text.count("\n", 0, m.start()) + 1, m.group(1)) for m in INCLUDE.finditer(text)]


def resolve(name: str, bases: tuple[Path, ...] = BASES) -> Path | None:
    return next((base / name for base in bases if (base / name).is_file()), None)


def missing(
    text: str, where: str, bases: tuple[Path, ...] = BASES, seen: frozenset[str] = frozenset()
) -> list[str]:
    """One line per include in text (and in the fragments it includes) that names no file."""
    found = []
    for line, name in includes(text):
        path = resolve(name, bases)
        if path is None:
            found.append(f'{where}:{line}: --8<-- "{name}": no such file under snippets/')
        elif path.suffix == ".md" and name not in seen:
            label = f"{bases[0].name}/{name}"
            found += missing(path.read_text(), label, bases, seen | {name})
    return found
