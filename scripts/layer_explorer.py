"""Write the layer explorer's files from real builds of the images it shows.

Usage: make layers

Builds each image as its page builds it (`docker build`, BuildKit), on the
examples' private engine (docsite/engine.py, containerd image store) with the
stand-in base image and the local package index, under the engines' run lock;
saves it with `docker save` and writes docs/explorer/<name>.json and
snippets/explorer/<name>.md (docsite/layers/). The engine and everything it
built are deleted afterwards. tests/test_layer_explorer.py builds the images
again and fails when the committed files no longer match.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from docsite.layers import output, report

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"


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


def docker(env: dict[str, str], *args: str, cwd: Path | None = None, stdin: str | None = None):
    return subprocess.run(
        ["docker", *args],
        env={**os.environ, **env},
        cwd=cwd,
        input=stdin,
        check=True,
        capture_output=True,
        text=True,
    )


def build(env: dict[str, str], source: Source, *extra: str) -> None:
    dockerfile = ["-f", source.dockerfile] if source.dockerfile != "Dockerfile" else []
    docker(env, "build", *extra, *dockerfile, "-t", source.tag, source.context, cwd=source.cwd)


def save(env: dict[str, str], tag: str, folder: Path) -> Path:
    target = folder / (tag.replace(":", "_").replace("/", "_") + ".tar")
    docker(env, "save", "-o", str(target), tag)
    return target


def explore(env: dict[str, str], source: Source, *extra: str) -> dict:
    """Build, save and explore one image; its document."""
    build(env, source, *extra)
    with tempfile.TemporaryDirectory() as folder:
        return report.explore(save(env, source.tag, Path(folder)), source.name)


def main() -> int:
    import docker as docker_sdk

    from docsite import baseimage, engine, pipindex

    with engine.run_lock(), engine.running() as private, pipindex.serving():
        client = docker_sdk.DockerClient(base_url=private.host, timeout=300)
        baseimage.load(client)
        for source in IMAGES:
            output.write(explore(private.env(), source))
            print(f"wrote {', '.join(str(p.relative_to(ROOT)) for p in output.paths(source.name))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
