"""How much the build cache saves on the worked example: rebuild time after a
code change, with the cache and with --no-cache, median of 5 each.

Usage: .venv/bin/python benchmarks/rebuild_time.py [--runs N]

Builds snippets/worked-example/app exactly as the page does (`docker build`,
classic builder) against the stand-in base image and the local package index
the tests use (tests/support/docker_env.py, under the same run lock, so it
never runs during a test run). Everything it builds carries the docs-example
label and is removed at the end. Prints a Markdown table and writes the figures
the pages quote to benchmarks/results/rebuild_time.md (committed;
docsite/results.py has the convention); then `make readme-results`.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import docker

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from support import docker_env  # noqa: E402 - after the path it lives on

from docsite import results  # noqa: E402

APP = ROOT / "snippets" / "worked-example" / "app"
COMMAND = ".venv/bin/python benchmarks/rebuild_time.py"
TAG = "benchmark-rebuild:latest"


def build(context: Path, index: str, *extra: str) -> float:
    """One `docker build` as the page runs it; its wall-clock time in seconds."""
    env = {**os.environ, "DOCKER_BUILDKIT": "0", "PIP_INDEX_URL": index}
    command = ["docker", "build", "-q", "--network", "host", "--build-arg", "PIP_INDEX_URL"]
    command += ["--label", docker_env.LABEL, "-t", TAG, *extra, str(context)]
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - started


def measure(runs: int, index: str, context: Path) -> dict[str, list[float]]:
    app = context / "app.py"
    build(context, index)  # fills the cache
    cached = []
    for run in range(runs):
        # A code change, as in the page's rebuild: only COPY app.py onwards reruns.
        app.write_text(app.read_text() + f"# edit {run}\n")
        cached.append(build(context, index))
    uncached = [build(context, index, "--no-cache") for _ in range(runs)]
    return {CACHED: cached, UNCACHED: uncached}


CACHED, UNCACHED = "with the cache, after editing app.py", "`--no-cache`"


def figures(cached: float, uncached: float, runs: int) -> str:
    """The sentence the pages and the README quote (medians, in seconds)."""
    return (
        f"The worked example rebuilds in {cached:.2f} s with the cache after an edit "
        f"to `app.py`, {uncached:.2f} s with `--no-cache` (median of {runs} each, "
        "installing from a local package index)."
    )


def table(measured: dict[str, list[float]], runs: int) -> str:
    lines = [
        f"| build | median of {runs} | min | max |",
        "|---|---:|---:|---:|",
    ]
    for name, times in measured.items():
        lines.append(
            f"| {name} | {statistics.median(times):.2f} s | {min(times):.2f} s "
            f"| {max(times):.2f} s |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    client = docker.from_env(timeout=300)
    with (
        docker_env.engine_lock(),
        docker_env.standin_base(client),
        docker_env.local_pip_index() as index,
        tempfile.TemporaryDirectory() as tmp,
    ):
        before = docker_env.inventory(client)
        context = Path(tmp) / "app"
        shutil.copytree(APP, context)
        try:
            measured = measure(args.runs, index, context)
        finally:
            # Every final image is labelled (newest first, each takes its step
            # images along); anything else new is a failed build's remains.
            docker_env.remove_labelled(client)
            docker_env.remove_new(client, before)
    engine = client.version()["Version"]
    print(
        f"Worked example rebuild, Docker Engine {engine} (classic builder), "
        f"{os.cpu_count()} CPUs, {platform.machine()}:\n"
    )
    print(table(measured, args.runs))
    medians = {name: statistics.median(times) for name, times in measured.items()}
    path = results.write(
        "rebuild_time",
        figures(medians[CACHED], medians[UNCACHED], args.runs),
        COMMAND + ("" if args.runs == 5 else f" --runs {args.runs}"),
        extra_machine=f"Docker Engine {engine}, classic builder",
    )
    print(f"\nwrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
