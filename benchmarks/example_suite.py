"""Wall time of the whole example suite (every test marked `docker`), cold and warm.

cold: an empty cache, so the run downloads and unpacks the private engine's
      packages, makes the stand-in base image with mmdebstrap and downloads the
      worked example's wheels (the engine itself starts empty on every run);
warm: the same cache again, everything already made.

Usage: .venv/bin/python benchmarks/example_suite.py [--runs N]
Prints a Markdown table and writes the figures the README quotes to
benchmarks/results/example_suite.md (committed; docsite/results.py has the
convention); then `make readme-results`. The figures depend on the machine
(cores, disk, mirror).
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from docsite import results
from docsite.engine.packages import version
from docsite.paths import ROOT

COMMAND = ".venv/bin/python benchmarks/example_suite.py"


def suite(cache: Path) -> tuple[float, int]:
    """One run of the example suite; its wall time and how many tests passed."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-m", "docker", "-p", "no:cacheprovider"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"the suite failed:\n{result.stdout[-3000:]}")
    summary = result.stdout.strip().splitlines()[-1]
    print(f"  {summary} ({elapsed:.1f} s)", file=sys.stderr)
    return elapsed, int(re.search(r"(\d+) passed", summary)[1])


def figures(tests: int, cold: float, warm: float, runs: int) -> str:
    """The sentence the README quotes."""
    median = f" (median of {runs} runs)" if runs > 1 else ""
    return (
        f"The {tests} Docker example tests (both image stores) take {cold:.0f} s cold "
        f"(engine packages downloaded, base image made with mmdebstrap, wheels fetched) "
        f"and {warm:.0f} s warm{median}."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="warm runs (median)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-cache-") as cache:
        print("cold run…", file=sys.stderr)
        cold, tests = suite(Path(cache))
        print("warm runs…", file=sys.stderr)
        warm = statistics.median(suite(Path(cache))[0] for _ in range(args.runs))
    print("| example suite | wall time |")
    print("| --- | --- |")
    print(f"| cold (base image made, wheels fetched) | {cold:.0f} s |")
    print(f"| warm (median of {args.runs}) | {warm:.0f} s |")
    command = COMMAND + ("" if args.runs == 1 else f" --runs {args.runs}")
    engine = f"the private Docker Engine {version('docker.io').split('+')[0]}"
    path = results.write(
        "example_suite", figures(tests, cold, warm, args.runs), command, extra_machine=engine
    )
    print(f"wrote {path.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
