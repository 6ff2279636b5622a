"""The explorer's Markdown for one image, from report.py's document.

Headings stay in the search index; every block under them is wrapped in a
`data-search-exclude` div, which Material's search plugin skips (file names
and sizes would drown the prose in results). Folder trees are native
`<details>` elements, readable without JavaScript; each change is marked by a
letter as well as a colour. The page stays small enough for a phone's cold
view: a layer with many changes is shown by folder, a base layer by top-level
folder, and the full lists are in the JSON file the page links to.
"""

from __future__ import annotations

import html
from collections import Counter

FULL_TREE = 60  # a layer with at most this many changes shows every file
FOLDER_TREE = 2000  # up to this many, its folders with counts; beyond, top-level folders
WASTED_ROWS = 10
STEP_WIDTH = 48

MARKS = {"added": "A", "changed": "C", "metadata": "M", "deleted": "D"}
WORDS = {
    "added": "added",
    "changed": "changed content",
    "metadata": "same content",
    "deleted": "deleted",
}

# Material styles every <details> as a collapsible admonition; a tree wants
# plain nested lines with the browser's own disclosure triangle.
TREE = ".md-typeset .lx-tree"
RULES = [
    f"{TREE}{{font-size:.7rem;overflow-wrap:anywhere;margin:.6em 0}}",
    f"{TREE} details{{margin:0 0 0 .9em;padding:0;border:0;box-shadow:none;"
    "background:none;font-size:inherit;overflow:visible}",
    f"{TREE}>details{{margin-left:0}}",
    f"{TREE} details div{{margin-left:.9em}}",
    f"{TREE} summary{{margin:0;padding:0;background:none;border:0;font-weight:400;cursor:pointer}}",
    f'{TREE} summary::before{{content:"\\25B8";position:static;display:inline-block;'
    "width:.9em;height:auto;background:none;-webkit-mask:none;mask:none;transform:none}",
    f'{TREE} details[open]>summary::before{{content:"\\25BE"}}',
    f"{TREE} summary::after{{display:none}}",
    f"{TREE} b{{display:inline-block;width:1.3em;font-family:var(--md-code-font-family)}}",
    ".lx-A{color:#1a7f37}.lx-C{color:#9a6700}.lx-M{color:#6e7781}.lx-D{color:#cf222e}",
    "[data-md-color-scheme=slate] .lx-A{color:#3fb950}",
    "[data-md-color-scheme=slate] .lx-C{color:#d29922}",
    "[data-md-color-scheme=slate] .lx-M{color:#9198a1}",
    "[data-md-color-scheme=slate] .lx-D{color:#ff7b72}",
]
STYLE = "\n".join(["<style>", *RULES, "</style>"])


def size(n: int) -> str:
    """Bytes as `docker history` prints them: decimal units, 3 significant digits."""
    value, units = float(n), ["B", "kB", "MB", "GB"]
    while value >= 1000 and len(units) > 1:
        value /= 1000
        units.pop(0)
    return f"{value:.3g} {units[0]}" if units[0] != "B" else f"{n} B"


def short(step: str, width: int = STEP_WIDTH) -> str:
    step = step.replace("/bin/sh -c ", "")
    return step if len(step) <= width else step[:width].rstrip() + "…"


def code(text: str) -> str:
    """Inline code for a Markdown table cell."""
    return "`" + text.replace("|", "\\|").replace("`", "'") + "`"


def excluded(*lines: str) -> list[str]:
    """Blocks the search index leaves out (headings stay outside them)."""
    return ['<div data-search-exclude markdown="1">', "", *lines, "", "</div>", ""]


def digest(value: str) -> str:
    return value[: len("sha256:") + 12] + "…"


# ------------------------------------------------------------------ trees
def _tree(rows: list[tuple[str, str, int, bool]]) -> dict:
    """Nested folders from (path, mark, size, is_folder) rows. A folder is a dict
    (its own mark, if it changed, under ""), a file a (mark, size) tuple."""
    root: dict = {}
    for path, mark, nbytes, is_folder in rows:
        node = root
        for folder in path.split("/")[:-1] if not is_folder else path.split("/"):
            node = node.setdefault(folder + "/", {})
        if is_folder:
            node[""] = (mark, 0)
        else:
            node[path.rsplit("/", 1)[-1]] = (mark, nbytes)
    return root


def _paths(n: int) -> str:
    return f"{n:,} path" + ("" if n == 1 else "s")


def _count(node: dict) -> tuple[Counter, int]:
    marks, nbytes = Counter(), 0
    for name, child in node.items():
        if isinstance(child, dict):
            more, extra = _count(child)
            marks.update(more)
            nbytes += extra
        elif name:
            marks[child[0]] += 1
            nbytes += child[1]
    return marks, nbytes


