"""The images the layer explorer shows, built and saved as their pages build them.

`make layers` (scripts/layer_explorer.py) builds each one on a lab of its own,
saves it with `docker save` and writes its explorer files (docsite/layers/);
tests/test_layer_explorer.py builds them again, on both stores, and checks the
explorer against the engine and the committed files against a fresh build.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from docsite.engine.build import docker_build
from docsite.layers import report
from docsite.paths import SNIPPETS


@dataclass(frozen=True)
class Source:
    """An image the explorer shows, built as its page builds it."""

    name: str  # the explorer's file names
    tag: str
    cwd: Path  # where the page's `docker build` runs
    context: str
    dockerfile: str = "Dockerfile"


IMAGES = [
    Source("images-leaky", "images-leaky", SNIPPETS / "images", "whiteout"),
    Source("worked-example-app", "worked-example-app:v1", SNIPPETS / "worked-example", "app"),
]


def docker(env: dict[str, str], *args: str, stdin: str | None = None, cwd: Path | None = None):
    """A docker CLI command on the lab's engine; raises with its output if it fails."""
    return subprocess.run(
        ["docker", *args],
        env={**os.environ, **env},
        cwd=cwd,
        input=stdin,
        check=True,
        capture_output=True,
        text=True,
    )


def build(env: dict[str, str], source: Source) -> None:
    """`docker build -t <tag> <context>`, as the page types it."""
    dockerfile = source.cwd / source.context / source.dockerfile
    docker_build(env, source.cwd / source.context, "-f", str(dockerfile), "-t", source.tag)


def save(env: dict[str, str], tag: str, folder: Path) -> Path:
    target = folder / (tag.replace(":", "_").replace("/", "_") + ".tar")
    docker(env, "save", "-o", str(target), tag)
    return target


def explore(env: dict[str, str], source: Source) -> dict:
    """Build, save and explore one image; its document."""
    build(env, source)
    with tempfile.TemporaryDirectory() as folder:
        return report.explore(save(env, source.tag, Path(folder)), source.name)
