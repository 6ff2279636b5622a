"""Cold page views of this site next to the same content under a default Material setup.

    .venv/bin/python benchmarks/page_weight.py [--query layer]

"Default Material" is this mkdocs.yml with the two changes a user following
Material's getting-started would have: theme.font left out (Roboto and Roboto
Mono from Google Fonts) and Material's own Mermaid integration (a superfences
custom fence with class "mermaid", which makes Material load mermaid@11 from
unpkg) instead of docsite/markdown/mermaid.py's pre-rendered SVGs.

Each page is opened in a fresh browser context (empty cache) in headless
Chromium and measured until the network is idle: requests, requests to other
origins, bytes (each body's gzip level-6 size, or raw when smaller, as a server
would send it), DOMContentLoaded, and the time from the keyup that completes a
search query to the first result row. "gzip KB" is the cold view before any
search; "first search adds" is what the search then loads (this site fetches
the search index and worker only when the reader opens search; default
Material fetches them with the page). "first search ms" includes that loading on
this site; "next search ms" is a second query once search is open, which is what
every later query costs and what the 100 ms budget is about.

This machine has no internet. Requests to Google Fonts and unpkg are answered
through Playwright routing with STAND-INS: the same files from the npm registry
(mermaid, @fontsource/roboto, @fontsource/roboto-mono), fetched with npm into
.cache/bench-standins/. Their bytes approximate what a reader would download;
their timings are localhost timings, far below a real network's. Any other
request to another origin (e.g. api.github.com for repository facts) is
aborted: counted, 0 bytes.

Prints the full report (every figure, where the bytes go, the stand-ins) and
writes the summary the README and pages quote to benchmarks/results/page_weight.md
(committed; docsite/results.py has the convention); then `make readme-results`.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from docsite import results
from docsite.browser.chromium import CHROMIUM_ARGS, chromium_path
from docsite.browser.mkdocs_env import mkdocs_env
from docsite.browser.pageload import BUDGET_KB, cold_view
from docsite.browser.server import serve
from docsite.paths import ROOT

CACHE = ROOT / ".cache" / "bench-standins"
COMMAND = ".venv/bin/python benchmarks/page_weight.py"
BUDGET_SEARCH_MS = 100

# What Material 9.8.2 asks for (templates/base.html and its JavaScript bundle).
MATERIAL_MERMAID = "https://unpkg.com/mermaid@11/dist/mermaid.min.js"
GOOGLE_FONTS_CSS = "https://fonts.googleapis.com/css"
GOOGLE_FONTS_FILES = "https://fonts.gstatic.com/s/standin/"
FONT_STYLES = {  # family package -> the weights/styles base.html requests
    "roboto": ["300", "300-italic", "400", "400-italic", "700", "700-italic"],
    "roboto-mono": ["400", "400-italic", "700", "700-italic"],
}


# ------------------------------------------------------------------ stand-ins
def npm_package(spec: str) -> Path:
    """Unpack an npm package (via the npm client) into the cache; its folder."""
    folder = CACHE / re.sub(r"[^\w.-]", "_", spec)
    if not (folder / "package").is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        out = subprocess.run(
            ["npm", "pack", spec, "--silent", "--pack-destination", str(folder)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()[-1]
        with tarfile.open(folder / out) as tar:
            tar.extractall(folder, filter="data")
    return folder / "package"


def newest(spec_range: str) -> str:
    """The version unpkg serves for e.g. 'mermaid@11': the highest 11.x."""
    out = subprocess.run(
        ["npm", "view", spec_range, "version", "--json"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    versions = json.loads(out)
    versions = [versions] if isinstance(versions, str) else versions
    return max(versions, key=lambda v: tuple(int(p) for p in v.split(".")))


def standins() -> tuple[dict, list[str]]:
    """{URL prefix: (content type, body)} for Playwright, and notes for the output."""
    mermaid_version = newest("mermaid@11")
    mermaid = npm_package(f"mermaid@{mermaid_version}") / "dist" / "mermaid.min.js"
    answers = {MATERIAL_MERMAID: ("application/javascript", mermaid.read_bytes())}
    notes = [f"unpkg mermaid@11 -> npm mermaid@{mermaid_version} dist/mermaid.min.js"]
    css = []
    for family, styles in FONT_STYLES.items():
        version = newest(f"@fontsource/{family}")
        package = npm_package(f"@fontsource/{family}@{version}")
        notes.append(f"Google Fonts {family} -> npm @fontsource/{family}@{version}")
        for style in styles:
            text = (package / f"{style}.css").read_text()
            # Google sends Chrome woff2 only, with display=fallback as Material asks.
            text = re.sub(r", url\([^)]*\.woff\) format\('woff'\)", "", text)
            text = text.replace("font-display: swap", "font-display: fallback")
            css.append(text.replace("url(./files/", f"url({GOOGLE_FONTS_FILES}"))
            for woff2 in re.findall(r"files/([\w.-]+\.woff2)", text):
                body = (package / "files" / woff2).read_bytes()
                answers[GOOGLE_FONTS_FILES + woff2] = ("font/woff2", body)
    answers[GOOGLE_FONTS_CSS] = ("text/css", "\n".join(css).encode())
    return answers, notes


# ------------------------------------------------------------------ builds
def build_ours(dest: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(dest)],
        cwd=ROOT,
        env=mkdocs_env(),
        capture_output=True,
        text=True,
    )
    if result.returncode:
        sys.exit(f"mkdocs build failed:\n{result.stdout}{result.stderr}")
    return result.stderr


def build_default(dest: Path) -> None:
    """This mkdocs.yml with Material's default fonts and default Mermaid."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load
    from pymdownx.superfences import fence_code_format

    os.chdir(ROOT)
    # The English edition only: the Chinese build would be this site's own.
    os.environ.update({**mkdocs_env(), "ENGLISH_ONLY": "1"})
    # A loader that knows MkDocs' !relative tag, resolved against mkdocs.yml.
    tags = MkDocsConfig(config_file_path=str(ROOT / "mkdocs.yml"))
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as file:
        raw = yaml_load(file, loader=get_yaml_loader(config=tags))
    theme = {k: v for k, v in raw["theme"].items() if k != "font"}
    mermaid = {"name": "mermaid", "class": "mermaid", "format": fence_code_format}
    extensions = []
    for ext in raw["markdown_extensions"]:
        name = ext if isinstance(ext, str) else next(iter(ext))
        if name == "pymdownx.superfences":
            options = {} if isinstance(ext, str) else dict(ext[name] or {})
            options["custom_fences"] = [mermaid]
            ext = {name: options}
        extensions.append(ext)
    config = load_config(
        str(ROOT / "mkdocs.yml"),
        theme=theme,
        markdown_extensions=extensions,
        site_dir=str(dest),
        strict=False,
    )
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def pages(site: Path) -> list[str]:
    found = sorted(
        p.parent.relative_to(site).as_posix()
        for p in site.rglob("index.html")
        if p.relative_to(site).parts[0] not in ("assets", "search")
    )
    return ["" if p == "." else p + "/" for p in found]


