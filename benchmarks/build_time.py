"""How long `mkdocs build` takes (median of 5) and how big the built site is.

    .venv/bin/python benchmarks/build_time.py [--runs 5]

Prints the figures and writes them to benchmarks/results/build_time.md (committed;
docsite/results.py has the convention); then `make readme-results`.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from docsite import results
from docsite.browser.mkdocs_env import mkdocs_env
from docsite.paths import ROOT

COMMAND = ".venv/bin/python benchmarks/build_time.py"
TEXT = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}


def timed_build(dest: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--clean", "-d", str(dest)],
        cwd=ROOT,
        env=mkdocs_env(),
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp, "site")
        times = [timed_build(site) for _ in range(args.runs)]
        files = [p for p in site.rglob("*") if p.is_file()]
        raw = sum(p.stat().st_size for p in files)
        # What a host serving gzip sends for text files; binary files as they are.
        sent = sum(
            len(gzip.compress(p.read_bytes(), 6)) if p.suffix in TEXT else p.stat().st_size
            for p in files
        )
        kinds = Counter(p.suffix or "(none)" for p in files)
    median = statistics.median(times)
    figures = (
        f"`mkdocs build` takes {median:.1f} s (median of {args.runs} runs: "
        f"{', '.join(f'{t:.2f}' for t in times)} s); the built site is {len(files)} files, "
        f"{raw / 2**20:.1f} MB ({sent / 2**20:.1f} MB with text files gzipped)."
    )
    print(figures)
    print("files by type: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    print(f"wrote {results.write('build_time', figures, COMMAND).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
