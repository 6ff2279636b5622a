"""Benchmark results: one Markdown fragment per benchmark, the only place a
measured figure is written down.

The convention: `benchmarks/<name>.py` writes `benchmarks/results/<name>.md`, a
short fragment with the figures, the date, the machine and the command that
produced them (`write` below). Pages pull a fragment in with pymdownx.snippets
(`--8<-- "benchmarks/results/<name>.md"`); the README holds a copy of it between
`<!-- results:<name> -->` and `<!-- /results:<name> -->`, refreshed by
`make readme-results` (scripts/readme_results.py) and checked by
tests/test_results.py. So a figure is typed by no one, and it reads the same
everywhere it is quoted.
"""

from __future__ import annotations

import datetime
import os
import platform
import re
from pathlib import Path

from docsite.paths import ROOT

RESULTS = Path("benchmarks/results")  # relative to the repository root
MARKERS = re.compile(
    r"(?P<open><!-- results:(?P<name>[\w-]+) -->\n)(?P<body>.*?)"
    r"(?P<close><!-- /results:(?P=name) -->)",
    re.S,
)


def machine() -> str:
    """The machine, in the words a reader compares with their own."""
    return f"{os.cpu_count()} CPUs, {platform.machine()}, {platform.system()}"


def fragment(figures: str, command: str, *, when: str, machine: str) -> str:
    """The text of a results file: the figures, then how they were measured."""
    return f"{figures.strip()}\n\nMeasured {when} on {machine}, with `{command}`.\n"


def write(name: str, figures: str, command: str, *, extra_machine: str = "") -> Path:
    """Write benchmarks/results/<name>.md for today on this machine; its path."""
    when = datetime.date.today().isoformat()
    where = machine() + (f", {extra_machine}" if extra_machine else "")
    path = ROOT / RESULTS / f"{name}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(fragment(figures, command, when=when, machine=where), encoding="utf-8")
    return path


def sections(text: str) -> list[re.Match]:
    """The README's results sections, in order."""
    return list(MARKERS.finditer(text))


def filled(text: str, root: Path = ROOT) -> tuple[str, list[str]]:
    """The README text with each results section holding its file; and the
    names whose results file is missing (their sections are left as they are)."""
    missing = []

    def fill(match: re.Match) -> str:
        path = root / RESULTS / f"{match['name']}.md"
        if not path.is_file():
            missing.append(match["name"])
            return match[0]
        # Blank lines around the fragment: the markers stay HTML comments of
        # their own, and a table in the fragment ends before the closing one.
        body = "\n" + path.read_text(encoding="utf-8") + "\n"
        return match["open"] + body + match["close"]

    return MARKERS.sub(fill, text), missing
