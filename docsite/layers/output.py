"""The explorer's files for one image: the JSON document and the Markdown the page includes.

The JSON is written one list row per line, so a regenerated file's diff shows
which paths changed; report.stable() is what must not change between two
builds of the same Dockerfile (digests and compressed sizes do: files carry
their build time).
"""

from __future__ import annotations

import json
from pathlib import Path

from docsite.layers import render
from docsite.paths import DOCS, SNIPPETS

DATA = DOCS / "explorer"  # published beside the pages: the downloadable lists
MARKDOWN = SNIPPETS / "explorer"  # included by docs/explorer/<name>.md


def dumps(value, indent: int = 0) -> str:
    """JSON with every list of scalars (a row) on one line."""
    pad = " " * indent
    if isinstance(value, dict):
        items = [
            f"{pad} {json.dumps(k)}: {dumps(v, indent + 1).lstrip()}" for k, v in value.items()
        ]
        return pad + "{\n" + ",\n".join(items) + "\n" + pad + "}" if items else pad + "{}"
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        items = [dumps(v, indent + 1) for v in value]
        return pad + "[\n" + ",\n".join(items) + "\n" + pad + "]"
    return pad + json.dumps(value, ensure_ascii=False)


def paths(name: str) -> tuple[Path, Path]:
    return DATA / f"{name}.json", MARKDOWN / f"{name}.md"


def write(document: dict) -> None:
    data, markdown = paths(document["image"])
    data.parent.mkdir(parents=True, exist_ok=True)
    markdown.parent.mkdir(parents=True, exist_ok=True)
    data.write_text(dumps(document) + "\n")
    markdown.write_text(render.page(document, data.name))


def read(name: str) -> dict:
    return json.loads(paths(name)[0].read_text())
