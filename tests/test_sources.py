"""Every claim is shown or sourced: external links in the pages go to primary sources.

A claim that no example on the site demonstrates carries a footnote linking to a
primary source. These tests read the built site (the `built_site` fixture) and
check, for the content of every page (the `<article>` Material renders the
Markdown into):

- every external link points to a primary source (PRIMARY_SOURCES) or to one of
  the few named exceptions in ALLOWLIST, each with the reason it is there;
- every concept page carries at least MIN_SOURCES distinct primary-source links.

What is not content is not checked: Material's header and footer (the repository
link, the "Made with Material for MkDocs" credit) and the "edit this page" button
are theme template, outside the `<article>` or marked as Material's buttons, the
same on every page and not claims of the site. The checker tests at the end feed
it known-bad input, so a checker that finds nothing cannot pass unnoticed.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

# Primary sources: (host, path prefix). Docker's documentation and CLI reference,
# the source of the engine, the CLI, BuildKit and containerd, the OCI
# specifications, and the kernel's own documentation. A GitHub organisation
# matches with its trailing slash, so github.com/docker/ does not admit
# github.com/docker-library/.
PRIMARY_SOURCES: tuple[tuple[str, str], ...] = (
    ("docs.docker.com", "/"),
    ("github.com", "/moby/"),
    ("github.com", "/docker/"),
    ("github.com", "/opencontainers/"),
    ("github.com", "/containerd/"),
    ("www.kernel.org", "/doc/"),
    ("docs.kernel.org", "/"),
)

# Named exceptions: links that are not sources for a claim but the home of a tool
# an example uses. Each needs a reason; keep the list short.
ALLOWLIST: dict[str, str] = {
    "https://flask.palletsprojects.com/": "the web framework the worked example's app uses",
    "https://gunicorn.org/": "the server the worked example's image runs",
    "https://github.com/pydantic/pytest-examples": "the tool that checks the Python examples",
    "https://distribution.github.io/distribution/about/deploying/": (
        "the registry image's own guide: how to start the local registry Registries uses"
    ),
    "https://learn.microsoft.com/en-us/powershell/module/"
    "microsoft.powershell.core/about/about_parsing": (
        "PowerShell's reference on passing quotes to native commands (Start's quoting)"
    ),
    "https://learn.microsoft.com/en-us/windows/wsl/install": (
        "where Windows readers get WSL 2 for the bash commands of the later pages"
    ),
    # The same two pages in Chinese, linked from the Chinese Start.
    "https://learn.microsoft.com/zh-cn/powershell/module/"
    "microsoft.powershell.core/about/about_parsing": "about_parsing in Chinese",
    "https://learn.microsoft.com/zh-cn/windows/wsl/install": "the WSL 2 guide in Chinese",
    "https://github.com/docker-images-explained/docker-images-explained"
    "/tree/main/snippets/registries": ("the examples' files in the site's own repository"),
}

# The pages that explain a concept; each must cite at least MIN_SOURCES sources.
CONCEPT_PAGES = ["images", "containers", "lifecycle", "why-both", "worked-example", "faq"]
MIN_SOURCES = 3

# Material's own buttons inside the article ("edit this page"): template, not content.
TEMPLATE_LINK_CLASSES = {"md-content__button"}


class _ArticleLinks(HTMLParser):
    """The href of every <a> inside <article>, except Material's buttons."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # nesting depth inside the <article>; 0 = outside
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        elif self.depth and tag == "a":
            attributes = dict(attrs)
            classes = set((attributes.get("class") or "").split())
            href = attributes.get("href")
            if href and not classes & TEMPLATE_LINK_CLASSES:
                self.links.append(href)

    def handle_endtag(self, tag):
        if tag == "article" and self.depth:
            self.depth -= 1


def content_links(html: str) -> list[str]:
    parser = _ArticleLinks()
    parser.feed(html)
    return parser.links


