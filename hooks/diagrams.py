"""Replace each ```mermaid fence with its pre-rendered SVG, inlined in the page.

The reader gets an SVG with no script (no mermaid.js, nothing from another
origin), visible with JavaScript off. Rendering needs a browser, so it is done
when a diagram is authored (`make diagrams`, scripts/render_diagrams.py) and the
result is committed under snippets/diagrams/rendered/; the site build only reads
files, with no Node and no browser.

A page pulls a diagram's source with pymdownx.snippets (which runs first):

    ```mermaid
    --8<-- "diagrams/lifecycle.mmd"
    ```

This hook registers a pymdownx.superfences custom fence named "mermaid" whose
formatter finds the .mmd file the fence's text came from and loads
rendered/<name>-<key>.svg, where <key> hashes the source together with
everything else that shapes the SVG (cache_key below). A missing or stale render
fails the build with a message naming the page, the file and the command.

The custom fence is added here (on_config) rather than with
`format: !!python/name:...` in mkdocs.yml because a hooks/ file is not
importable by name when mkdocs.yml is parsed.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from pymdownx.superfences import SuperFencesException

DIAGRAMS = Path("snippets/diagrams")  # relative to the directory of mkdocs.yml
RENDERED = "rendered"
RENDER_COMMAND = "make diagrams"
# Files whose content shapes the rendered SVG, besides the diagram's source and
# the pinned renderer versions in package-lock.json.
RENDER_INPUTS = (
    "snippets/diagrams/mermaid.json",
    "snippets/diagrams/diagram.css",
    "scripts/render_diagrams.py",
)
RENDERER_PACKAGES = ("@mermaid-js/mermaid-cli", "mermaid")

_root = Path(".")  # the directory of mkdocs.yml, set by on_config
_page = "?"  # the page being rendered (MkDocs renders one page at a time)
_uses: dict[str, int] = {}  # diagram name -> times used on this page


class DiagramError(SuperFencesException, PluginError):
    """Fails the build. SuperFences swallows any other exception from a
    formatter (the fence silently becomes a code block); PluginError makes
    `mkdocs build` print the message without a traceback."""


def normalize(source: str) -> str:
    """The source as the fence sees it: snippets and superfences may change
    indentation inside tabs, trailing spaces and the final newline."""
    lines = [line.rstrip() for line in source.expandtabs(4).splitlines()]
    return "\n".join(lines).strip("\n") + "\n"


def renderer_versions(root: Path) -> dict[str, str]:
    lock = json.loads((root / "package-lock.json").read_text(encoding="utf-8"))
    return {name: lock["packages"][f"node_modules/{name}"]["version"] for name in RENDERER_PACKAGES}


def cache_key(source: str, root: Path) -> str:
    """Hash of everything that shapes the SVG; a change to any of it needs a
    re-render. (Chromium's version is left out: it is not pinned, and a new
    one must not invalidate every committed render.)"""
    digest = hashlib.sha256()
    parts = {
        "source": normalize(source),
        "renderer": renderer_versions(root),
        "inputs": {
            path: hashlib.sha256((root / path).read_bytes()).hexdigest() for path in RENDER_INPUTS
        },
    }
    digest.update(json.dumps(parts, sort_keys=True).encode())
    return digest.hexdigest()[:16]


def svg_id(name: str) -> str:
    return f"diagram-{name}"


def rendered_path(name: str, source: str, root: Path) -> Path:
    return root / DIAGRAMS / RENDERED / f"{name}-{cache_key(source, root)}.svg"


def sources(root: Path) -> dict[str, str]:
    """Diagram name -> its Mermaid source, for every snippets/diagrams/*.mmd."""
    return {
        path.stem: path.read_text(encoding="utf-8")
        for path in sorted((root / DIAGRAMS).glob("*.mmd"))
    }


def format_mermaid(source, language, class_name, options, md, **kwargs):
    """SuperFences formatter: the fence's text -> the cached inline SVG."""
    text = normalize(source)
    names = [n for n, s in sources(_root).items() if normalize(s) == text]
    first = text.splitlines()[0] if text.strip() else "(empty)"
    if not names:
        raise DiagramError(
            f"{_page}: a mermaid fence (starting {first!r}) matches no file in "
            f"{DIAGRAMS}/. Put its source in {DIAGRAMS}/<name>.mmd, pull it into "
            f'the fence with --8<-- "diagrams/<name>.mmd", then run '
            f"`{RENDER_COMMAND}`."
        )
    name = names[0]
    path = rendered_path(name, source, _root)
    if not path.is_file():
        raise DiagramError(
            f"{_page}: diagram {DIAGRAMS}/{name}.mmd has no up-to-date render "
            f"(looked for {path.relative_to(_root)}). Run `{RENDER_COMMAND}` and "
            f"commit {DIAGRAMS}/{RENDERED}/."
        )
    svg = path.read_text(encoding="utf-8")
    # Every id in the SVG starts with its svg id; a second use of the same
    # diagram on a page gets a suffix so that no id, url(#...) or style rule
    # clashes with the first.
    _uses[name] = _uses.get(name, 0) + 1
    if _uses[name] > 1:
        svg = svg.replace(svg_id(name), f"{svg_id(name)}-{_uses[name]}")
    # data-search-exclude: Material's search indexes the page, not the labels.
    # --diagram-readable-width: the width below which the SVG stops shrinking
    # and its box scrolls sideways instead (stylesheets/phones.css), so its text
    # stays readable on a phone, with or without JavaScript. tabindex: a box
    # that scrolls must be reachable from the keyboard.
    width = readable_width(svg)
    style = f' style="--diagram-readable-width: {width:.0f}px"' if width else ""
    return f'<div class="diagram" data-search-exclude tabindex="0"{style}>{svg}</div>'


# Smallest text a diagram may show, in CSS pixels (issue 11 asks for 11 px on a
# 375 px screen; 12 leaves a margin for rounding and hinting).
READABLE_TEXT_PX = 12


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


def on_config(config):
    global _root
    _root = Path(config.config_file_path).parent
    superfences = config.mdx_configs.setdefault("pymdownx.superfences", {})
    fences = superfences.setdefault("custom_fences", [])
    if not any(fence.get("name") == "mermaid" for fence in fences):
        fences.append({"name": "mermaid", "class": "mermaid", "format": format_mermaid})
    return config


def on_page_markdown(markdown, page, **kwargs):
    global _page
    _page = page.file.src_uri
    _uses.clear()
    return markdown
