"""What a diagram says, read from its Mermaid source and from its rendered SVG.

A rendered SVG is committed next to its source (snippets/diagrams/rendered/) and
found by a hash of the source in its file name; nothing in the name proves what
the SVG shows. This module reads both sides without a browser, so a test can
compare them whichever side was edited:

- nodes, subgraphs and states, each with its label (Mermaid's `<br/>` and the
  renderer's own line wrapping both become one space; a state's label is its
  id unless `state "label" as id` names it);
- edges as (from, to, label), invisible `~~~` links included, since Mermaid
  draws them as (hidden) paths too.

In a flowchart the SVG names each edge by its endpoints (`id="L_A_B_0"`) and
labels it through `data-id`. A state diagram's edges are numbered instead
(`edge0`, ...), so their endpoints are read from where each path starts and
ends: on the border of its source and target state's shape.

Only the Mermaid syntax these diagrams use is understood; anything else fails
with the line, so the check never silently skips part of a diagram.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field

SVG = "{http://www.w3.org/2000/svg}"
START, END = "[*] start", "[*] end"  # a state diagram's start and end points


class UnknownSyntax(ValueError):
    """A source line this reader does not understand."""


@dataclass
class Content:
    labels: dict[str, str] = field(default_factory=dict)  # node/subgraph/state id -> label
    edges: Counter = field(default_factory=Counter)  # (from, to, label) -> count


def words(text: str) -> str:
    """A label as a reader sees it: line breaks and runs of spaces are one space."""
    text = re.sub(r"<br\s*/?>", " ", text)
    return " ".join(html.unescape(text).split())


# ------------------------------------------------------------------ the source
_SKIP = re.compile(r"^(?:accTitle\s*:|accDescr\s*:|classDef\s|class\s|style\s|direction\s|%%|end$)")
_NODE = r'(?P<{0}>[A-Za-z_][\w-]*)(?:\["(?P<{0}_label>[^"]*)"\])?(?::::[\w-]+)?'
_LINK = re.compile(
    r"\s*(?:~~~(?P<invisible>)|-->(?P<plain>)|--\s(?P<text>[^-].*?)\s-->"
    r"|-\.\s(?P<dotted>.*?)\s\.->|-\.->(?P<dotted_plain>))\s*"
)
_STATE_NAME = re.compile(r'^state\s+"(?P<label>[^"]*)"\s+as\s+(?P<id>[\w-]+)$')
_STATE_EDGE = re.compile(
    r"^(?P<src>\[\*\]|[\w-]+)\s*-->\s*(?P<dst>\[\*\]|[\w-]+)\s*(?::\s*(?P<label>.*))?$"
)


def _statements(source: str) -> list[str]:
    """Source lines that say something, without the accessibility block."""
    lines, in_descr = [], False
    for line in source.splitlines()[1:]:
        line = line.strip()
        if in_descr:
            in_descr = line != "}"
            continue
        if re.match(r"^accDescr\s*\{", line):
            in_descr = True
            continue
        if line and not _SKIP.match(line):
            lines.append(line)
    return lines


def _flowchart(source: str) -> Content:
    content = Content()
    node = re.compile(_NODE.format("node"))
    for line in _statements(source):
        subgraph = re.fullmatch(r'subgraph\s+([\w-]+)(?:\["([^"]*)"\])?', line)
        if subgraph:
            content.labels[subgraph[1]] = words(subgraph[2] or subgraph[1])
            continue
        # A chain: node (link node)*
        ids, rest = [], line
        while True:
            match = node.match(rest)
            if not match:
                raise UnknownSyntax(line)
            ids.append(match["node"])
            if match["node_label"] is not None:
                content.labels[match["node"]] = words(match["node_label"])
            content.labels.setdefault(match["node"], match["node"])
            rest = rest[match.end() :]
            if not rest:
                break
            link = _LINK.match(rest)
            if not link:
                raise UnknownSyntax(line)
            label = words(link["text"] or link["dotted"] or "")
            ids.append(label)
            rest = rest[link.end() :]
        for i in range(0, len(ids) - 2, 2):
            content.edges[(ids[i], ids[i + 2], ids[i + 1])] += 1
    return content


def _state_diagram(source: str) -> Content:
    content = Content()
    named = {}  # state id -> its label (`state "label" as id`); else the id itself
    for line in _statements(source):
        name = _STATE_NAME.match(line)
        if name:
            named[name["id"]] = words(name["label"])
            content.labels[name["id"]] = named[name["id"]]
            continue
        match = _STATE_EDGE.match(line)
        if not match:
            raise UnknownSyntax(line)
        src = START if match["src"] == "[*]" else match["src"]
        dst = END if match["dst"] == "[*]" else match["dst"]
        for state in (src, dst):
            if state not in (START, END):
                content.labels[state] = named.get(state, state)
        content.edges[(src, dst, words(match["label"] or ""))] += 1
    return content


def from_mermaid(source: str) -> Content:
    kind = source.split(None, 1)[0] if source.strip() else ""
    if kind == "flowchart":
        return _flowchart(source)
    if kind == "stateDiagram-v2":
        return _state_diagram(source)
    raise UnknownSyntax(f"diagram type {kind!r}")


# ------------------------------------------------------------------ the SVG
def _text(element: ET.Element) -> str:
    return words(" ".join(element.itertext()))


def _translate(element: ET.Element) -> tuple[float, float]:
    match = re.search(
        r"translate\(\s*([-\d.e]+)[,\s]+([-\d.e]+)\s*\)", element.get("transform", "")
    )
    return (float(match[1]), float(match[2])) if match else (0.0, 0.0)


def _box(node: ET.Element) -> tuple[float, float, float, float]:
    """A node's shape in diagram coordinates: x0, y0, x1, y1."""
    cx, cy = _translate(node)
    rect = next((r for r in node.findall(f"{SVG}rect") if r.get("width")), None)
    if rect is not None:
        x, y = cx + float(rect.get("x")), cy + float(rect.get("y"))
        return x, y, x + float(rect.get("width")), y + float(rect.get("height"))
    # Start and end points: circles of radius 7 (state-start's r, the end's path).
    circle = node.find(f"{SVG}circle")
    r = float(circle.get("r")) if circle is not None else 7.0
    return cx - r, cy - r, cx + r, cy + r


