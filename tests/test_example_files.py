"""Every page with examples offers their files (docsite/markdown/example_files.py).

A reader cannot run `docker build -t images-demo:v1 demo` without the `demo`
folder. Each page that shows an example from snippets/<folder>/ links
files/<folder>.zip and says to run the commands from inside that folder; these
tests check, on the built site, that each such page links a zip that exists,
that each zip holds exactly the example files (what the repository holds in
that folder, less page fragments and the normaliser), and that two builds
make the same bytes. Each check has a control that makes it fail.
"""

from __future__ import annotations

import gzip
import io
import os
import re
import subprocess
import zipfile
from pathlib import Path, PurePosixPath

from support.site import ROOT, build, scratch_copy

from docsite.examples import harness
from docsite.markdown import example_files
from docsite.paths import DOCS, SNIPPETS

OFFER = re.compile(r'<p class="example-files"[^>]*>(.*?)</p>', re.S)
ZIP_LINK = re.compile(r'href="([^"]+\.zip)"')
WEIGHT_LIMIT = 300  # gzip bytes the line may add to a page


# ------------------------------------------------------------------ what should be there
def example_pages(docs: Path = DOCS) -> dict[str, set[str]]:
    """Page source -> the folders of the examples it shows, read the way the
    examples' harness reads the pages (not the way the build hook does)."""
    pages: dict[str, set[str]] = {}
    for name, shown_on in harness.included(docs).items():
        if harness.is_example(name):
            for page in shown_on:
                pages.setdefault(page, set()).add(PurePosixPath(name).parts[0])
    return pages


def page_html(site: Path, src: str) -> Path:
    stem = PurePosixPath(src).with_suffix("")
    if stem.name == "index":
        return site / stem.parent / "index.html"
    return site / stem / "index.html"


