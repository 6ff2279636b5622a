"""Chinese search: Material's (jieba at build time, the site's set-up) against
Pagefind's extended build, on the questions of tests/zh_search_questions.toml.

    .venv/bin/python benchmarks/zh_search.py

Builds the site (both languages) into a temporary folder, indexes the Chinese one with
Pagefind 1.5.2 (installed there from benchmarks/requirements-pagefind.txt, with
hashes: a 57 MB binary the site and its tests do not need), asks every question
of both engines in Chromium, and counts an answer among the first three results
the same way the test does (docsite/browser/search.py). Writes the figures to
benchmarks/results/zh_search.md; then `make readme-results`.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

from playwright.sync_api import sync_playwright

from docsite import results
from docsite.browser.chromium import CHROMIUM_ARGS, chromium_path
from docsite.browser.mkdocs_env import mkdocs_env
from docsite.browser.search import hit, material_top, pagefind_top, targets
from docsite.browser.server import serve
from docsite.paths import ROOT

COMMAND = ".venv/bin/python benchmarks/zh_search.py"
QUESTIONS = tomllib.loads((ROOT / "tests/zh_search_questions.toml").read_text())["questions"]
# Pagefind reads what Material's index holds: the article, without code blocks
# and what the site keeps out of search.
PAGEFIND_ARGS = ["--root-selector", "article", "--exclude-selectors", "pre, [data-search-exclude]"]


def build(config: str, dest: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config, "-d", str(dest)],
        cwd=ROOT,
        env={**mkdocs_env(), "SOCIAL_CARDS": "false"},
        check=True,
    )
    return time.perf_counter() - start


def pagefind(site: Path, packages: Path) -> float:
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--require-hashes", "--target",
         str(packages), "-r", str(ROOT / "benchmarks/requirements-pagefind.txt")],
        check=True,
    )  # fmt: skip
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), *PAGEFIND_ARGS],
        env={**mkdocs_env(), "PYTHONPATH": str(packages)},
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def size(paths) -> tuple[int, int]:
    """Bytes, and gzip bytes, of the files a first search downloads."""
    data = [p.read_bytes() for p in paths]
    return sum(map(len, data)), sum(len(gzip.compress(d, 6)) for d in data)


def ask(page, site_url: str, engine) -> list[tuple[str, bool, list[str]]]:
    answered = []
    for question, answers in QUESTIONS:
        found = targets(site_url, engine(page, question))
        answered.append((question, any(hit(a, found) for a in answers), found[:3]))
    return answered


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp, "site")
        both = build("mkdocs.yml", site)  # the Chinese edition into site/zh too
        chinese = build("mkdocs.zh.yml", Path(tmp, "zh-alone"))
        indexing = pagefind(site / "zh", Path(tmp, "packages"))
        material_index = size([site / "zh/search/search_index.json"])
        pagefind_index = size((site / "zh/pagefind").rglob("*.pf_*"))
        with sync_playwright() as playwright, serve(site) as url:
            browser = playwright.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_ARGS
            )
            page = browser.new_page()
            page.goto(url + "zh/", wait_until="load")
            zh = url + "zh/"
            material = ask(page, zh, material_top)
            pagefinds = ask(page, zh, lambda p, q: pagefind_top(p, zh, q))
            browser.close()
    rows = [
        f"| {q} | {'✓' if m else '✗'} | {'✓' if p else '✗'} |"
        for (q, m, _), (_, p, _) in zip(material, pagefinds, strict=True)
    ]
    m_hits = sum(ok for _, ok, _ in material)
    p_hits = sum(ok for _, ok, _ in pagefinds)
    total = len(QUESTIONS)
    kb = "{:.1f} KB ({:.1f} KB gzip)".format
    figures = "\n".join(
        [
            f"Chinese search, {len(QUESTIONS)} questions a beginner types "
            "(tests/zh_search_questions.toml), answered among the first three results:",
            "",
            f"- **Material's search with jieba** (what the site ships): {m_hits} of {total}; "
            f"index {kb(*(n / 1024 for n in material_index))}.",
            f"- **Pagefind 1.5.2, extended** (not shipped): {p_hits} of {total}; "
            f"index fragments {kb(*(n / 1024 for n in pagefind_index))}, "
            "of which a query downloads only the chunks it needs.",
            f"- Builds: both languages {both:.1f} s, the Chinese edition alone {chinese:.1f} s; "
            f"Pagefind's indexing {indexing:.1f} s.",
            "",
            "| question | Material + jieba | Pagefind |",
            "| --- | --- | --- |",
            *rows,
        ]
    )
    print(figures)
    for name, answered in (("material", material), ("pagefind", pagefinds)):
        for question, ok, found in answered:
            if not ok:
                print(f"{name} missed {question}: {found}", file=sys.stderr)
    print(f"wrote {results.write('zh_search', figures, COMMAND).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
