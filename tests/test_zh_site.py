"""The Chinese edition (mkdocs.zh.yml): it builds strictly next to the English
site, it has every English page, its internal links stay in /zh/, its headings
keep the English anchors, and the language switcher keeps the page and the
section."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from docsite.browser.server import serve
from docsite.paths import ROOT
from docsite.translation import translated_pages


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[dict] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs)
        if re.fullmatch(r"h[1-6]", tag) and attrs.get("id"):
            self.ids.add(attrs["id"])


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _page_html(site: Path, page: str) -> Path:
    return site / ("index.html" if page == "index" else f"{page}/index.html")


def test_every_internal_link_of_a_chinese_page_stays_in_zh(built_site):
    base = "http://site/zh/"
    wrong = []
    for html in sorted((built_site / "zh").rglob("*.html")):
        if html.name == "404.html" or "search" in html.parts:
            continue
        url = urljoin(base, html.relative_to(built_site / "zh").as_posix())
        for attrs in _parse(html).links:
            target = urljoin(url, attrs["href"])
            if urlsplit(target).netloc != "site" or attrs.get("hreflang") == "en":
                continue
            if not urlsplit(target).path.startswith("/zh/"):
                wrong.append(f"{html.relative_to(built_site)}: {attrs['href']}")
    assert not wrong, "links leaving /zh/ without hreflang=en:\n" + "\n".join(wrong)


def english_pages_without_a_chinese_page(docs: Path, docs_zh: Path) -> list[str]:
    chinese = {p.relative_to(docs_zh) for p in docs_zh.rglob("*.md")}
    return sorted(
        p.relative_to(docs).as_posix()
        for p in docs.rglob("*.md")
        if p.relative_to(docs) not in chinese
    )


def test_every_english_page_has_a_chinese_page():
    assert english_pages_without_a_chinese_page(ROOT / "docs", ROOT / "docs-zh") == []


def test_control_an_english_page_without_a_chinese_page_is_named(tmp_path):
    for folder in ("docs", "docs-zh"):
        (tmp_path / folder / "explorer").mkdir(parents=True)
        (tmp_path / folder / "start.md").write_text("# Start\n")
    (tmp_path / "docs/explorer/new.md").write_text("# New\n")
    found = english_pages_without_a_chinese_page(tmp_path / "docs", tmp_path / "docs-zh")
    assert found == ["explorer/new.md"]


@pytest.mark.parametrize("page", translated_pages())
def test_a_chinese_page_has_the_english_pages_anchors(built_site, page):
    english = _parse(_page_html(built_site, page)).ids
    chinese = _parse(_page_html(built_site / "zh", page)).ids
    assert english - chinese == set(), (
        f"docs-zh/{page}.md lacks the English ids {english - chinese}"
    )


def test_the_zh_config_restates_the_english_lists_but_for_what_it_says():
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    en = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=Loader)
    zh = yaml.load((ROOT / "mkdocs.zh.yml").read_text(), Loader=Loader)
    # The English build runs the Chinese one (hooks/chinese_edition.py), not itself.
    english_hooks = [h for h in en["hooks"] if h != "hooks/chinese_edition.py"]
    assert zh["hooks"] == english_hooks + ["hooks/zh.py"]
    assert "extra_javascript" not in zh, "the scripts are the English site's, inherited"
    names = lambda plugins: [next(iter(p)) if isinstance(p, dict) else p for p in plugins]  # noqa: E731
    assert names(zh["plugins"]) == names(en["plugins"])
    en_pages = [p for p in re.findall(r"[\w/-]+\.md", str(en["nav"]))]
    zh_pages = [p for p in re.findall(r"[\w/-]+\.md", str(zh["nav"]))]
    assert zh_pages == [p for p in en_pages if p in zh_pages], "the zh nav keeps the English order"


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        ("start/#first-container", "zh/start/#first-container"),
        ("zh/start/#troubleshooting", "start/#troubleshooting"),
        ("images/#layers", "zh/images/#layers"),
        ("operate/#keep-running", "zh/operate/#keep-running"),
        # The 404 page has no Chinese twin at its address: the switch leads home.
        ("no-such-page/", "zh/"),
    ],
)
def test_the_language_switcher_keeps_page_and_section(built_site, browser, start, expected):
    with serve(built_site) as url:
        page = browser.new_page()
        page.goto(url + start)
        target = "zh" if not start.startswith("zh/") else "en"
        page.locator(".md-header__option .md-select").hover()
        page.locator(f'a.md-select__link[hreflang="{target}"]').click()
        # Not expect_navigation: Material's navigation.tracking rewrites the
        # address as the page scrolls to its section, which counts as one.
        page.wait_for_url(url + expected)
        page.close()


def test_chinese_pages_have_chinese_tooltips_and_no_english_ones(built_site):
    titles = re.findall(r'<abbr title="([^"]+)"', (built_site / "zh/index.html").read_text())
    assert titles, "the Chinese home page has no glossary tooltips"
    english = [t for t in titles if not re.search(r"[\u4e00-\u9fff]", t)]
    assert not english, english


def test_a_chinese_page_shows_about_its_english_pages_reading_time(built_site):
    """Han characters count by docsite.markdown.reading_time.CHARS_PER_MINUTE."""
    compared = 0
    for page in translated_pages():
        english = _page_html(built_site, page).read_text(encoding="utf-8")
        shown = re.search(r"Reading time:</strong> (\d+) min", english)
        if not shown:
            continue  # a page without a reading time (Home, the glossary, ...)
        chinese = _page_html(built_site / "zh", page).read_text(encoding="utf-8")
        found = re.search(r"阅读时间：</strong> (\d+) 分钟", chinese)
        assert found, f"docs-zh/{page}.md: no reading time (a space after **阅读时间：** is needed)"
        assert abs(int(found[1]) - int(shown[1])) <= 1, (page, found[1], shown[1])
        compared += 1
    assert compared, "no translated page has a reading time to compare"


def test_a_chinese_page_offers_its_files_in_chinese(built_site):
    html = (built_site / "zh/registries/index.html").read_text(encoding="utf-8")
    line = re.search(r'<p class="example-files"[^>]*>(.*?)</p>', html, re.S)
    assert line and "获取文件" in line[1], "no Chinese 'Get the files' line on /zh/registries/"
    href = re.search(r'href="([^"]+\.zip)"', line[1])[1]
    assert (built_site / "zh/registries" / href).resolve().is_file(), href
