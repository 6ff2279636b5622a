"""A link pasted in chat shows a preview: every page has a description, Open
Graph and Twitter card tags, a canonical URL, a preview image made at build time
(offline), a last-updated date, and a place in the sitemap."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config
from support.site import ROOT

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
REQUIRED = [
    "og:title", "og:description", "og:image", "og:url", "og:type", "og:site_name",
    "twitter:card", "twitter:title", "twitter:description", "twitter:image",
]  # fmt: skip


class _Head(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.canonical = None
        self.dates: list[str] = []
        self._in_date = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and (a.get("property") or a.get("name")):
            self.meta.setdefault(a.get("property") or a.get("name"), a.get("content") or "")
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")
        elif tag == "span" and "git-revision-date-localized-plugin-date" in (a.get("class") or ""):
            self._in_date = True

    def handle_data(self, data):
        if self._in_date and data.strip():
            self.dates.append(data.strip())
            self._in_date = False


def _front_matter(page) -> dict:
    text = page.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text.split("---\n", 2)[1]) or {}


# Each edition: its pages' folder and where it is published below the site.
EDITIONS = {"docs": "", "docs-zh": "zh/"}


def _pages(folder: str | None = None):
    folders = [folder] if folder else list(EDITIONS)
    return [page for f in folders for page in sorted((ROOT / f).rglob("*.md"))]


def _edition(page) -> tuple[Path, str]:
    """The page's docs folder and its edition's prefix below the site root."""
    folder = next(f for f in EDITIONS if page.is_relative_to(ROOT / f))
    return ROOT / folder, EDITIONS[folder]


def _id(page) -> str:
    return page.relative_to(ROOT).as_posix()


@pytest.fixture(scope="module")
def configured_url() -> str:  # mkdocs.yml site_url, as in the built pages
    return load_config(str(ROOT / "mkdocs.yml")).site_url


def _html_for(built_site, page) -> str:
    folder, prefix = _edition(page)
    rel = page.relative_to(folder).with_suffix("")
    site = built_site / prefix
    path = site / "index.html" if rel.name == "index" else site / rel / "index.html"
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("page", _pages(), ids=_id)
def test_page_has_a_description(page):
    description = _front_matter(page).get("description")
    # Chinese has no spaces between words: count characters there.
    long_enough = len(description.split()) >= 4 or len(description or "") >= 12
    assert isinstance(description, str) and long_enough, (
        f"docs/{page.name} needs front matter `description: <one sentence>` "
        "(shown in link previews and search results)"
    )
    # Material's base.html and its social plugin write the description into
    # content="..." without escaping it: a double quote ends the attribute there.
    bad = sorted(set(description) & set('"<>&'))
    assert not bad, (
        f"docs/{page.name}: the description contains {bad}, which Material writes "
        "unescaped into the page's meta tags, cutting the preview short; use "
        "typographic quotes (“ ”) or single quotes, and words for & < >"
    )


@pytest.mark.parametrize("page", _pages(), ids=_id)
def test_page_carries_preview_tags_and_image(built_site, configured_url, page):
    configured_url += _edition(page)[1]
    head = _Head()
    head.feed(_html_for(built_site, page))
    missing = [name for name in REQUIRED if not head.meta.get(name)]
    assert not missing, f"{page.name}: missing preview tags {missing}"

    description = (_front_matter(page).get("description") or "").strip()
    assert description, f"{page.name}: no `description:` front matter to preview"
    assert head.meta["description"] == description
    assert head.meta["og:description"] == description
    assert head.meta["og:url"] == head.canonical and head.canonical.startswith(configured_url)

    image = head.meta["og:image"]
    assert image == head.meta["twitter:image"]
    assert image.startswith(configured_url) and image.endswith(".png"), image
    png = built_site / image[len(configured_url) :]
    assert png.is_file(), f"{page.name}: preview image {png} was not built"
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1200, 630)
    assert (int(head.meta["og:image:width"]), int(head.meta["og:image:height"])) == (1200, 630)

    assert head.dates, f"{page.name}: no 'last updated' date"


@pytest.mark.parametrize("folder", EDITIONS)
def test_preview_images_differ_per_page(built_site, folder):
    cards = sorted((built_site / EDITIONS[folder] / "assets/images/social").rglob("*.png"))
    assert len(cards) == len(_pages(folder))
    assert len({card.read_bytes() for card in cards}) == len(cards)


@pytest.mark.parametrize("folder", EDITIONS)
def test_sitemap_lists_every_page(built_site, configured_url, folder):
    prefix = EDITIONS[folder]
    root = ET.parse(built_site / prefix / "sitemap.xml").getroot()
    urls = {loc.text.strip() for loc in root.iter(f"{SITEMAP_NS}loc")}
    expected = set()
    for page in _pages(folder):
        rel = page.relative_to(ROOT / folder).with_suffix("").as_posix()
        base = configured_url + prefix
        expected.add(base if rel == "index" else f"{base}{rel}/")
    assert urls == expected