# ------------------------------------------------------------------ report
class _None:
    """A page default Material has no twin of: every figure is "–"."""

    requests = gzip_bytes = search_gzip_bytes = None
    dom_content_loaded_ms = search_ms = next_search_ms = None
    foreign = None


NONE = _None()


def kb(size) -> str:
    return "–" if size is None else f"{size / 1024:.1f}"


def count(items) -> str:
    return "–" if items is None else str(len(items))


def ratio(ours, default) -> str:
    if ours is None or default is None or default == 0:
        return "–"
    return f"{ours / default:.2f}"


def fmt(value, digits=0) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def table(rows) -> list[str]:
    head = (
        "| page | requests ours | default | ratio | other-origin ours | default "
        "| gzip KB ours | default | ratio | first search adds KB ours | default "
        "| DOMContentLoaded ms ours | default | ratio | first search ms ours | default "
        "| next search ms ours | default | ratio |"
    )
    lines = [head, "|" + "---|" * 19]
    for path, ours, default in rows:
        lines.append(
            f"| /{path} | {ours.requests} | {fmt(default.requests)} "
            f"| {ratio(ours.requests, default.requests)} "
            f"| {len(ours.foreign)} | {count(default.foreign)} "
            f"| {kb(ours.gzip_bytes)} | {kb(default.gzip_bytes)} "
            f"| {ratio(ours.gzip_bytes, default.gzip_bytes)} "
            f"| {kb(ours.search_gzip_bytes)} | {kb(default.search_gzip_bytes)} "
            f"| {fmt(ours.dom_content_loaded_ms)} | {fmt(default.dom_content_loaded_ms)} "
            f"| {ratio(ours.dom_content_loaded_ms, default.dom_content_loaded_ms)} "
            f"| {fmt(ours.search_ms, 1)} | {fmt(default.search_ms, 1)} "
            f"| {fmt(ours.next_search_ms, 1)} | {fmt(default.next_search_ms, 1)} "
            f"| {ratio(ours.next_search_ms, default.next_search_ms)} |"
        )
    return lines


