"""Render every snippets/diagrams/*.mmd whose cached SVG is missing or stale.

Run through `make diagrams`, which installs the pinned @mermaid-js/mermaid-cli
and puppeteer from package-lock.json (no browser download: puppeteer.json points
at the system Chromium). The result goes to snippets/diagrams/rendered/
<name>-<key>.svg, the file hooks/diagrams.py inlines at build time; commit it.

After mmdc, each SVG is made fit to inline in a page:
- role="img", named by its <title> (accTitle) and described by its <desc>
  (accDescr), both required;
- Mermaid's fixed colours are removed and snippets/diagrams/diagram.css (Material
  palette variables) is appended, scoped to the SVG's id;
- what an inline, script-free SVG never uses is dropped: the "neo" look's
  rules, shadow filters and gradient, unused arrowhead markers, data-points.

Usage: python scripts/render_diagrams.py [--force] [NAME ...]
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIAGRAMS = ROOT / "snippets" / "diagrams"
RENDERED = DIAGRAMS / "rendered"
MMDC = ROOT / "node_modules" / ".bin" / "mmdc"

_spec = importlib.util.spec_from_file_location("diagrams_hook", ROOT / "hooks" / "diagrams.py")
hook = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hook)

COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?)\(|\b(?:red|white|black|grey|gray)\b")
COLOUR_PROPERTIES = {
    "fill",
    "stroke",
    "color",
    "background",
    "background-color",
    "flood-color",
    "stop-color",
    "filter",
    "border",
    "border-color",
    "box-shadow",
}
KEEP_VALUES = {"none", "transparent", "currentcolor", "inherit"}
# A few shapes (the state diagram's end point) are drawn with colours in
# presentation attributes, which cannot hold var(); they become inline styles.
# Keys are the values Mermaid's "base" theme writes; an unknown one fails.
ATTRIBUTE_COLOURS = {
    "#fff4dd": "var(--md-default-bg-color, #fff)",
    "#0b0b0b": "var(--md-default-fg-color, #000000de)",
    "hsl(40.5882352941, 60%, 83.3333333333%)": "var(--md-default-fg-color, #000000de)",
}


def without_var(text: str) -> str:
    """The text with every var(...) removed (their fallbacks may be colours)."""
    while True:
        stripped = re.sub(r"var\([^()]*(?:\([^()]*\)[^()]*)*\)", "", text)
        if stripped == text:
            return text
        text = stripped


def strip_colours(css: str) -> str:
    """Mermaid's CSS without colours, without the rules for its "neo" look."""
    out = []
    # Animations are off in a classic-look diagram; their nested braces would
    # confuse the flat rule parser below.
    css = re.sub(r"@keyframes[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", "", css)
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        if 'data-look="neo"' in selector or "edge-animation" in selector:
            continue
        declarations = []
        for declaration in body.split(";"):
            prop, _, value = declaration.partition(":")
            prop, value = prop.strip().lower(), value.strip()
            if not prop:
                continue
            if prop in COLOUR_PROPERTIES and value.lower() not in KEEP_VALUES:
                continue
            declarations.append(f"{prop}:{value}")
        if declarations:
            out.append(f"{selector.strip()}{{{';'.join(declarations)}}}")
    return "".join(out)


def attribute_colours(svg: str, name: str) -> str:
    """fill="#..." / stroke="#..." on a shape -> style="fill:var(...)"."""

    def restyle(match: re.Match) -> str:
        tag = match[0]
        styles = []
        for prop, value in re.findall(r'\s(fill|stroke)="([^"]*)"', tag):
            if not COLOUR.search(value):
                continue
            if value not in ATTRIBUTE_COLOURS:
                raise ValueError(f'{name}: no palette colour for {prop}="{value}"')
            styles.append(f"{prop}:{ATTRIBUTE_COLOURS[value]}")
            tag = tag.replace(f' {prop}="{value}"', "")
        if styles:
            old = re.search(r'\sstyle="([^"]*)"', tag)
            if old:
                tag = tag.replace(old[0], "")
                styles += [old[1].strip(";")] if old[1].strip(";") else []
            tag = tag.replace("<path", f'<path style="{";".join(styles)}"', 1)
        return tag

    return re.sub(r"<path\b[^>]*>", restyle, svg)


