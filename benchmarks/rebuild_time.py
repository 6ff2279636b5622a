"""How much the build cache saves on the worked example: rebuild time after a
code change, with the cache and with --no-cache, median of 5 each.

Usage: .venv/bin/python benchmarks/rebuild_time.py [--runs N]

Builds snippets/worked-example/app exactly as the page does (`docker build`,
BuildKit) on the examples' private engine (docsite/engine/, containerd image
store) with the stand-in base image and the local package index the tests use,
under the tests' run lock, so it never runs during a test run. The engine and
everything it built are deleted at the end. Prints a Markdown table and writes the figures
the pages quote to benchmarks/results/rebuild_time.md (committed;
docsite/results.py has the convention); then `make readme-results`.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from docsite import results
from docsite.engine import lab
from docsite.engine.build import docker_build
from docsite.paths import ROOT

APP = ROOT / "snippets" / "worked-example" / "app"
COMMAND = ".venv/bin/python benchmarks/rebuild_time.py"
TAG = "benchmark-rebuild:latest"


def build(context: Path, env: dict[str, str], *extra: str) -> float:
    """One `docker build` as the page runs it; its wall-clock time in seconds."""
    started = time.perf_counter()
    docker_build(env, context, "-t", TAG, *extra)
    return time.perf_counter() - started


def measure(runs: int, env: dict[str, str], context: Path) -> dict[str, list[float]]:
    app = context / "app.py"
    build(context, env)  # fills the cache
    cached = []
    for run in range(runs):
        # A code change, as in the page's rebuild: only COPY app.py onwards reruns.
        app.write_text(app.read_text() + f"# edit {run}\n")
        cached.append(build(context, env))
    uncached = [build(context, env, "--no-cache") for _ in range(runs)]
    return {CACHED: cached, UNCACHED: uncached}


CACHED, UNCACHED = "with the cache, after editing app.py", "`--no-cache`"


def figures(cached: float, uncached: float, runs: int) -> str:
    """The sentence the pages and the README quote (medians, in seconds)."""
    return (
        f"The worked example rebuilds in {cached:.2f} s with the cache after an edit "
        f"to `app.py`, {uncached:.2f} s with `--no-cache` (median of {runs} each, "
        "BuildKit, installing from a local package index)."
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

    with lab.lab(pip_index=True) as private, tempfile.TemporaryDirectory() as tmp:
        context = Path(tmp) / "app"
        shutil.copytree(APP, context)
        measured = measure(args.runs, private.env(), context)
        engine_version = private.engine.version()["engine"]
    print(
        f"Worked example rebuild, Docker Engine {engine_version} (BuildKit, containerd "
        f"image store), {os.cpu_count()} CPUs, {platform.machine()}:\n"
    )
    print(table(measured, args.runs))
    medians = {name: statistics.median(times) for name, times in measured.items()}
    path = results.write(
        "rebuild_time",
        figures(medians[CACHED], medians[UNCACHED], args.runs),
        COMMAND + ("" if args.runs == 5 else f" --runs {args.runs}"),
        extra_machine=f"Docker Engine {engine_version}, BuildKit, containerd image store",
    )
    print(f"\nwrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