def repository_files(path: Path) -> set[str]:
    """Files under `path` that belong to the repository (tracked, or new and not
    ignored: never __pycache__), relative to snippets/."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", str(path)],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return {
        Path(ROOT, name).relative_to(SNIPPETS).as_posix()
        for name in listed.split("\0")
        if name and Path(ROOT, name).is_file()
    }


def expected_members(folder: str) -> set[str]:
    """The folder's files less page fragments (.md) and what is shown but not an
    example; plus whatever its examples reach through `../`."""
    own = {
        name
        for name in repository_files(SNIPPETS / folder)
        if not name.endswith(".md") and name not in harness.NOT_EXAMPLES
    }
    for target in example_files.outside_paths(folder):
        own |= repository_files(SNIPPETS / target)
    return own


# ------------------------------------------------------------------ the checks
def offer_problems(html_path: Path, site: Path, folders: set[str]) -> list[str]:
    """What is wrong with a built page's offers of `folders`' zips."""
    html = html_path.read_text(encoding="utf-8")
    offers = OFFER.findall(html)
    problems = []
    for folder in sorted(folders):
        line = next((o for o in offers if f"{folder}.zip" in o), None)
        if line is None:
            problems.append(f"{html_path.relative_to(site)}: no link to {folder}.zip")
            continue
        href = ZIP_LINK.search(line)
        target = (html_path.parent / href.group(1)).resolve() if href else None
        if target is None or not target.is_file() or target.name != f"{folder}.zip":
            problems.append(f"{html_path.relative_to(site)}: {folder}.zip is not in the build")
        if not re.search(rf"inside .*\b{re.escape(folder)}\b.* folder", line):
            problems.append(f"{html_path.relative_to(site)}: the line names no working directory")
    return problems


def member_problems(archive: bytes, expected: set[str], folder: str) -> list[str]:
    names = set(zipfile.ZipFile(io.BytesIO(archive)).namelist())
    return [f"{folder}.zip holds {n}, not an example file" for n in sorted(names - expected)] + [
        f"{folder}.zip lacks {n}" for n in sorted(expected - names)
    ]


def differing_zips(one: Path, two: Path) -> list[str]:
    names = sorted({p.name for p in one.glob("*.zip")} | {p.name for p in two.glob("*.zip")})
    return [
        name
        for name in names
        if not (one / name).is_file()
        or not (two / name).is_file()
        or (one / name).read_bytes() != (two / name).read_bytes()
    ]


# ------------------------------------------------------------------ on the built site
def test_every_page_with_examples_links_its_zip_and_says_where_to_run(built_site):
    pages = example_pages()
    assert {"images.md", "worked-example.md", "about-examples.md"} <= set(pages)
    problems = [
        problem
        for src, folders in sorted(pages.items())
        for problem in offer_problems(page_html(built_site, src), built_site, folders)
    ]
    assert not problems, "\n".join(problems)


def test_control_a_page_without_its_line_or_its_zip_fails(built_site, tmp_path):
    site = tmp_path / "site"
    (site / "images").mkdir(parents=True)
    (site / "files").mkdir()
    html = page_html(built_site, "images.md").read_text(encoding="utf-8")
    (site / "images" / "index.html").write_text(OFFER.sub("", html), encoding="utf-8")
    assert offer_problems(site / "images" / "index.html", site, {"images"}) == [
        "images/index.html: no link to images.zip"
    ]
    (site / "images" / "index.html").write_text(html, encoding="utf-8")  # no zip in files/
    assert offer_problems(site / "images" / "index.html", site, {"images"}) == [
        "images/index.html: images.zip is not in the build"
    ]
    (site / "files" / "images.zip").write_bytes(b"")
    assert offer_problems(site / "images" / "index.html", site, {"images"}) == []


def test_every_zip_holds_exactly_the_example_files(built_site):
    folders = sorted({f for folders in example_pages().values() for f in folders})
    published = sorted(p.stem for p in (built_site / "files").glob("*.zip"))
    assert published == folders, "a zip for each folder a page shows examples from, no other"
    problems = [
        problem
        for folder in folders
        for problem in member_problems(
            (built_site / "files" / f"{folder}.zip").read_bytes(), expected_members(folder), folder
        )
    ]
    assert not problems, "\n".join(problems)


def test_every_path_a_command_reaches_outside_its_folder_is_in_the_zip(built_site):
    """`docker build ../worked-example/app` from images/ works in the unzipped folders."""
    missing = []
    for example in harness.discover():
        folder = PurePosixPath(example.name).parts[0]
        names = zipfile.ZipFile(built_site / "files" / f"{folder}.zip").namelist()
        for path in re.findall(r"\.\./([\w./-]+)", example.path.read_text(encoding="utf-8")):
            target = os.path.normpath(f"{folder}/../{path}")
            if not any(n == target or n.startswith(target + "/") for n in names):
                missing.append(f"{example.name}: ../{path} is not in {folder}.zip")
    assert not missing, "\n".join(missing)


def test_control_a_zip_of_the_whole_folder_fails(tmp_path):
    """Junk, page fragments and the normaliser are caught; so is a missing file."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted((SNIPPETS / "about-examples").rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(SNIPPETS).as_posix())
        archive.writestr("about-examples/__pycache__/hello.cpython-311.pyc", b"")
    problems = member_problems(buffer.getvalue(), expected_members("about-examples"), "x")
    assert "x.zip holds about-examples/normalise.py, not an example file" in problems
    assert "x.zip holds about-examples/recorded-with.md, not an example file" in problems
    assert any("__pycache__" in p for p in problems)
    lacking = expected_members("about-examples") | {"about-examples/gone.console"}
    assert "x.zip lacks about-examples/gone.console" in member_problems(
        example_files.zip_bytes("about-examples"), lacking, "x"
    )


def test_junk_in_a_folder_stays_out_of_its_zip(tmp_path):
    snippets = tmp_path / "snippets"
    for name, text in {
        "demo/run.console": "$ docker build -t x ctx\n",
        "demo/run.py": "print(1)\n",
        "demo/notes.md": "a fragment\n",
        "demo/ctx/Dockerfile": "FROM scratch\n",
        "demo/ctx/data.txt": "data\n",
        "demo/ctx/__pycache__/x.cpython-311.pyc": "",
        "demo/__pycache__/run.cpython-311.pyc": "",
    }.items():
        (snippets / name).parent.mkdir(parents=True, exist_ok=True)
        (snippets / name).write_text(text)
    assert example_files.zip_members("demo", snippets) == [
        "demo/ctx/Dockerfile",
        "demo/ctx/data.txt",
        "demo/run.console",
        "demo/run.py",
    ]


