"""The two fragments that name the engine every output was recorded with, from what it reports.

About the examples includes the full sentence, every page with examples the
short line; the Chinese pages include the same two in Chinese (`.zh.md`).
Written by `make re-record` (through scripts/recorded_with.py),
compared with the running engine by tests/test_about_examples.py, so a change
of engine/packages.lock without re-recording fails.
"""

from __future__ import annotations

from docsite.paths import SNIPPETS

FULL = SNIPPETS / "about-examples" / "recorded-with.md"
LINE = SNIPPETS / "about-examples" / "recorded-with-line.md"
FULL_ZH = FULL.with_suffix(".zh.md")
LINE_ZH = LINE.with_suffix(".zh.md")
FILES = (FULL, LINE, FULL_ZH, LINE_ZH)


def _plain(version: str) -> str:
    return version.split("+")[0]  # "28.5.2+dfsg4" -> "28.5.2": Debian's packaging suffix


def fragments(versions: dict[str, str]) -> tuple[str, str, str, str]:
    """The full sentence and the short line, in English and in Chinese, for an
    engine's `version()`."""
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
    full_zh = (
        f"本站的每一段输出都是用 **Docker Engine {_plain(v['engine'])}**（dockerd 和 CLI）、"
        f"通过 **buildx {_plain(v['buildx'])}** 调用的 **BuildKit** 和 "
        f"**containerd {_plain(v['containerd'])}** 录制的，使用 containerd 镜像存储（它的 "
        f"`{v['store']}` 快照器），标为 *classic store* 的选项卡除外。\n"
    )
    line_zh = (
        f"本页输出录制于：Docker Engine {_plain(v['engine'])}、BuildKit、containerd "
        "镜像存储（[录制方式](about-examples.md#recorded-with)）。\n"
    )
    return full, line, full_zh, line_zh


def committed() -> tuple[str, ...]:
    return tuple(path.read_text(encoding="utf-8") for path in FILES)


def write(versions: dict[str, str]) -> None:
    for path, text in zip(FILES, fragments(versions), strict=True):
        path.write_text(text, encoding="utf-8")
