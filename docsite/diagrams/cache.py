"""Where a diagram's pre-rendered SVG lives, and the key that says it is current.

Rendering needs a browser, so it is done when a diagram is authored (`make
diagrams`, scripts/render_diagrams.py) and the result is committed as
snippets/diagrams/rendered/<name>-<key>.svg; the site build (docsite/markdown/mermaid.py)
only reads it. <key> hashes the source together with everything else that
shapes the SVG, so a change to any of it leaves the build without a render
instead of with an old one. Shared by the renderer, the build and the tests.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

DIAGRAMS = Path("snippets/diagrams")  # relative to the project root (mkdocs.yml's directory)
RENDERED = "rendered"
RENDER_COMMAND = "make diagrams"
# Files whose content shapes the rendered SVG, besides the diagram's source.
RENDER_INPUTS = (
    "snippets/diagrams/mermaid.json",
    "snippets/diagrams/diagram.css",
    # The post-processing, and the mmdc command line.
    "docsite/diagrams/svg.py",
    "scripts/render_diagrams.py",
)


def normalize(source: str) -> str:
    """The source as the fence sees it: snippets and superfences may change
    indentation inside tabs, trailing spaces and the final newline."""
    lines = [line.rstrip() for line in source.expandtabs(4).splitlines()]
    return "\n".join(lines).strip("\n") + "\n"


def cache_key(source: str, root: Path) -> str:
    """Hash of what the project writes that shapes the SVG: the source, the theme,
    the stylesheet and the post-processing; a change to any of it needs a
    re-render. The renderer's versions (mermaid, mermaid-cli, Chromium) are left
    out: a routine update of them must not leave every page without its diagram
    until someone re-renders. The SVG is still the render of its current
    source; `make diagrams ALL=1` re-renders every diagram with the locked
    renderer when an update changes how they look."""
    digest = hashlib.sha256()
    parts = {
        "source": normalize(source),
        "inputs": {
            path: hashlib.sha256((root / path).read_bytes()).hexdigest() for path in RENDER_INPUTS
        },
    }
    digest.update(json.dumps(parts, sort_keys=True).encode())
    return digest.hexdigest()[:16]


def svg_id(name: str) -> str:
    """The SVG's id, the prefix of every id inside it and the scope of its CSS:
    a CSS selector reads a dot as a class, so lifecycle.zh (the Chinese variant
    of lifecycle) becomes diagram-lifecycle-zh."""
    return "diagram-" + re.sub(r"[^A-Za-z0-9_-]", "-", name)


def rendered_path(name: str, source: str, root: Path) -> Path:
    return root / DIAGRAMS / RENDERED / f"{name}-{cache_key(source, root)}.svg"


def sources(root: Path) -> dict[str, str]:
    """Diagram name -> its Mermaid source, for every snippets/diagrams/*.mmd.
    A language's variant is another diagram: lifecycle.zh.mmd is "lifecycle.zh"."""
    return {
        path.stem: path.read_text(encoding="utf-8")
        for path in sorted((root / DIAGRAMS).glob("*.mmd"))
    }
