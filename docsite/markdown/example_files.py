"""The files behind a page's examples: which they are, one zip per folder, and
where the page offers it.

A page's examples live in snippets/<folder>/ and run there (the tests run each
one with that folder as its working directory). A reader needs the same files
in the same place: the Dockerfiles and what they copy, the scripts. So every
page that includes an example from snippets/<folder>/ links files/<folder>.zip,
made at build time, with one line just before the block that holds its first
example from that folder. Nothing is listed by hand: a new page, or a folder
moved with its examples, gets its zip from what the page includes.

An example file is a transcript (.console), a script (.py), or any file of a
build context (a folder with a Dockerfile below snippets/<folder>/). Page
fragments (.md), diagrams and the normaliser's code are shown on pages but are
not examples, so no zip holds them; nor do __pycache__ folders.

A command that reaches outside its folder (`docker build ../worked-example/app`)
would fail in an unzipped folder alone, so the zip also holds what such a path
names, beside the page's folder, as it sits under snippets/.

The zip is the same bytes on every build: entries sorted, one fixed timestamp,
fixed permissions (only the executable bit is kept), no directory entries.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path, PurePosixPath

from docsite.markdown.includes import INCLUDE
from docsite.paths import SNIPPETS

# Shown on a page, but not an example of Docker: the normaliser's own code
# (the examples' harness leaves it out the same way).
NOT_EXAMPLES = frozenset({"about-examples/normalise.py"})
RUNNABLE = (".console", ".py")
JUNK = ("__pycache__", ".pytest_cache")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can hold
# A path in a command or script that leaves the folder: ../<folder>/<path>.
OUTSIDE = re.compile(r"(?<![\w./-])\.\./([\w.-]+(?:/[\w.-]+)*)")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
TAB = re.compile(r"^===[+!]?\s")


def _junk(path: PurePosixPath) -> bool:
    return any(part in JUNK for part in path.parts) or path.suffix in (".pyc", ".pyo")


def build_context(name: str, snippets: Path = SNIPPETS) -> bool:
    """True when the file lies in a folder (below its top folder) that holds a Dockerfile."""
    parts = PurePosixPath(name).parts
    for depth in range(len(parts) - 1, 1, -1):
        if (snippets.joinpath(*parts[:depth]) / "Dockerfile").is_file():
            return True
    return False


def is_example_file(name: str, snippets: Path = SNIPPETS) -> bool:
    """`images/demo/Dockerfile`, `images/layers.console`: yes; `facts/x.md`,
    `diagrams/x.mmd`, `about-examples/normalise.py`: no."""
    path = PurePosixPath(name)
    if len(path.parts) < 2 or name in NOT_EXAMPLES or _junk(path) or path.suffix == ".md":
        return False
    return path.suffix in RUNNABLE or build_context(name, snippets)


def example_folders(markdown: str, snippets: Path = SNIPPETS) -> list[str]:
    """The snippets folders a page's examples come from, in the order the page shows them."""
    found: list[str] = []
    for match in INCLUDE.finditer(markdown):
        name = match.group(1)
        if is_example_file(name, snippets) and (snippets / name).is_file():
            folder = PurePosixPath(name).parts[0]
            if folder not in found:
                found.append(folder)
    return found


def outside_paths(folder: str, snippets: Path = SNIPPETS) -> list[str]:
    """Paths under snippets/ that the folder's examples use through `../`, sorted:
    `../worked-example/app` from images/ gives `worked-example/app`."""
    found = set()
    for name in _files_below(snippets / folder, snippets):
        if PurePosixPath(name).suffix in RUNNABLE and is_example_file(name, snippets):
            for match in OUTSIDE.finditer((snippets / name).read_text(encoding="utf-8")):
                target = os.path.normpath(f"{folder}/../{match.group(1)}")
                if not target.startswith("..") and (snippets / target).exists():
                    found.add(PurePosixPath(target).as_posix())
    return sorted(found)


def _files_below(path: Path, snippets: Path) -> list[str]:
    if path.is_file():
        return [path.relative_to(snippets).as_posix()]
    return sorted(
        p.relative_to(snippets).as_posix()
        for p in path.rglob("*")
        if p.is_file() and not _junk(PurePosixPath(p.relative_to(snippets).as_posix()))
    )


def zip_members(folder: str, snippets: Path = SNIPPETS) -> list[str]:
    """What files/<folder>.zip holds, as paths under snippets/ (and in the zip), sorted."""
    members = {n for n in _files_below(snippets / folder, snippets) if is_example_file(n, snippets)}
    for target in outside_paths(folder, snippets):
        members |= {
            n for n in _files_below(snippets / target, snippets) if is_example_file(n, snippets)
        }
    return sorted(members)


def zip_bytes(folder: str, snippets: Path = SNIPPETS) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in zip_members(folder, snippets):
            source = snippets / name
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.create_system = 3  # Unix, so that the permissions below are read
            mode = 0o755 if os.access(source, os.X_OK) else 0o644
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, source.read_bytes(), compresslevel=9)
    return buffer.getvalue()


def zip_path(folder: str) -> str:
    """Where the zip is published, relative to the site root (and to docs/)."""
    return f"files/{folder}.zip"


# The line in each edition's language (theme.language).
OFFERS = {
    "en": "Get the files: {link}, and run the commands from inside its {folder} folder.",
    "zh": "获取文件：{link}，并在其中的 {folder} 文件夹里运行这些命令。",
}


def offer_line(folder: str, page_src: str, language: str = "en") -> str:
    """The one line a page shows: a plain link and the working directory."""
    href = PurePosixPath(os.path.relpath(zip_path(folder), PurePosixPath(page_src).parent))
    text = OFFERS[language].format(link=f"[{folder}.zip]({href.as_posix()})", folder=folder)
    return f'<p class="example-files" data-search-exclude="" markdown="span">{text}</p>'


def _block_start(lines: list[str], index: int, fence_start: dict[int, int]) -> int:
    """The first line of the top-level block that holds line `index`: the fence
    around an include, then the tab, admonition or list item it is indented
    under, then the first tab of its tab group."""
    index = fence_start.get(index, index)
    while index > 0 and (not lines[index].strip() or lines[index][0] in " \t"):
        index -= 1
    if TAB.match(lines[index]):
        previous = index - 1
        while previous >= 0:
            line = lines[previous]
            if line.strip() and line[0] not in " \t":
                if not TAB.match(line):
                    break
                index = previous
            previous -= 1
    return index


def with_offers(
    markdown: str, page_src: str, snippets: Path = SNIPPETS, language: str = "en"
) -> str:
    """The page's Markdown with the offer line before the block of the first
    example from each of its folders."""
    lines = markdown.split("\n")
    fence_start: dict[int, int] = {}
    fence, opened = None, 0
    for number, line in enumerate(lines):
        mark = FENCE.match(line)
        if mark and fence is None:
            fence, opened = mark.group(1), number
        elif mark and line.strip().startswith(fence):
            fence = None
        elif fence is not None:
            fence_start[number] = opened
    first: dict[str, int] = {}
    for match in INCLUDE.finditer(markdown):
        name = match.group(1)
        if not (is_example_file(name, snippets) and (snippets / name).is_file()):
            continue
        folder = PurePosixPath(name).parts[0]
        if folder not in first:
            line = markdown.count("\n", 0, match.start())
            first[folder] = _block_start(lines, line, fence_start)
    for folder, at in sorted(first.items(), key=lambda item: -item[1]):
        before = [""] if at and lines[at - 1].strip() else []
        lines[at:at] = [*before, offer_line(folder, page_src, language), ""]
    return "\n".join(lines)
