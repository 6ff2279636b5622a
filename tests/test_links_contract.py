"""Links into the site keep working: the link contract (tests/link_contract.txt).

Onboarding material links to pages and headings for years. The contract lists
every published page URL and heading anchor; these tests build the site and
fail when one of them stops resolving, naming the fix. Adding pages or headings
also fails until the contract lists them, so nothing is published unnoticed:

    make link-contract

The scratch-copy tests show the check itself works: they build a copy of the
project with a heading renamed, an id kept, a section replaced by a kept anchor,
and a page moved with and without a redirect (mkdocs-redirects).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from support.site import ROOT, build, scratch_copy

from docsite.published import link_contract as lc

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*$")
EXPLICIT_ID = re.compile(r"\{[^}]*#[a-z0-9][a-z0-9-]*[^}]*\}$")


def headings_without_id(text: str) -> list[tuple[int, str]]:
    """(line number, heading) for each Markdown heading with no `{ #id }`."""
    found, fence = [], None
    lines = text.splitlines()
    start = 0
    if lines and lines[0].strip() == "---":  # front matter
        ends = [i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"]
        start = ends[0] + 1 if ends else 0
    for number, line in enumerate(lines[start:], start + 1):
        mark = FENCE.match(line)
        if mark:
            if fence is None:
                fence = mark.group(1)[0] * len(mark.group(1))
            elif line.strip().startswith(fence):
                fence = None
            continue
        if fence is None and (heading := HEADING.match(line)):
            if not EXPLICIT_ID.search(heading.group(2)):
                found.append((number, line.strip()))
    return found


def test_every_heading_has_an_explicit_id():
    missing = [
        f"docs/{page.relative_to(ROOT / 'docs').as_posix()}:{number}: {line}"
        for page in sorted((ROOT / "docs").rglob("*.md"))
        for number, line in headings_without_id(page.read_text(encoding="utf-8"))
    ]
    assert not missing, (
        "headings without an explicit id; rewording them would move their link. "
        "Add one, lower-case with hyphens: `## The writable layer { #writable-layer }`\n"
        + "\n".join(missing)
    )


def test_heading_scanner_sees_ids_and_skips_code():
    text = (
        "---\ndescription: x\n---\n# Title\n## Kept { #kept }\n"
        "```console\n# not a heading\n```\n### Bare\n"
    )
    assert headings_without_id(text) == [(4, "# Title"), (9, "### Bare")]


def test_published_links_still_resolve(built_site):
    now = lc.published(built_site)
    contract = lc.read()

    report = []
    problems = lc.broken(contract, built_site)
    if problems:
        report.append(
            f"{len(problems)} published link(s) no longer resolve. Onboarding material "
            "points at these: keep them working (do not delete the lines from "
            f"{lc.CONTRACT.relative_to(ROOT)}):\n  " + "\n  ".join(problems)
        )
    new = sorted(set(now) - set(contract))
    if new:
        report.append(
            f"{len(new)} page(s)/anchor(s) are published but not in the link contract:\n  "
            + "\n  ".join(new)
            + "\nIf they are meant to be published (and their ids are final), add them:\n  "
            + f"{lc.UPDATE_COMMAND}\nthen commit {lc.CONTRACT.relative_to(ROOT)}."
        )
    assert not report, "\n\n".join(report)


# ---------------------------------------------------------------- scratch copies
def _scratch_build(project: Path) -> tuple[Path, str]:
    """Build `project` (not strict: a broken anchor is what we want to see), the
    English edition alone: every change below is to an English page."""
    site = project / "site"
    result = build(site, project, strict=False, chinese=False)
    assert result.returncode == 0, f"building the scratch copy failed:\n{result.stdout}"
    return site, result.stdout


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer contains {old!r}; update this test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    """The scratch copy's published English links before any change."""
    project = scratch_copy(tmp_path_factory.mktemp("baseline") / "project")
    site, _ = _scratch_build(project)
    assert not (site / "zh").exists(), "ENGLISH_ONLY=1 still built the Chinese edition"
    return lc.published(site), site


def test_renamed_heading_fails_with_the_fix_and_kept_ids_pass(baseline, tmp_path):
    contract, _ = baseline
    project = scratch_copy(tmp_path / "project")
    glossary = project / "docs" / "glossary.md"
    # Reworded, id dropped: the link breaks.
    _edit(glossary, "## Writable layer { #writable-layer }", "## The thin writable layer")
    # Reworded, id kept: the link holds.
    _edit(glossary, "## Whiteout { #whiteout }", "## Whiteout (deletion marker) { #whiteout }")
    # Section removed, its anchor kept where the text went: the link holds.
    _edit(glossary, "## Dead { #dead }\n", "[](){ #dead }\n")
    site, _ = _scratch_build(project)

    problems = lc.broken(contract, site)
    assert len(problems) == 1, "\n".join(problems)
    assert problems[0].startswith("/glossary/#writable-layer: the anchor #writable-layer is gone")
    assert "keep its id: `## New words { #writable-layer }`" in problems[0]


def test_moved_page_passes_only_with_a_redirect(baseline, tmp_path):
    contract, _ = baseline
    moved = [entry for entry in contract if entry.startswith("/cheat-sheet/")]
    assert "/cheat-sheet/#cleanup" in moved

    project = scratch_copy(tmp_path / "project")
    (project / "docs" / "cheat-sheet.md").rename(project / "docs" / "commands.md")
    _edit(project / "mkdocs.yml", "Cheat sheet: cheat-sheet.md", "Cheat sheet: commands.md")
    site, _ = _scratch_build(project)
    problems = lc.broken(moved, site)
    assert len(problems) == len(moved), "\n".join(problems)
    assert "add a redirect in mkdocs.yml" in problems[0]

    redirect = "redirect_maps: {cheat-sheet.md: commands.md}"
    _edit(project / "mkdocs.yml", "redirect_maps: {}", redirect)
    shutil.rmtree(site)
    site, _ = _scratch_build(project)
    assert lc.broken(moved, site) == []  # page and anchors, through mkdocs-redirects


def test_last_updated_falls_back_to_the_build_date_without_git(baseline):
    # The scratch copy has no .git: the date must still be there, not a failure.
    _, site = baseline
    html = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "git-revision-date-localized-plugin-date" in html