# ------------------------------------------------------------------ the same bytes
def test_two_builds_make_byte_identical_zips(built_site, tmp_path):
    """A second build, of a copy whose files have other times and permissions."""
    project = scratch_copy(tmp_path / "project")
    for number, path in enumerate(sorted((project / "snippets").rglob("*"))):
        if path.is_file():
            os.utime(path, (1_900_000_000 + number, 1_900_000_000 + number))
            path.chmod(0o600 if path.stat().st_mode & 0o111 == 0 else 0o700)
    result = build(tmp_path / "site", project, chinese=False)
    assert result.returncode == 0, result.stdout
    assert differing_zips(built_site / "files", tmp_path / "site" / "files") == []


def test_control_zips_with_file_times_differ_between_copies(tmp_path):
    """The comparison above sees a zip that takes each file's time (ZipFile.write)."""
    for copy, when in (("one", 1_800_000_000), ("two", 1_900_000_000)):
        source = tmp_path / f"src-{copy}" / "hello.console"
        source.parent.mkdir()
        source.write_text("$ echo hello\nhello\n")
        os.utime(source, (when, when))
        (tmp_path / copy).mkdir()
        with zipfile.ZipFile(tmp_path / copy / "about-examples.zip", "w") as archive:
            archive.write(source, "about-examples/hello.console")
    assert differing_zips(tmp_path / "one", tmp_path / "two") == ["about-examples.zip"]


# ------------------------------------------------------------------ where and how heavy
PAGE = """\
# A page

Some text.

--8<-- "about-examples/recorded-with-line.md"

=== "Docker CLI"

    ```console
    --8<-- "{example}"
    ```

=== "Python"

    ```python
    --8<-- "{script}"
    ```
"""


def test_the_line_goes_before_the_block_of_the_first_example():
    text = PAGE.format(example="images/layers.console", script="images/layers.py")
    lines = example_files.with_offers(text, "images.md").split("\n")
    at = next(i for i, line in enumerate(lines) if "example-files" in line)
    assert lines[at + 2] == '=== "Docker CLI"' and lines[at - 1] == ""
    assert "[images.zip](files/images.zip)" in lines[at]
    # A fenced file at the top level: before the fence.
    fenced = '## Files\n\n```python title="app/app.py"\n--8<-- "worked-example/app/app.py"\n```\n'
    lines = example_files.with_offers(fenced, "sub/page.md").split("\n")
    assert "(../files/worked-example.zip)" in lines[2] and lines[4].startswith("```python")
    # A second tab's example is placed before the group's first tab.
    second = PAGE.format(example="facts/docker-ps.md", script="start/first-container.py")
    lines = example_files.with_offers(second, "start.md").split("\n")
    at = next(i for i, line in enumerate(lines) if "example-files" in line)
    assert lines[at + 2] == '=== "Docker CLI"'
    # No examples, no line.
    assert example_files.with_offers('--8<-- "facts/docker-ps.md"\n', "x.md").count("zip") == 0


def added_weight(html: str) -> int:
    """Gzip bytes the offer lines add to a page's HTML."""
    size = lambda text: len(gzip.compress(text.encode(), 6))  # noqa: E731
    return size(html) - size(OFFER.sub("", html))


def test_the_line_adds_at_most_300_bytes_gzip_to_a_page(built_site):
    added = {
        src: added_weight(page_html(built_site, src).read_text(encoding="utf-8"))
        for src in example_pages()
    }
    assert all(0 < bytes_ <= WEIGHT_LIMIT for bytes_ in added.values()), added


def test_control_a_heavy_line_is_over_the_limit():
    heavy = '<p class="example-files">' + os.urandom(400).hex() + "</p>"
    assert added_weight(f"<main>{heavy}</main>") > WEIGHT_LIMIT
