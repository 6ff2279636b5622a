"""How long `mkdocs build` takes (median of 5) and how big the built site is.

    .venv/bin/python benchmarks/build_time.py [--runs 5]

Prints Markdown and writes it to benchmarks/results/build_time.md (git-ignored).
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from support.site import mkdocs_env  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
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
    report = "\n".join(
        [
            "# Build time and site size",
            "",
            f"- `mkdocs build`, {args.runs} runs: median {statistics.median(times):.2f} s "
            f"(runs: {', '.join(f'{t:.2f}' for t in times)})",
            f"- built site: {len(files)} files, {raw / 1024:.0f} KB "
            f"({sent / 1024:.0f} KB with text files gzipped)",
            f"- files by type: {', '.join(f'{k} {n}' for k, n in kinds.most_common())}",
            "",
        ]
    )
    print(report)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "build_time.md").write_text(report)


if __name__ == "__main__":
    main()