def _counts(marks: Counter) -> str:
    """ "4 A 8 C" for change marks; "3 from layer 5" for layer numbers."""
    if all(m.isdigit() for m in marks):
        return ", ".join(f"{marks[m]} from layer\u00a0{m}" for m in sorted(marks, key=int))
    return " ".join(f"{marks[m]}\u00a0{m}" for m in sorted(marks, key="ACMD".find) if marks[m])


def _mark(mark: str) -> str:
    return f'<b class="lx-{mark}">{mark}</b>' if mark in "ACMD" else f"<b>{mark}</b>"


def _folder(name: str, node: dict, files: bool, depth: int) -> list[str]:
    # Join a chain of folders that hold nothing but one folder: usr/local/lib/.
    while len(node) == 1 and isinstance(next(iter(node.values())), dict) and next(iter(node)) != "":
        inner, node = next(iter(node.items()))
        name += inner
    marks, nbytes = _count(node)
    own = node.get("")
    label = (_mark(own[0]) if own else "<b></b>") + html.escape(name)
    summary = f"{label} <small>{_counts(marks)}{', ' + size(nbytes) if nbytes else ''}</small>"
    if set(node) <= {""}:  # a folder that changed, with nothing changed inside it
        return [f"<div>{label}</div>"]
    if not files and not any(isinstance(child, dict) for child in node.values()):
        return [f"<div>{summary}</div>"]  # its files are in the JSON
    opened = " open" if files or depth == 0 else ""
    lines = [f"<details{opened}><summary>{summary}</summary>"]
    for child_name, child in sorted(node.items()):
        if isinstance(child, dict):
            lines += _folder(child_name, child, files, depth + 1)
        elif child_name and files:
            extra = f" <small>{size(child[1])}</small>" if child[1] else ""
            lines.append(f"<div>{_mark(child[0])}{html.escape(child_name)}{extra}</div>")
    lines.append("</details>")
    return lines


def tree(rows: list[tuple[str, str, int, bool]], files: bool = True) -> str:
    """A folder tree of marked paths as nested <details>; folders only when `files` is false."""
    root = _tree(rows)
    lines = ['<div class="lx-tree">']
    for name, child in sorted(root.items()):
        if isinstance(child, dict):
            lines += _folder(name, child, files, 0)
        elif files:
            extra = f" <small>{size(child[1])}</small>" if child[1] else ""
            lines.append(f"<div>{_mark(child[0])}{html.escape(name)}{extra}</div>")
    lines.append("</div>")
    return "\n".join(lines)


# ------------------------------------------------------------------ sections
def _changes(layer: dict) -> list[tuple[str, str, int, bool]]:
    return [
        (path, MARKS[kind], nbytes, kind_of_path == "dir")
        for kind in MARKS
        for path, kind_of_path, nbytes in layer[kind]
    ]


def _layer_table(document: dict) -> list[str]:
    lines = [
        "| Layer | Size, changes | Step |",
        "| --: | --- | --- |",
    ]
    layers = {layer["number"]: layer for layer in document["layers"]}
    for step in document["steps"]:
        layer = layers.get(step["layer"])
        if layer is None:
            lines.append(f"| – | config only | {code(short(step['step']))} |")
            continue
        changes = " · ".join(
            f"{len(layer[kind]):,}\u00a0{mark}" for kind, mark in MARKS.items() if layer[kind]
        )
        lines.append(
            f"| [{layer['number']}](#layer-{layer['number']}) "
            f"| {size(layer['uncompressed_size'])}<br>{changes or 'no change'} "
            f"| {code(short(step['step']))} |"
        )
    return lines


def _wasted(document: dict) -> list[str]:
    waste = document["wasted"]
    if not waste:
        return ["No file version in this image is deleted or replaced by a later layer."]
    total = sum(w["size"] for w in waste)
    lines = [
        f"**{size(total)}** ({total:,} bytes) in {len(waste)} file versions: shipped in "
        "one layer, then deleted or replaced by a later one, yet still in the image "
        "for anyone who pulls it.",
        "",
        "| File | Bytes | In layer | Then |",
        "| --- | --: | --: | --- |",
    ]
    for w in waste[:WASTED_ROWS]:
        lines.append(
            f"| {code('/' + w['path'])} | {w['size']:,} | {w['layer']} | {w['fate']} in {w['by']} |"
        )
    if len(waste) > WASTED_ROWS:
        rest = waste[WASTED_ROWS:]
        lines.append(f"| {len(rest)} more | {sum(w['size'] for w in rest):,} | | (in the JSON) |")
    return lines


