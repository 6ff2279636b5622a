"""The two fragments that name the engine every output was recorded with, from what it reports.

About the examples includes the full sentence, every page with examples the
short line. Written by `make re-record` (through scripts/recorded_with.py),
compared with the running engine by tests/test_about_examples.py, so a change
of engine/packages.lock without re-recording fails.
"""

from __future__ import annotations

from docsite.paths import SNIPPETS

FULL = SNIPPETS / "about-examples" / "recorded-with.md"
LINE = SNIPPETS / "about-examples" / "recorded-with-line.md"


def _plain(version: str) -> str:
    return version.split("+")[0]  # "28.5.2+dfsg4" -> "28.5.2": Debian's packaging suffix


def fragments(versions: dict[str, str]) -> tuple[str, str]:
    """(the full sentence, the short line) for an engine's `version()`."""
    v = versions
    full = (
        f"Every output on this site was recorded with **Docker Engine {_plain(v['engine'])}** "
        f"(dockerd and the CLI), **BuildKit** through **buildx {_plain(v['buildx'])}**, and "
        f"**containerd {_plain(v['containerd'])}**, on the containerd image store (its "
        f"`{v['store']}` snapshotter), unless a tab says *classic store*.\n"
    )
    line = (
        f"Outputs on this page: Docker Engine {_plain(v['engine'])}, BuildKit, containerd "
        "image store ([how they are recorded](about-examples.md#recorded-with)).\n"
    )
    return full, line


def committed() -> tuple[str, str]:
    return FULL.read_text(), LINE.read_text()


def write(versions: dict[str, str]) -> None:
    full, line = fragments(versions)
    FULL.write_text(full)
    LINE.write_text(line)