def is_external(href: str) -> bool:
    return urlsplit(href).scheme in ("http", "https") or href.startswith("//")


def is_primary(href: str) -> bool:
    parts = urlsplit(href)
    if parts.scheme != "https":
        return False
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return any(
        parts.hostname == host and path.startswith(prefix) for host, prefix in PRIMARY_SOURCES
    )


def is_allowed(href: str) -> bool:
    return is_primary(href) or href in ALLOWLIST


def foreign_links(html: str) -> list[str]:
    """External content links that are neither primary sources nor allowlisted."""
    return [h for h in content_links(html) if is_external(h) and not is_allowed(h)]


def primary_links(html: str) -> set[str]:
    """Distinct primary-source links in a page's content (fragments ignored)."""
    return {h.split("#")[0] for h in content_links(html) if is_primary(h)}


def _pages(site: Path) -> dict[str, Path]:
    """Every page of the site by its name ('' for the home page), not 404.html."""
    pages = {}
    for html in sorted(site.rglob("index.html")):
        name = html.parent.relative_to(site).as_posix()
        if name.startswith(("assets", "search")):
            continue
        pages["" if name == "." else name] = html
    return pages


def test_every_external_link_in_the_content_is_a_primary_source(built_site):
    found = {
        name or "home": bad
        for name, path in _pages(built_site).items()
        if (bad := foreign_links(path.read_text(encoding="utf-8")))
    }
    assert not found, (
        "links to hosts that are neither primary sources nor on the allowlist "
        f"(tests/test_sources.py): {found}"
    )


@pytest.mark.parametrize("page", CONCEPT_PAGES)
def test_concept_page_cites_primary_sources(built_site, page):
    path = _pages(built_site).get(page)
    assert path is not None, f"no built page {page}/"
    sources = primary_links(path.read_text(encoding="utf-8"))
    assert len(sources) >= MIN_SOURCES, (
        f"{page}: {len(sources)} primary-source link(s), at least {MIN_SOURCES} wanted: "
        f"{sorted(sources)}"
    )


def test_allowlist_entries_are_not_primary_sources():
    # An allowlisted primary source would hide a wrong entry in PRIMARY_SOURCES.
    assert not [url for url in ALLOWLIST if is_primary(url)]


# The checker itself, on input known to be bad or fine.
ARTICLE = (
    '<header><a href="https://github.com/o/r" class="md-source">repo</a></header>'
    '<article class="md-content__inner md-typeset">{}</article>'
    '<footer><a href="https://squidfunk.github.io/mkdocs-material/">Material</a></footer>'
)


def test_checker_flags_links_to_other_hosts():
    html = ARTICLE.format(
        '<a href="https://stackoverflow.com/q/1">a</a>'
        '<a href="http://docs.docker.com/engine/">plain http</a>'
        '<a href="https://github.com/docker-library/official-images">another org</a>'
        '<a href="https://docs.docker.com.example.org/">look-alike host</a>'
        '<a href="//example.org/x">protocol-relative</a>'
    )
    assert len(foreign_links(html)) == 5, foreign_links(html)


def test_checker_passes_primary_sources_internal_links_and_template():
    html = ARTICLE.format(
        '<a href="https://docs.docker.com/engine/storage/tmpfs/">tmpfs</a>'
        '<a href="https://github.com/moby/moby/blob/master/daemon/delete.go">moby</a>'
        '<a href="https://github.com/opencontainers/image-spec/blob/main/layer.md#whiteouts">'
        "OCI</a>"
        '<a href="https://docs.kernel.org/filesystems/overlayfs.html">kernel</a>'
        '<a href="../lifecycle/#ps">internal</a><a href="#fn:1">footnote</a>'
        '<a href="https://github.com/o/r/edit/main/docs/x.md" class="md-content__button">'
        "edit</a>"
        '<a href="https://gunicorn.org/">allowlisted</a>'
    )
    assert foreign_links(html) == []
    assert len(primary_links(html)) == 4