def heaviest(rows) -> list[str]:
    """Where the bytes of our heaviest page go, largest first."""
    path, view, _ = max(rows, key=lambda row: row[1].gzip_bytes)
    lines = [f"## Where the bytes go: /{path} (ours), {view.gzip_bytes / 1024:.1f} KB", ""]
    lines += ["| resource | gzip KB |", "|---|---|"]
    for url, size in sorted(view.resources, key=lambda r: -r[1]):
        lines.append(f"| {url.split('/', 3)[-1] or '/'} | {size / 1024:.1f} |")
    # This site loads search (index, worker) when the reader opens it.
    for url, size in sorted(view.search_resources, key=lambda r: -r[1]):
        lines.append(f"| {url.split('/', 3)[-1] or '/'} (first search) | {size / 1024:.1f} |")
    return lines


def budget(rows) -> list[str]:
    lines = []
    for path, ours, _ in rows:
        kb = ours.gzip_bytes / 1024
        if kb > BUDGET_KB:
            lines.append(f"- /{path}: {kb:.1f} KB gzip, over {BUDGET_KB} KB")
        if ours.foreign:
            lines.append(f"- /{path}: requests to other origins: {sorted(set(ours.foreign))}")
        # The budget is for a query once search is open; the first query also
        # loads the index and worker (see "first search ms").
        if ours.next_search_ms is None or ours.next_search_ms >= BUDGET_SEARCH_MS:
            lines.append(f"- /{path}: a search took {fmt(ours.next_search_ms, 1)} ms")
    return lines or [f"- every page within budget ({BUDGET_KB} KB, 0 other-origin, "
                     f"search < {BUDGET_SEARCH_MS} ms)"]  # fmt: skip


