"""Render every snippets/diagrams/*.mmd whose cached SVG is missing or stale.

Run through `make diagrams`, which installs the pinned @mermaid-js/mermaid-cli
and puppeteer from package-lock.json (no browser download: puppeteer.json points
at the system Chromium). The result goes to snippets/diagrams/rendered/
<name>-<key>.svg, the file docsite/markdown/mermaid.py inlines at build time; commit it.

After mmdc, docsite/diagrams/svg.py makes each SVG fit to inline in a page
(role="img" with title and desc, the palette's colours, nothing unused).

Usage: python scripts/render_diagrams.py [--force] [NAME ...]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from docsite.diagrams import cache as diagram_cache
from docsite.diagrams import svg as diagram_svg
from docsite.paths import ROOT

DIAGRAMS = ROOT / "snippets" / "diagrams"
RENDERED = DIAGRAMS / "rendered"
MMDC = ROOT / "node_modules" / ".bin" / "mmdc"
HAN = re.compile(r"[\u4e00-\u9fff]")


def chinese_fonts() -> list[str]:
    """Families fontconfig (Chromium's font source on Linux) has for Chinese."""
    if not shutil.which("fc-list"):
        return []
    found = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True)
    return [line for line in found.stdout.splitlines() if line.strip()]


def render(name: str, source_path: Path, target: Path) -> float:
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{name}.svg"
        subprocess.run(
            [
                str(MMDC),
                "--quiet",
                "--input",
                str(source_path),
                "--output",
                str(out),
                "--configFile",
                str(DIAGRAMS / "mermaid.json"),
                "--puppeteerConfigFile",
                str(DIAGRAMS / "puppeteer.json"),
                "--svgId",
                diagram_cache.svg_id(name),
                "--backgroundColor",
                "transparent",
                # The page's own font is used; embedding one would add ~100 KB.
                "--no-font-embed",
            ],
            check=True,
        )
        svg = diagram_svg.postprocess(out.read_text(encoding="utf-8"), name, ROOT)
    target.write_text(svg + "\n", encoding="utf-8")
    return time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="render even if up to date")
    parser.add_argument("names", nargs="*", help="diagram names (default: all)")
    args = parser.parse_args()

    if not MMDC.exists():
        sys.exit(f"{MMDC.relative_to(ROOT)} is missing: run `make diagrams` (it runs npm ci first)")
    if not shutil.which("chromium") and not Path("/usr/bin/chromium").exists():
        sys.exit("Chromium is missing (/usr/bin/chromium): apt-get install chromium")

    RENDERED.mkdir(exist_ok=True)
    sources = diagram_cache.sources(ROOT)
    # mmdc sizes each box by the text as Chromium draws it here: Chinese labels
    # need a font with Chinese glyphs, or the boxes fit tofu, not the text.
    chinese = [n for n, s in sources.items() if HAN.search(s)]
    if chinese and not chinese_fonts():
        sys.exit(
            f"{', '.join(chinese)}: Chinese text and no font for it (fc-list :lang=zh "
            "finds none): apt-get install fonts-noto-cjk"
        )
    names = args.names or list(sources)
    unknown = sorted(set(names) - set(sources))
    if unknown:
        sys.exit(f"no such diagram: {', '.join(unknown)} (have: {', '.join(sources)})")

    jobs = {}
    for name in names:
        target = diagram_cache.rendered_path(name, sources[name], ROOT)
        if target.exists() and not args.force:
            print(f"up to date  {target.relative_to(ROOT)}")
            continue
        jobs[name] = target
    # One at a time: each mmdc starts its own Chromium, and in parallel they
    # only slowed each other down (4 at once: 13-16 s each instead of ~5 s).
    for name, target in jobs.items():
        seconds = render(name, DIAGRAMS / f"{name}.mmd", target)
        print(f"rendered    {target.relative_to(ROOT)}  ({seconds:.1f} s)")

    # A render that no .mmd maps to any more is stale: remove it.
    current = {diagram_cache.rendered_path(n, s, ROOT).name for n, s in sources.items()}
    for path in sorted(RENDERED.glob("*.svg")):
        if path.name not in current:
            path.unlink()
            print(f"removed     {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
