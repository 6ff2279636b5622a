"""The worked example's layer diagram, from a real build of its app.

`make layers-diagram` (scripts/worked_example_layers.py) builds
snippets/worked-example/app with BuildKit, exactly as the page does
(`docker build -t ... app`), on a lab of its own, reads the image's real layers
(instruction, size, diff ID) from its config's history, records them in
snippets/diagrams/worked-example-layers.json and writes the diagram from that
record in each language: worked-example-layers.mmd (English) and
worked-example-layers.zh.mmd (Chinese), the same numbers in both.
tests/test_worked_example.py rebuilds the app and checks the committed files
against a fresh rendering; tests/test_diagrams.py checks, without Docker, that
both diagrams are the record's.
"""

from __future__ import annotations

import io
import json
import re
import tarfile
from dataclasses import asdict, dataclass
from pathlib import Path

from docsite.engine.build import docker_build
from docsite.paths import ROOT

APP = ROOT / "snippets" / "worked-example" / "app"
TARGET = ROOT / "snippets" / "diagrams" / "worked-example-layers.mmd"
# What the build recorded; both languages' diagrams are written from it.
RECORD = ROOT / "snippets" / "diagrams" / "worked-example-layers.json"
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


@dataclass
class Layers:
    """What a build of the app recorded: everything the diagram shows, in both
    languages (snippets/diagrams/worked-example-layers.json)."""

    total: int  # layers in the image
    base: str  # the base image's name
    base_layers: list[str]  # its diff IDs, oldest first
    base_size: int  # bytes, from its history
    steps: list[Step]  # the Dockerfile's instructions after FROM, oldest first

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Layers:
        data = json.loads(text)
        data["steps"] = [Step(**step) for step in data["steps"]]
        return cls(**data)


def record(client, image, dockerfile: str) -> Layers:
    """The layers of a build of the app, read from the image and its base."""
    base = client.images.get(BASE)
    return Layers(
        total=len(image.attrs["RootFS"]["Layers"]),
        base=BASE,
        base_layers=list(base.attrs["RootFS"]["Layers"]),
        # The same measure as the layers above: the history's sizes, not the
        # image's Size (which counts the compressed blobs too on the containerd store).
        base_size=sum(entry["Size"] for entry in base.history()),
        steps=steps(client, image, dockerfile),
    )


# The diagram's words in each language; the numbers, instructions and digests
# come from the record. Chinese uses the terms of snippets/glossary/terms.zh.yml
# (镜像层, 基础镜像, 镜像配置); Docker's own words (CMD, docker history) stay.
WORDS = {
    "en": {
        "title": "The worked example's image, layer by layer, from a real build",
        "total": "The image built from snippets/worked-example/app has {total} layers,"
        " drawn newest first, as docker history lists them.",
        "base": "The base image {base} brings {count} of them, {size} in all: {ids}.",
        "own": "The Dockerfile adds {count}, {size} in all: {described}.",
        "step": "layer {n}, {instruction}, {size}, {id}",
        "join": "; ",
        "list": ", ",
        "config": "{keywords} change only the image config and add no layer.",
        "made": "Generated by make layers-diagram from the image's history and RootFS.Layers.",
        "cfg_box": "config only, no layer:<br/>{keywords}",
        "own_box": "added by the Dockerfile · {count} layers · {size}",
        "base_box": "base image {base} · {count} layer{plural} · {size}",
        "layer": "layer {n}",
    },
    "zh": {
        "title": "完整示例的镜像：来自一次真实构建，逐层画出",
        "total": "由 snippets/worked-example/app 构建的镜像有 {total} 个镜像层，"
        "按 docker history 列出的顺序从新到旧画出。",
        "base": "基础镜像 {base} 带来其中 {count} 层，共 {size}：{ids}。",
        "own": "Dockerfile 增加 {count} 层，共 {size}：{described}。",
        "step": "第 {n} 层，{instruction}，{size}，{id}",
        "join": "；",
        "list": "、",
        "config": "{keywords} 只改镜像配置，不增加镜像层。",
        "made": "由 make layers-diagram 根据镜像的 history 和 RootFS.Layers 生成。",
        "cfg_box": "只改镜像配置，不增加镜像层：<br/>{keywords}",
        "own_box": "由 Dockerfile 增加 · {count} 层 · {size}",
        "base_box": "基础镜像 {base} · {count} 层 · {size}",
        "layer": "第 {n} 层",
    },
}
LANGUAGES = tuple(WORDS)


def target(language: str) -> Path:
    """snippets/diagrams/worked-example-layers.mmd, or its .zh.mmd variant."""
    suffix = "" if language == "en" else f".{language}"
    return TARGET.with_name(f"{TARGET.stem}{suffix}.mmd")


def mermaid(layers: Layers, language: str = "en") -> str:
    """The diagram's Mermaid source: the config-only instructions, one box per
    layer the Dockerfile added, then the base image's layers, grouped."""
    w = WORDS[language]
    base_layers = layers.base_layers
    own = [s for s in layers.steps if s.diff_id]
    config_only = []
    for step in layers.steps:
        keyword = step.instruction.split()[0]
        if not step.diff_id and keyword not in config_only:
            config_only.append(keyword)
    keywords = w["list"].join(config_only)
    base_size = human_size(layers.base_size)
    own_size = human_size(sum(s.size for s in own))

    described = w["join"].join(
        w["step"].format(
            n=n, instruction=s.instruction, size=human_size(s.size), id=prefix(s.diff_id)
        )
        for n, s in enumerate(own, start=len(base_layers) + 1)
    )
    first = len(base_layers) + 1
    plural = "s" if len(base_layers) != 1 else ""
    base_ids = w["list"].join(prefix(d) for d in base_layers)
    lines = [
        # Top to bottom, newest layer first, as `docker history` lists them.
        "flowchart TB",
        f"  accTitle: {w['title']}",
        "  accDescr {",
        "    " + w["total"].format(total=layers.total),
        "    "
        + w["base"].format(base=layers.base, count=len(base_layers), size=base_size, ids=base_ids),
        "    " + w["own"].format(count=len(own), size=own_size, described=described),
        "    " + w["config"].format(keywords=keywords),
        "    " + w["made"],
        "  }",
        f'  CFG["{w["cfg_box"].format(keywords=keywords)}"]:::config',
        f'  subgraph own["{w["own_box"].format(count=len(own), size=own_size)}"]',
    ]
    numbered = list(enumerate(own, start=first))
    for n, step in reversed(numbered):
        lines.append(
            f'    L{n}["{w["layer"].format(n=n)} · {short(step.instruction)}<br/>'
            f'{prefix(step.diff_id)} · {human_size(step.size)}"]'
        )
    lines += [
        "    " + " ~~~ ".join(f"L{n}" for n, _ in reversed(numbered)),
        "  end",
        '  subgraph base["'
        + w["base_box"].format(
            base=layers.base, count=len(base_layers), plural=plural, size=base_size
        )
        + '"]',
    ]
    for n, diff_id in reversed(list(enumerate(base_layers, start=1))):
        lines.append(f'    L{n}["{w["layer"].format(n=n)} · {prefix(diff_id)}"]')
    if len(base_layers) > 1:
        lines.append("    " + " ~~~ ".join(f"L{n}" for n in range(len(base_layers), 0, -1)))
    lines += [
        "  end",
        f"  CFG ~~~ L{first + len(own) - 1}",
        f"  L{first} ~~~ L{len(base_layers)}",
    ]
    return "\n".join(lines) + "\n"