def postprocess(svg: str, name: str) -> str:
    sid = hook.svg_id(name)
    if not svg.startswith(f'<svg id="{sid}"'):
        raise ValueError(f'{name}: mmdc output does not start with <svg id="{sid}"')
    title = re.search(rf'<title id="(chart-title-{sid})">([^<]+)</title>', svg)
    desc = re.search(rf'<desc id="(chart-desc-{sid})">([^<]+)</desc>', svg)
    if not (title and desc):
        raise ValueError(f"{name}.mmd needs accTitle: and accDescr: (the SVG's text alternative)")

    # The root element: an image named by <title>, described by <desc>.
    root_end = svg.index(">")
    root = svg[:root_end]
    aria = r'\s(role|aria-roledescription|aria-labelledby|aria-describedby)="[^"]*"'
    root = re.sub(aria, "", root)
    for background in ("background-color: transparent;", "background-color: white;"):
        root = root.replace(background, "")
    root += f' role="img" aria-labelledby="{title[1]}" aria-describedby="{desc[1]}"'
    svg = root + svg[root_end:]

    # Colours: Mermaid's out, the palette's in.
    style = re.search(r"<style>(.*?)</style>", svg, re.S)
    palette = (DIAGRAMS / "diagram.css").read_text(encoding="utf-8")
    palette = re.sub(r"/\*.*?\*/", "", palette, flags=re.S)
    palette = re.sub(r"\s*([{};,:])\s*", r"\1", palette).replace("#DIAGRAM_ID", f"#{sid}")
    css = strip_colours(style[1]) + palette.strip()
    svg = svg[: style.start()] + f"<style>{css}</style>" + svg[style.end() :]

    svg = attribute_colours(svg, name)

    # Never used by a classic-look, script-free SVG.
    shadows = r'<defs><filter id="[^"]*drop-shadow[^"]*".*?</filter></defs>'
    svg = re.sub(shadows, "", svg, flags=re.S)
    svg = re.sub(r'<linearGradient id="[^"]*-gradient".*?</linearGradient>', "", svg, flags=re.S)
    svg = re.sub(r'\sdata-points="[^"]*"', "", svg)
    for marker in re.findall(r'<marker id="([^"]+)"', svg):
        if f"url(#{marker})" not in svg:
            svg = re.sub(rf'<marker id="{re.escape(marker)}".*?</marker>', "", svg, flags=re.S)

    leftover = COLOUR.findall(without_var(re.sub(r"<(title|desc)\b.*?</\1>", "", svg, flags=re.S)))
    if leftover:
        raise ValueError(f"{name}: a fixed colour survived post-processing: {leftover[:5]}")
    if "<script" in svg or "<foreignObject" in svg:
        raise ValueError(f"{name}: the SVG holds a <script> or <foreignObject>")
    return svg


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
                hook.svg_id(name),
                "--backgroundColor",
                "transparent",
                # The page's own font is used; embedding one would add ~100 KB.
                "--no-font-embed",
            ],
            check=True,
        )
        svg = postprocess(out.read_text(encoding="utf-8"), name)
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
    sources = hook.sources(ROOT)
    names = args.names or list(sources)
    unknown = sorted(set(names) - set(sources))
    if unknown:
        sys.exit(f"no such diagram: {', '.join(unknown)} (have: {', '.join(sources)})")

    jobs = {}
    for name in names:
        target = hook.rendered_path(name, sources[name], ROOT)
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
    current = {hook.rendered_path(n, s, ROOT).name for n, s in sources.items()}
    for path in sorted(RENDERED.glob("*.svg")):
        if path.name not in current:
            path.unlink()
            print(f"removed     {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
