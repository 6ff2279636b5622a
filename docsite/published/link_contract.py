"""The link contract: every published page URL and heading anchor, and the check
that each still resolves in a built site.

An entry is a path from the site root: "/images/" for a page, "/images/#layers"
for a heading anchor on it. The published set is read from what MkDocs built:
pages from its sitemap.xml (MkDocs' own page list; redirect stubs are not in
it), anchors from the ids of each page's h1-h6. An entry still resolves when
its page exists, directly or through a mkdocs-redirects stub, and the final
page has an element with that id (a heading, or a kept anchor).
"""

from __future__ import annotations

import os
import posixpath
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

from docsite.paths import ROOT

CONTRACT = ROOT / "tests" / "link_contract.txt"
UPDATE_COMMAND = "make link-contract"
HEADER = """\
# The link contract: every published page URL and heading anchor of the site.
# tests/test_links_contract.py builds the site and fails when one of these no
# longer resolves. Do not delete a line to make it pass: keep the link working.
#  - A renamed heading keeps its id:       ## New wording { #old-id }
#  - A removed or merged section keeps an anchor where its content went:
#                                          [](){ #old-id }
#  - A moved or renamed page gets a redirect in mkdocs.yml:
#        plugins: - redirects: redirect_maps: {old.md: new.md}
# New pages and headings are added with:   make link-contract
# Before the site is first published, `make link-contract-reset` rewrites the
# whole file from the current build (after that, never).
"""

_REDIRECT = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)"')
_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class _Ids(HTMLParser):
    """Every id in a page, and separately the ids of its headings."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.headings: list[str] = []

    def handle_starttag(self, tag, attrs):
        attr = dict(attrs)
        if attr.get("id"):
            self.ids.add(attr["id"])
            if re.fullmatch(r"h[1-6]", tag):
                self.headings.append(attr["id"])


def _parse(html: str) -> _Ids:
    parser = _Ids()
    parser.feed(html)
    return parser


def page_file(site: Path, page: str) -> Path:
    """The file a static host serves for "/images/" (or "/")."""
    path = page.lstrip("/")
    return site / path / "index.html" if path == "" or path.endswith("/") else site / path


# Each edition's folder below the site root; each has its own sitemap.
EDITIONS = ("", "zh/")


def published(site: Path) -> list[str]:
    """Every page and heading anchor of the built site, in every edition, as
    contract entries."""
    entries = []
    for edition in EDITIONS:
        if not (site / edition / "sitemap.xml").is_file():
            continue
        sitemap = ET.parse(site / edition / "sitemap.xml").getroot()
        urls = [loc.text.strip() for loc in sitemap.iter(f"{_SITEMAP_NS}loc")]
        # The edition's root: the longest common prefix, cut back to a "/".
        base = os.path.commonprefix(urls)
        base = base[: base.rfind("/") + 1]
        for url in urls:
            page = "/" + edition + url[len(base) :].lstrip("/")
            entries.append(page)
            ids = _parse(page_file(site, page).read_text(encoding="utf-8")).headings
            entries.extend(f"{page}#{anchor}" for anchor in ids)
    return sorted(set(entries))


def read(path: Path = CONTRACT) -> list[str]:
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def write(entries: list[str], path: Path = CONTRACT) -> None:
    path.write_text(HEADER + "\n".join(sorted(set(entries))) + "\n", encoding="utf-8")


def resolve(site: Path, page: str, hops: int = 5) -> tuple[str | None, str]:
    """Follow redirect stubs from `page`; return (final page or None, how it went)."""
    trail = page
    for _ in range(hops):
        file = page_file(site, page)
        if not file.is_file():
            return None, trail
        match = _REDIRECT.search(file.read_text(encoding="utf-8"))
        if not match:
            return page, trail
        target = match.group(1).split("#")[0]
        if "://" in target:  # redirected to another site: nothing to check here
            return page, trail + f" -> {target}"
        page = posixpath.normpath(posixpath.join(page, target)) + "/"
        page = "/" if page in ("//", "/./") else page
        trail += f" -> {page}"
    return None, trail + " (redirect loop)"


def broken(contract: list[str], site: Path) -> list[str]:
    """One line per contract entry that no longer resolves, saying how to fix it."""
    problems = []
    ids_cache: dict[str, set[str]] = {}
    for entry in contract:
        page, _, anchor = entry.partition("#")
        final, trail = resolve(site, page)
        if final is None:
            problems.append(
                f"{entry}: the page {page} is gone ({trail}). If it moved, add a "
                f"redirect in mkdocs.yml under plugins -> redirects -> redirect_maps "
                f"(old.md: new.md); if it was split, redirect to where most of it went."
            )
            continue
        if not anchor:
            continue
        if final not in ids_cache:
            html = page_file(site, final).read_text(encoding="utf-8")
            ids_cache[final] = _parse(html).ids
        if anchor not in ids_cache[final]:
            where = page if final == page else f"{final} (redirected from {page})"
            problems.append(
                f"{entry}: the anchor #{anchor} is gone from {where}. If the heading "
                f"was reworded, keep its id: `## New words {{ #{anchor} }}`; if the "
                f"section moved or merged, leave an anchor where its content went: "
                f"`[](){{ #{anchor} }}`."
            )
    return problems
