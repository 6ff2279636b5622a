"""The worked example's layer diagram, from a real build of its app.

`make layers-diagram` (scripts/worked_example_layers.py) builds
snippets/worked-example/app with BuildKit, exactly as the page does
(`docker build -t ... app`), on a lab of its own, reads the image's real layers
(instruction, size, diff ID) from its config's history and writes
snippets/diagrams/worked-example-layers.mmd. tests/test_worked_example.py
rebuilds the app and checks the committed file against a fresh rendering.
"""

from __future__ import annotations

import io
import json
import re
import tarfile
from dataclasses import dataclass
from pathlib import Path

from docsite.engine.build import docker_build
from docsite.paths import ROOT

APP = ROOT / "snippets" / "worked-example" / "app"
TARGET = ROOT / "snippets" / "diagrams" / "worked-example-layers.mmd"
TAG = "worked-example-diagram:latest"
BASE = "python:3.13-slim"
LABEL_WIDTH = 46  # characters of an instruction shown in a box


@dataclass
class Step:
    instruction: str
    size: int
    diff_id: str | None  # None: the step changed only the image config


def build(client, env: dict[str, str], path: Path = APP, tag: str = TAG, *extra: str):
    """Build the app as the page does (`docker build`, BuildKit); the image."""
    docker_build(env, path, *extra, "-t", tag)
    return client.images.get(tag)


def config(image) -> dict:
    """The image's config JSON (history with empty_layer, rootfs), from `docker save`."""
    with tarfile.open(fileobj=io.BytesIO(b"".join(image.save()))) as saved:
        manifest = json.load(saved.extractfile("manifest.json"))
        return json.load(saved.extractfile(manifest[0]["Config"]))


def instructions(dockerfile: str) -> list[str]:
    """The Dockerfile's instructions after FROM, continuation lines joined."""
    logical = re.sub(r"\\\n\s*", " ", dockerfile)
    lines = [" ".join(line.split()) for line in logical.splitlines()]
    found = [line for line in lines if line and not line.startswith("#")]
    if not found[0].upper().startswith("FROM ") or any(
        line.upper().startswith("FROM ") for line in found[1:]
    ):
        raise ValueError("expected a single-stage Dockerfile starting with FROM")
    return found[1:]


def steps(client, image, dockerfile: str) -> list[Step]:
    """One Step per history entry above the base image, oldest first.

    BuildKit writes one history entry per instruction; an entry made no layer
    exactly when its `empty_layer` is true, and the entries that did take the
    image's diff IDs in order. The entries pair with the Dockerfile's
    instructions in order."""
    base_entries = len(client.images.get(BASE).history())
    image_config = config(image)
    history = image_config["history"]
    diff_ids = iter(image_config["rootfs"]["diff_ids"])
    sizes = [entry["Size"] for entry in reversed(image.history())]
    layers = [None if entry.get("empty_layer") else next(diff_ids) for entry in history]
    found = []
    for name, size, diff_id in zip(
        instructions(dockerfile),
        sizes[base_entries:],
        layers[base_entries:],
        strict=True,
    ):
        found.append(Step(name, size, diff_id))
    return found


def human_size(size: float) -> str:
    """Sizes as `docker history` prints them (decimal units, 3 digits)."""
    units = ["B", "kB", "MB", "GB"]
    while size >= 1000 and len(units) > 1:
        size /= 1000
        units.pop(0)
    return f"{size:.3g}{units[0]}"


def short(instruction: str) -> str:
    """The instruction cut at a word to fit a box; quotes escaped for Mermaid."""
    if len(instruction) > LABEL_WIDTH:
        instruction = instruction[:LABEL_WIDTH].rsplit(" ", 1)[0] + " …"
    return instruction.replace('"', "#quot;")


def prefix(diff_id: str) -> str:
    return diff_id[: len("sha256:") + 12]


def mermaid(client, image, dockerfile: str) -> str:
    """The diagram's Mermaid source: the config-only instructions, one box per
    layer the Dockerfile added, then the base image's layers, grouped."""
    base = client.images.get(BASE)
    base_layers = base.attrs["RootFS"]["Layers"]
    every = steps(client, image, dockerfile)
    own = [s for s in every if s.diff_id]
    config_only = []
    for step in every:
        keyword = step.instruction.split()[0]
        if not step.diff_id and keyword not in config_only:
            config_only.append(keyword)
    total = len(image.attrs["RootFS"]["Layers"])
    # The same measure as the layers above: the history's sizes, not the image's
    # Size (which counts the compressed blobs too on the containerd store).
    base_size = human_size(sum(entry["Size"] for entry in base.history()))
    own_size = human_size(sum(s.size for s in own))

    described = "; ".join(
        f"layer {n}, {s.instruction}, {human_size(s.size)}, {prefix(s.diff_id)}"
        for n, s in enumerate(own, start=len(base_layers) + 1)
    )
    first = len(base_layers) + 1
    plural = "s" if len(base_layers) != 1 else ""
    lines = [
        # Top to bottom, newest layer first, as `docker history` lists them.
        "flowchart TB",
        "  accTitle: The worked example's image, layer by layer, from a real build",
        "  accDescr {",
        f"    The image built from snippets/worked-example/app has {total} layers,"
        " drawn newest first, as docker history lists them.",
        f"    The base image {BASE} brings {len(base_layers)} of them, {base_size} in all: "
        + ", ".join(prefix(d) for d in base_layers)
        + ".",
        f"    The Dockerfile adds {len(own)}, {own_size} in all: {described}.",
        f"    {', '.join(config_only)} change only the image config and add no layer.",
        "    Generated by make layers-diagram from the image's history and RootFS.Layers.",
        "  }",
        f'  CFG["config only, no layer:<br/>{", ".join(config_only)}"]:::config',
        f'  subgraph own["added by the Dockerfile · {len(own)} layers · {own_size}"]',
    ]
    numbered = list(enumerate(own, start=first))
    for n, step in reversed(numbered):
        lines.append(
            f'    L{n}["layer {n} · {short(step.instruction)}<br/>'
            f'{prefix(step.diff_id)} · {human_size(step.size)}"]'
        )
    lines += [
        "    " + " ~~~ ".join(f"L{n}" for n, _ in reversed(numbered)),
        "  end",
        f'  subgraph base["base image {BASE} · {len(base_layers)} layer{plural} · {base_size}"]',
    ]
    for n, diff_id in reversed(list(enumerate(base_layers, start=1))):
        lines.append(f'    L{n}["layer {n} · {prefix(diff_id)}"]')
    if len(base_layers) > 1:
        lines.append("    " + " ~~~ ".join(f"L{n}" for n in range(len(base_layers), 0, -1)))
    lines += [
        "  end",
        f"  CFG ~~~ L{first + len(own) - 1}",
        f"  L{first} ~~~ L{len(base_layers)}",
    ]
    return "\n".join(lines) + "\n"