def _ends(path: ET.Element) -> tuple[tuple[float, float], tuple[float, float]]:
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", path.get("d", ""))]
    return (numbers[0], numbers[1]), (numbers[-2], numbers[-1])


def _node_at(point, boxes: dict[str, tuple], tolerance: float = 1.5) -> str:
    x, y = point
    found = [
        name
        for name, (x0, y0, x1, y1) in boxes.items()
        if x0 - tolerance <= x <= x1 + tolerance and y0 - tolerance <= y <= y1 + tolerance
    ]
    return found[0] if len(found) == 1 else f"(unclear: {', '.join(found) or 'no state'})"


def from_svg(svg: str, svg_id: str) -> Content:
    """The labels and edges of an SVG written by mmdc (scripts/render_diagrams.py)."""
    root = ET.fromstring(svg)
    content = Content()
    groups = list(root.iter(f"{SVG}g"))
    edge_labels = {
        g.get("data-id"): _text(g) for g in groups if g.get("class") == "label" and g.get("data-id")
    }
    state_boxes = {}
    for g in groups:
        classes = (g.get("class") or "").split()
        gid = g.get("id") or ""
        if "cluster" in classes:
            content.labels[gid.removeprefix(f"{svg_id}-")] = _text(g)
        elif "node" in classes:
            flow = re.fullmatch(rf"{re.escape(svg_id)}-flowchart-(.+)-\d+", gid)
            state = re.fullmatch(rf"{re.escape(svg_id)}-state-(.+)-\d+", gid)
            if flow:
                content.labels[flow[1]] = _text(g)
            elif state and state[1] in ("root_start", "root_end"):
                state_boxes[START if state[1] == "root_start" else END] = _box(g)
            elif state:
                content.labels[state[1]] = _text(g)
                state_boxes[state[1]] = _box(g)
    for path in root.iter(f"{SVG}path"):
        if path.get("data-edge") != "true":
            continue
        data_id = path.get("data-id") or ""
        label = edge_labels.get(data_id, "")
        flow = re.fullmatch(r"L_(.+)_(\d+)", data_id)
        if flow:
            ends = _split_ends(flow[1], content.labels)
        else:
            start, end = _ends(path)
            ends = (_node_at(start, state_boxes), _node_at(end, state_boxes))
        content.edges[(*ends, label)] += 1
    return content


def _split_ends(pair: str, known: dict[str, str]) -> tuple[str, str]:
    """Split "A_B" into ("A", "B") using the known ids (an id may hold "_")."""
    for i in range(1, len(pair)):
        if pair[i - 1] == "_" and pair[: i - 1] in known and pair[i:] in known:
            return pair[: i - 1], pair[i:]
    return pair, "(unknown)"


# ------------------------------------------------------------------ comparison
def differences(source: str, svg: str, svg_id: str) -> list[str]:
    """What the source says that the SVG does not show, and the other way round."""
    want, have = from_mermaid(source), from_svg(svg, svg_id)
    found = []
    for key in sorted(set(want.labels) | set(have.labels)):
        if want.labels.get(key) != have.labels.get(key):
            found.append(
                f"{key}: the source says {want.labels.get(key)!r}, "
                f"the SVG shows {have.labels.get(key)!r}"
            )
    for edge in sorted(set(want.edges) | set(have.edges)):
        if want.edges[edge] != have.edges[edge]:
            src, dst, label = edge
            found.append(
                f"edge {src} -> {dst} ({label!r}): {want.edges[edge]} in the source, "
                f"{have.edges[edge]} in the SVG"
            )
    return found
