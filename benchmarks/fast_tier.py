"""How long the fast tier takes: `make check`, every test that needs neither Docker nor a browser.

    .venv/bin/python benchmarks/fast_tier.py [--runs 3]

Prints the figures and writes them to benchmarks/results/fast_tier.md (committed;
docsite/results.py has the convention); then `make readme-results`.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time

from docsite import results
from docsite.paths import ROOT

COMMAND = ".venv/bin/python benchmarks/fast_tier.py"


def timed_run() -> tuple[float, str]:
    """One run of `make check` itself (so the figure follows its options); its
    time and pytest's summary."""
    start = time.perf_counter()
    result = subprocess.run(
        ["make", "-s", "check", "PYTEST_ARGS=-q -p no:cacheprovider"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    summary = result.stdout.strip().splitlines()[-1]
    if result.returncode:
        sys.exit(f"the fast tier failed: {summary}")
    return seconds, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    runs = [timed_run() for _ in range(args.runs)]
    times = [seconds for seconds, _ in runs]
    passed = re.search(r"(\d+) passed", runs[-1][1])[1]
    figures = (
        f"`make check` (the fast tier: {passed} tests that need neither Docker nor a browser) "
        f"takes {statistics.median(times):.0f} s (median of {args.runs} runs: "
        f"{', '.join(f'{t:.0f}' for t in times)} s)."
    )
    print(figures)
    print(f"wrote {results.write('fast_tier', figures, COMMAND).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
