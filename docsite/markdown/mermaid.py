"""```mermaid fences -> their pre-rendered SVG, inlined in the page.

The reader gets an SVG with no script (no mermaid.js, nothing from another
origin), visible with JavaScript off. The SVG was rendered when the diagram was
authored (docsite/diagrams/cache.py says where it is and when it is current).

A page pulls a diagram's source with pymdownx.snippets (which runs first):

    ```mermaid
    --8<-- "diagrams/lifecycle.mmd"
    ```

format_mermaid is a pymdownx.superfences custom fence formatter, declared in
mkdocs.yml (`format: !!python/name:docsite.markdown.mermaid.format_mermaid`), the way
superfences documents; a builder that reads mkdocs.yml but ignores `hooks:`
draws the same diagrams. It finds the .mmd file the fence's text came from and
inlines its render. A missing or stale render fails the build: MkDocs names the
page ("Error reading page 'x.md':"), the message names the file and the command.
"""

from __future__ import annotations

import os
import re
import weakref
from pathlib import Path

from mkdocs.exceptions import PluginError
from pymdownx.snippets import SnippetExtension
from pymdownx.superfences import SuperFencesException

from docsite.diagrams.cache import (
    DIAGRAMS,
    RENDER_COMMAND,
    RENDERED,
    normalize,
    rendered_path,
    sources,
    svg_id,
)

# Smallest text a diagram may show, in CSS pixels (11 px is the floor on a
# 375 px screen; 12 leaves a margin for rounding and hinting).
READABLE_TEXT_PX = 12

# Markdown instance -> {diagram name: times used}. MkDocs converts each page
# with a new Markdown instance, so this counts the uses on one page; weak keys
# let a page's count go with its instance.
_uses: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class DiagramError(SuperFencesException, PluginError):
    """Fails the build. SuperFences swallows any other exception from a
    formatter (the fence silently becomes a code block); PluginError makes
    `mkdocs build` print the message without a traceback."""


def project_root(md) -> Path:
    """The directory holding snippets/diagrams/, found among pymdownx.snippets'
    base paths (mkdocs.yml lists `!relative $config_dir`), so the build reads
    the diagrams of the project it builds, whatever the working directory."""
    for extension in md.registeredExtensions:
        if isinstance(extension, SnippetExtension):
            bases = extension.getConfig("base_path")
            bases = [bases] if isinstance(bases, (str, os.PathLike)) else bases
            for base in bases:
                root = Path(os.fspath(base)).resolve()
                if (root / DIAGRAMS).is_dir():
                    return root
            raise DiagramError(
                f"a mermaid fence needs {DIAGRAMS}/ under one of pymdownx.snippets' "
                f"base_path entries (add `!relative $config_dir` in mkdocs.yml); "
                f"found {[os.fspath(b) for b in bases]}"
            )
    raise DiagramError("a mermaid fence needs pymdownx.snippets (it pulls in the .mmd source)")


def format_mermaid(source, language, class_name, options, md, **kwargs):
    """SuperFences formatter: the fence's text -> the cached inline SVG."""
    root = project_root(md)
    text = normalize(source)
    names = [n for n, s in sources(root).items() if normalize(s) == text]
    first = text.splitlines()[0] if text.strip() else "(empty)"
    if not names:
        raise DiagramError(
            f"a mermaid fence (starting {first!r}) matches no file in "
            f"{DIAGRAMS}/. Put its source in {DIAGRAMS}/<name>.mmd, pull it into "
            f'the fence with --8<-- "diagrams/<name>.mmd", then run '
            f"`{RENDER_COMMAND}`."
        )
    name = names[0]
    path = rendered_path(name, source, root)
    if not path.is_file():
        raise DiagramError(
            f"diagram {DIAGRAMS}/{name}.mmd has no up-to-date render "
            f"(looked for {path.relative_to(root)}). Run `{RENDER_COMMAND}` and "
            f"commit {DIAGRAMS}/{RENDERED}/."
        )
    svg = path.read_text(encoding="utf-8")
    # Every id in the SVG starts with its svg id; a second use of the same
    # diagram on a page gets a suffix so that no id, url(#...) or style rule
    # clashes with the first.
    uses = _uses.setdefault(md, {})
    uses[name] = uses.get(name, 0) + 1
    if uses[name] > 1:
        svg = svg.replace(svg_id(name), f"{svg_id(name)}-{uses[name]}")
    # data-search-exclude: Material's search indexes the page, not the labels.
    # --diagram-readable-width: the width below which the SVG stops shrinking
    # and its box scrolls sideways instead (the phones section of stylesheets/site.css), so its text
    # stays readable on a phone, with or without JavaScript. tabindex: a box
    # that scrolls must be reachable from the keyboard.
    width = readable_width(svg)
    style = f' style="--diagram-readable-width: {width:.0f}px"' if width else ""
    svg = compact_geometry(svg)
    return f'<div class="diagram" data-search-exclude tabindex="0"{style}>{svg}</div>'


# Mermaid writes coordinates with up to 16 digits (628.3668154761904); a tenth
# of a unit is below a screen pixel at any size the page shows, and the rest
# was a third of the page's weight on a diagram page. Only geometry attributes
# are rounded: text (labels, title, description) is left as it is.
_GEOMETRY = re.compile(
    r'(\s(?:d|points|transform|x|y|x1|y1|x2|y2|width|height|rx|ry|cx|cy|r)=")([^"]*)(")'
)
_LONG_NUMBER = re.compile(r"(-?\d+\.\d)\d+")


def compact_geometry(svg: str) -> str:
    """The SVG with every coordinate in a geometry attribute cut to one decimal."""
    return _GEOMETRY.sub(lambda m: m[1] + _LONG_NUMBER.sub(r"\1", m[2]) + m[3], svg)


def readable_width(svg: str) -> float | None:
    """The width (CSS px) at which the diagram's base text is READABLE_TEXT_PX:
    its viewBox width scaled by READABLE_TEXT_PX / its root font-size (Mermaid
    writes both; every label inherits that size). None if either is missing.
    tests/test_phones.py measures the text as drawn, so a diagram whose labels
    use a smaller size than the root's fails there."""
    viewbox = re.search(r'<svg\b[^>]*\sviewBox="[\d.\s-]+?\s([\d.]+)\s[\d.]+"', svg)
    sid = re.match(r'<svg id="([^"]+)"', svg)
    root = sid and re.search(rf"#{re.escape(sid[1])}\{{[^}}]*font-size:\s*([\d.]+)px", svg)
    if not (viewbox and root):
        return None
    return float(viewbox[1]) * READABLE_TEXT_PX / float(root[1])
