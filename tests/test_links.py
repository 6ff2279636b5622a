"""Every internal link and anchor of the built site resolves, says an independent checker.

MkDocs validates links in the Markdown; LinkChecker follows what the reader gets:
the HTML, including theme templates, the 404 page, CSS url()s and every #anchor.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

from support.server import serve

# Internal URLs only (other sites are not this site's to fix, and there is no
# internet here); AnchorCheck reports an #anchor missing from its page.
CONFIG = "[filtering]\ncheckextern=0\n[AnchorCheck]\n"


def broken_links(url: str, tmp_path: Path) -> list[str]:
    """Run LinkChecker from `url`; one line per broken link or anchor."""
    config = tmp_path / "linkcheckerrc"
    config.write_text(CONFIG)
    linkchecker = Path(sys.executable).with_name("linkchecker")
    result = subprocess.run(
        [linkchecker, "-f", config, "--no-status", "--no-robots", "-o", "csv", url],
        capture_output=True,
        text=True,
        timeout=600,
    )
    rows = csv.DictReader(
        (line for line in result.stdout.splitlines() if not line.startswith("#")),
        delimiter=";",
    )
    found = [
        f"{row['parentname']} -> {row['urlname']}: {row['result']} {row['warningstring']}"
        for row in rows
        if row["valid"] != "True" or row["warningstring"]
    ]
    # Exit 1 means problems were found; anything else but 0 means it did not run.
    assert result.returncode in (0, 1), result.stderr
    assert bool(found) == (result.returncode == 1), (result.stdout, result.stderr)
    return found


def test_no_broken_internal_link_or_anchor(site_url, tmp_path):
    found = broken_links(site_url, tmp_path)
    assert not found, "\n".join(found)


def test_checker_reports_a_missing_page_and_a_missing_anchor(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text(
        '<h1 id="top">Home</h1><a href="a/">fine</a><a href="a/#top">fine</a>'
        '<a href="gone/">missing page</a><a href="a/#nowhere">missing anchor</a>'
    )
    (site / "a" / "index.html").write_text('<h1 id="top">A</h1><a href="../#top">up</a>')
    with serve(site) as url:
        found = broken_links(url, tmp_path)
    assert len(found) == 2, found
    assert any("gone/" in line for line in found)
    assert any("nowhere" in line for line in found)
