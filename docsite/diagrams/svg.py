"""Make the SVG that mmdc writes fit to inline in a page.

- role="img", named by its <title> (accTitle) and described by its <desc>
  (accDescr), both required;
- Mermaid's fixed colours are removed and snippets/diagrams/diagram.css (Material
  palette variables) is appended, scoped to the SVG's id;
- what an inline, script-free SVG never uses is dropped: the "neo" look's
  rules, shadow filters and gradient, unused arrowhead markers, data-points.

Used by scripts/render_diagrams.py after each mmdc run; the tests use its colour
check on the committed SVGs. It shapes every render, so it is one of the
cache key's inputs (docsite/diagrams/cache.py).
"""

from __future__ import annotations

import re
from pathlib import Path

from docsite.diagrams.cache import DIAGRAMS, svg_id

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


def postprocess(svg: str, name: str, project: Path) -> str:
    """mmdc's SVG of diagram `name` -> the SVG to commit (project: its root directory)."""
    sid = svg_id(name)
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
    palette = (project / DIAGRAMS / "diagram.css").read_text(encoding="utf-8")
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