def _by_folder(layer: dict) -> list[str]:
    """A big layer's changes by top-level folder."""
    folders: dict[str, Counter] = {}
    nbytes: Counter = Counter()
    for path, mark, n, _is_folder in _changes(layer):
        top = path.split("/", 1)[0] + "/"
        folders.setdefault(top, Counter())[mark] += 1
        nbytes[top] += n
    lines = ["| Folder | Paths | Bytes in files |", "| --- | --- | --: |"]
    for top in sorted(folders):
        lines.append(f"| `/{top}` | {_counts(folders[top])} | {size(nbytes[top])} |")
    return lines


def _layer(layer: dict, json_name: str) -> list[str]:
    n = layer["number"]
    counts = (
        ", ".join(f"{len(layer[kind]):,} {WORDS[kind]}" for kind in MARKS if layer[kind])
        or "no changes"
    )
    lines = [
        f"### Layer {n}: {code(short(layer['step'], 40))} {{ #layer-{n} }}",
        "",
    ]
    body = [
        code(layer["step"]),
        "",
        f"- digest {code(digest(layer['digest']))}: {layer['compression']}, "
        f"{size(layer['compressed_size'])}, matches the manifest",
        f"- diffID {code(digest(layer['diff_id']))}: tar, "
        f"{size(layer['uncompressed_size'])}, matches the config",
        f"- {counts}",
        "",
    ]
    total = sum(len(layer[kind]) for kind in MARKS)
    if total > FOLDER_TREE:
        body += [
            f"{_paths(total)}: shown by top-level folder; every path is in "
            f"[the JSON]({json_name}).",
            "",
            *_by_folder(layer),
        ]
    elif total:
        files = total <= FULL_TREE
        if not files:
            body += [
                f"{_paths(total)}: shown by folder; every file is in [the JSON]({json_name}).",
                "",
            ]
        body.append(tree(_changes(layer), files=files))
    return lines + excluded(*body)


def _filesystem(document: dict) -> list[str]:
    """After each layer: paths, bytes, and how many paths each layer last wrote."""
    lines = [
        "| After layer | Paths, bytes in files | Paths last written by layer |",
        "| --: | --- | --- |",
    ]
    for layer in document["layers"]:
        after = layer["after"]
        by: Counter = Counter()
        for folder in after["folders"]:
            by.update({int(k): v for k, v in folder["by"].items()})
        cells = " · ".join(f"{n}:\u00a0{by[n]:,}" for n in sorted(by))
        lines.append(
            f"| {layer['number']} | {after['paths']:,}, {size(after['bytes'])} | {cells} |"
        )
    return lines


def _final(document: dict, json_name: str) -> list[str]:
    """The files the layers above the first left in the final filesystem, each
    marked with the layer that last wrote it."""
    above = [
        (p, str(layer), n, t == "dir") for p, t, n, layer in document["filesystem"] if layer > 1
    ]
    files = len(above) <= FULL_TREE
    lines = [
        f"{_paths(len(above))} of the final filesystem "
        f"{'comes' if len(above) == 1 else 'come'} from layers above the "
        f"first, each marked with the layer that last wrote it"
        + ("" if files else f" (shown by folder; every path is in [the JSON]({json_name}))")
        + ":",
        "",
        tree(above, files=files),
    ]
    return lines


def page(document: dict, json_name: str) -> str:
    """The explorer's Markdown for one image: to be included into its page."""
    out = [STYLE, ""]
    out += ["## Layers { #layers }", ""]
    out += excluded(
        "Every step of the build, oldest first, with the size of its layer unpacked "
        "(a tar) and how many paths it added (A), changed (C), wrote again with the "
        "same content (M) and deleted (D).",
        "",
        *_layer_table(document),
    )
    out += ["## Wasted space { #wasted-space }", ""]
    out += excluded(*_wasted(document))
    out += ["## Inside each layer { #inside-each-layer }", ""]
    out += excluded(
        "Each layer's changes, relative to the layers below it: "
        f"{_mark('A')} added, {_mark('C')} changed content, {_mark('M')} same content "
        f"written again (only its mode, owner or time can differ), {_mark('D')} deleted. "
        "Whiteout markers are not files: a deleted path is shown as the path it hid. "
        "Open a folder to see inside."
    )
    for layer in document["layers"]:
        out += _layer(layer, json_name)
    out += ["## The filesystem after each layer { #filesystem }", ""]
    out += excluded(*_filesystem(document), "", *_final(document, json_name))
    return "\n".join(out).rstrip() + "\n"
