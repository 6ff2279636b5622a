"""Where a diagram's pre-rendered SVG lives, and the key that says it is current.

Rendering needs a browser, so it is done when a diagram is authored (`make
diagrams`, scripts/render_diagrams.py) and the result is committed as
snippets/diagrams/rendered/<name>-<key>.svg; the site build (docsite/diagrams.py)
only reads it. <key> hashes the source together with everything else that
shapes the SVG, so a change to any of it leaves the build without a render
instead of with an old one. Shared by the renderer, the build and the tests.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

DIAGRAMS = Path("snippets/diagrams")  # relative to the project root (mkdocs.yml's directory)
RENDERED = "rendered"
RENDER_COMMAND = "make diagrams"
# Files whose content shapes the rendered SVG, besides the diagram's source and
# the pinned renderer versions in package-lock.json.
RENDER_INPUTS = (
    "snippets/diagrams/mermaid.json",
    "snippets/diagrams/diagram.css",
    # The post-processing, and the mmdc command line.
    "docsite/diagram_svg.py",
    "scripts/render_diagrams.py",
)
RENDERER_PACKAGES = ("@mermaid-js/mermaid-cli", "mermaid")


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
