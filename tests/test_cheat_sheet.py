"""The cheat sheet prints on one page, A4 and Letter alike, with its address,
in English and in Chinese (/zh/cheat-sheet/, whose CJK text sets wider).

Headless Chromium prints the built page to PDF with the site's print CSS, as a
reader's "Print" would, and the test counts the PDF's pages. The PDFs are kept
under test-artifacts/ to look at.
"""

from __future__ import annotations

import re

import pytest
from support.site import ROOT

SECTIONS = ["images", "containers", "lifecycle", "volumes", "cleanup", "inspect"]
ARTIFACTS = ROOT / "test-artifacts"


def pdf_page_count(pdf: bytes) -> int:
    """Pages in a PDF, from its page objects (Chromium writes them uncompressed)."""
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
    assert pages, "no page objects found: not a PDF Chromium wrote?"
    return pages


def test_page_counter_counts_pages():
    fake = b"%PDF-1.4 <</Type /Pages /Count 2>> <</Type /Page>> <</Type/Page /Parent 1 0 R>>"
    assert pdf_page_count(fake) == 2


def print_cheat_sheet(browser, url: str, paper: str) -> bytes:
    """The cheat sheet at url, checked on screen, then printed to a PDF."""
    page = browser.new_page()
    try:
        page.goto(url, wait_until="load")
        ids = page.eval_on_selector_all(".cheat-sheet h2", "hs => hs.map(h => h.id)")
        assert ids == SECTIONS, f"cheat sheet sections changed: {ids}"
        rows = page.eval_on_selector_all(".cheat-sheet tbody tr", "rows => rows.length")
        assert rows >= 35, f"only {rows} commands: is the cheat sheet complete?"
        back = page.locator("article .print-only")
        assert not back.is_visible(), "the print-only address shows on screen"
        page.emulate_media(media="print")
        assert back.is_visible() and "/cheat-sheet/" in back.inner_text(), "no way back on paper"
        return page.pdf(format=paper)  # print media, the site's print CSS
    finally:
        page.close()


def assert_one_page(pdf: bytes, name: str, paper: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"{name}-{paper}.pdf").write_bytes(pdf)
    pages = pdf_page_count(pdf)
    assert pages == 1, (
        f"the cheat sheet prints on {pages} {paper} pages, not 1 "
        f"(see test-artifacts/{name}-{paper}.pdf); shorten it or tighten "
        "the print section of docs/stylesheets/site.css"
    )


@pytest.mark.browser
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_cheat_sheet_prints_on_one_page(browser, site_url, paper):
    pdf = print_cheat_sheet(browser, f"{site_url}cheat-sheet/", paper)
    assert_one_page(pdf, "cheat-sheet", paper)


@pytest.mark.browser
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_chinese_cheat_sheet_prints_on_one_page(browser, site_url, paper):
    pdf = print_cheat_sheet(browser, f"{site_url}zh/cheat-sheet/", paper)
    assert_one_page(pdf, "cheat-sheet-zh", paper)
    # Set in a CJK font, as a reader's would be (Debian: fonts-noto-cjk); with
    # none the glyphs are boxes of another width and the count proves little.
    assert has_cjk_font(pdf), "no CJK font in the PDF: apt-get install fonts-noto-cjk"


def has_cjk_font(pdf: bytes) -> bool:
    """A subset of a CJK font embedded in the PDF (its FontName, e.g.
    /AAAAAA+NotoSansCJKsc-Regular, is written uncompressed)."""
    return re.search(rb"/FontName\s*/[A-Z]{6}\+[\w-]*CJK", pdf) is not None


def test_control_the_cjk_font_check():
    assert has_cjk_font(b"<</Type /FontDescriptor /FontName /AAAAAA+NotoSansCJKsc-Regular>>")
    assert not has_cjk_font(b"<</Type /FontDescriptor /FontName /CAAAAA+DejaVuSansMono>>")
