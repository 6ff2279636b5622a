"""Every internal link and anchor of the built site resolves, says an independent checker.

MkDocs validates links in the Markdown; lychee follows what the reader gets: every
href and src in every built HTML page (theme templates and the 404 page included),
and every #anchor against the ids of the page it points to.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

LYCHEE = Path(sys.executable).with_name("lychee")


def broken_links(site: Path) -> list[str]:
    """Run lychee over the built site; one line per broken internal link or anchor."""
    result = subprocess.run(
        [
            LYCHEE,
            "--offline",  # internal links only: other sites are not ours to fix
            "--include-fragments",  # check #anchors too
            "--root-dir",
            site,  # resolve /root-relative links (the 404 page uses them)
            "--index-files",
            "index.html",  # a directory URL means its index.html
            "--no-progress",
            "--format",
            "json",
            "**/*.html",
        ],
        cwd=site,
        capture_output=True,
        text=True,
        timeout=120,
    )
    # Exit 2 means broken links were found; anything else but 0 means it did not run.
    assert result.returncode in (0, 2), result.stderr
    report = json.loads(result.stdout)
    return [
        f"{page} -> {error['url']}: {error['status']['text']}"
        for page, errors in report["error_map"].items()
        for error in errors
    ]


def test_no_broken_internal_link_or_anchor(built_site):
    found = broken_links(built_site)
    assert not found, "\n".join(found)


def test_checker_reports_a_missing_page_and_a_missing_anchor(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text(
        '<h1 id="top">Home</h1><a href="a/">fine</a><a href="a/#top">fine</a>'
        '<a href="/a/">fine from the root</a><a href="https://example.org/">elsewhere</a>'
        '<a href="gone/">missing page</a><a href="a/#nowhere">missing anchor</a>'
    )
    (site / "a" / "index.html").write_text('<h1 id="top">A</h1><a href="../#top">up</a>')
    found = broken_links(site)
    assert len(found) == 2, found
    assert any("gone" in line for line in found)
    assert any("nowhere" in line for line in found)
