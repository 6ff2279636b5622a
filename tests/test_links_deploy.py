"""A deploy build names only its public address.

mkdocs.yml's site_url falls back to the dev server (http://127.0.0.1:8000/),
and MkDocs and Material write it into every page's canonical link, the Open
Graph and Twitter tags a chat app reads for a link preview, and sitemap.xml.
CI builds the deploy with SITE_URL set; a deploy that still held the dev
address would give every pasted link a dead preview. The pages do mention
127.0.0.1 in examples (a published port), so the check looks at the addresses
the build writes, not at every occurrence.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from support.site import ROOT

from docsite.browser.mkdocs_env import mkdocs_env

PUBLIC = "https://docs.example.org/docker-images-explained/"
ADDRESS = re.compile(
    r'<link rel="canonical" href="([^"]*)"'
    r'|<meta (?:property|name)="(?:og:url|og:image|twitter:image)" content="([^"]*)"'
    r"|<loc>([^<]*)</loc>"
)


def written_addresses(site: Path) -> list[tuple[str, str]]:
    """(file, address) for every address the build wrote as the site's own."""
    found = []
    for path in sorted([*site.rglob("*.html"), *site.glob("sitemap.xml")]):
        for match in ADDRESS.finditer(path.read_text(encoding="utf-8")):
            found.append((path.relative_to(site).as_posix(), next(filter(None, match.groups()))))
    return found


def not_public(site: Path) -> list[str]:
    found = [f"{file}: {address}" for file, address in written_addresses(site)
             if not address.startswith(PUBLIC)]  # fmt: skip
    found += [
        f"{path.relative_to(site)}: the dev server's address"
        for path in site.rglob("*")
        if path.suffix in (".html", ".xml", ".json") and "127.0.0.1:8000" in path.read_text("utf-8")
    ]
    return found


def test_a_deploy_build_names_only_its_public_address(tmp_path):
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=ROOT,
        env={**mkdocs_env(), "SITE_URL": PUBLIC},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert result.returncode == 0, result.stdout
    addresses = written_addresses(site)
    assert any(file == "sitemap.xml" for file, _ in addresses), "no sitemap written?"
    assert any(file == "start/index.html" for file, _ in addresses), "no canonical link?"
    found = not_public(site)
    assert not found, "the deploy build names another address:\n" + "\n".join(found[:20])


def test_the_check_finds_the_dev_address(tmp_path):
    """The control: a page and a sitemap written with the dev server's address."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<link rel="canonical" href="http://127.0.0.1:8000/a/">'
        '<meta property="og:image" content="http://127.0.0.1:8000/assets/a.png">'
    )
    (tmp_path / "sitemap.xml").write_text(f"<loc>{PUBLIC}</loc><loc>http://127.0.0.1:8000/a/</loc>")
    found = not_public(tmp_path)
    assert sum("a/index.html: http://" in line for line in found) == 2, found
    assert "sitemap.xml: http://127.0.0.1:8000/a/" in found, found