def summary(rows) -> str:
    """What the README and pages quote: per page, ours against default, and
    what search costs."""
    lines = [
        "| page | requests (ours / default) | other origins | gzip KB (ours / default, ratio) "
        "| DOMContentLoaded ms | next search ms |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for path, ours, default in rows:
        lines.append(
            f"| /{path} | {ours.requests} / {fmt(default.requests)} "
            f"| {len(ours.foreign)} / {count(default.foreign)} "
            f"| {kb(ours.gzip_bytes)} / {kb(default.gzip_bytes)} "
            f"({ratio(ours.gzip_bytes, default.gzip_bytes)}) "
            f"| {fmt(ours.dom_content_loaded_ms)} / {fmt(default.dom_content_loaded_ms)} "
            f"| {fmt(ours.next_search_ms)} / {fmt(default.next_search_ms)} |"
        )
    loaded = dict(rows[0][1].search_resources)
    index = sum(size for url, size in loaded.items() if "search_index" in url)
    worker = sum(size for url, size in loaded.items() if "/workers/" in url)
    first = [r[1].search_ms for r in rows if r[1].search_ms is not None]
    later = [r[1].next_search_ms for r in rows if r[1].next_search_ms is not None]
    span = lambda values: f"{min(values):.0f}–{max(values):.0f} ms" if values else "–"  # noqa: E731
    lines += [
        "",
        f"Search loads on first use: the index ({index / 1024:.0f} KB gzip) and worker "
        f"({worker / 1024:.0f} KB); that first query took {span(first)}, later ones "
        f"{span(later)}. Budget ({BUDGET_KB} KB a cold view, no other origin, a later "
        f"search under {BUDGET_SEARCH_MS} ms): "
        + ("met on every page." if budget(rows)[0].startswith("- every page") else "MISSED."),
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--query", default="layer", help="search query to time")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        sys.exit("Chromium is missing: apt-get install chromium")
    answers, notes = standins()
    with tempfile.TemporaryDirectory() as tmp:
        ours_dir, default_dir = Path(tmp, "ours"), Path(tmp, "default")
        warnings = [w for w in build_ours(ours_dir).splitlines() if "WARNING" in w]
        build_default(default_dir)
        # Every page of ours; default Material only where it has the page (not /zh/).
        paths, twins = pages(ours_dir), set(pages(default_dir))
        rows = []
        with (
            serve(ours_dir) as ours_url,
            serve(default_dir) as default_url,
            sync_playwright() as playwright,
        ):
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            for path in paths:
                ours = cold_view(browser, ours_url + path, search=args.query)
                default = NONE
                if path in twins:
                    default = cold_view(
                        browser, default_url + path, standins=answers, search=args.query
                    )
                rows.append((path, ours, default))
                print(f"measured /{path}", file=sys.stderr)
            browser.close()

    when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    paired = [r for r in rows if r[2] is not NONE]  # the English pages
    alone = [r for r in rows if r[2] is NONE]  # the Chinese pages
    total = lambda attr, i: sum(getattr(r[i], attr) for r in paired)  # noqa: E731
    median_kb = lambda some, i: statistics.median(r[i].gzip_bytes for r in some) / 1024  # noqa: E731
    out = [
        f"# Page weight: this site vs default Material ({when})",
        "",
        f"Cold view of each page in headless Chromium; search query {args.query!r}.",
        "Ratios are ours / default (below 1: ours is lighter or faster).",
        "",
        *table(rows),
        "",
        f"Median gzip KB per English page: ours {median_kb(paired, 1):.1f}, default "
        f"{median_kb(paired, 2):.1f}. Total requests: ours {total('requests', 1)}, "
        f"default {total('requests', 2)}."
        + (f" Chinese pages (no default twin): median {median_kb(alone, 1):.1f}." if alone else ""),
        "",
        "## Budget (ours)",
        *budget(rows),
        "",
        *heaviest(rows),
        "",
        "## Stand-ins (no internet on this machine)",
        "Default Material's requests to other origins were answered locally with",
        "these npm packages; their bytes are estimates of the real downloads and",
        "their times are localhost times (a real network adds DNS, TLS and latency):",
        *[f"- {note}" for note in notes],
        "- any other other-origin request (api.github.com repository facts) was "
        "aborted: counted, 0 bytes",
    ]
    if warnings:
        out += ["", "## Build warnings (ours)", *[f"- {w}" for w in warnings]]
    print("\n".join(out) + "\n")
    chromium = subprocess.run([executable, "--version"], capture_output=True, text=True)
    version = re.search(r"\d+", chromium.stdout)
    path = results.write(
        "page_weight",
        summary(rows),
        COMMAND + ("" if args.query == "layer" else f" --query {args.query}"),
        extra_machine=f"headless Chromium {version[0] if version else '?'}",
    )
    print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
