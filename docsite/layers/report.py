"""A saved image explored: every layer read, checked and applied, as one JSON-ready document.

The document holds everything the pages show and the full lists they link to:
per layer its digest and diffID (each checked against the manifest and the
config), sizes, compression, step and changes; the filesystem after each layer
summarised by top-level folder; the final filesystem with the layer that last
wrote each path; and the wasted bytes. Lists are sorted, so the same image
always gives the same document.
"""

from __future__ import annotations

import tarfile
from collections import Counter
from pathlib import Path

from docsite.layers import archive, changes, entries, history

CHANGE_KINDS = ("added", "changed", "metadata", "deleted")


def _row(entry: entries.Entry) -> list:
    """An entry in the document's lists: [path, type, size]."""
    return [entry.path, entry.type, entry.size]


def top_folder(path: str) -> str:
    return path.split("/", 1)[0] + ("/" if "/" in path else "")


def _summary(state: dict[str, changes.Version]) -> list[dict]:
    """The filesystem by top-level entry: how many paths, bytes, and which layers wrote them."""
    folders: dict[str, dict] = {}
    for path, version in state.items():
        name = path + "/" if version.entry.type == "dir" and "/" not in path else top_folder(path)
        folder = folders.setdefault(name, {"name": name, "paths": 0, "bytes": 0, "by": Counter()})
        folder["paths"] += 1
        folder["bytes"] += version.entry.size
        folder["by"][version.layer] += 1
    return [
        {**f, "by": {str(k): v for k, v in sorted(f["by"].items())}}
        for _, f in sorted(folders.items())
    ]


def explore(path: Path, name: str) -> dict:
    """The document for the image saved at `path` (one image, as `docker save` wrote it)."""
    with tarfile.open(path) as saved:
        image = archive.read(saved)
        layers = []
        for blob in image.layers:
            layer = entries.read(archive.open_blob(saved, blob))
            if blob.digest and (layer.digest, layer.compressed_size) != (blob.digest, blob.size):
                raise ValueError(f"layer {blob.digest} does not match its descriptor")
            layers.append(layer)
    diff_ids = image.config["rootfs"]["diff_ids"]
    if [layer.diff_id for layer in layers] != diff_ids:
        raise ValueError("the layers' diffIDs differ from the config's rootfs.diff_ids")
    steps = history.steps(image.config)
    every, snapshots, waste = changes.replay(layers)
    document = {
        "image": name,
        "layout": image.layout,
        "manifest": image.manifest_digest,
        "config": image.config_digest,
        "steps": [{"step": s.created_by, "layer": s.layer} for s in steps],
        "layers": [],
        "wasted": [
            {"path": w.path, "size": w.size, "layer": w.layer, "fate": w.fate, "by": w.by}
            for w in waste
        ],
        "filesystem": [
            [p, v.entry.type, v.entry.size, v.layer] for p, v in sorted(snapshots[-1].items())
        ],
    }
    for number, (layer, found, after) in enumerate(
        zip(layers, every, snapshots, strict=True), start=1
    ):
        step = next(s.created_by for s in steps if s.layer == number)
        document["layers"].append(
            {
                "number": number,
                "step": step,
                "digest": layer.digest,
                "diff_id": layer.diff_id,
                "compression": layer.compression,
                "compressed_size": layer.compressed_size,
                "uncompressed_size": layer.uncompressed_size,
                "content_bytes": sum(e.size for e in layer.entries),
                **{kind: [_row(e) for e in getattr(found, kind)] for kind in CHANGE_KINDS},
                "after": {
                    "paths": len(after),
                    "bytes": sum(v.entry.size for v in after.values()),
                    "folders": _summary(after),
                },
            }
        )
    return document


VOLATILE = ("digest", "diff_id", "compressed_size", "uncompressed_size")


def stable(document: dict) -> dict:
    """What two builds of the same Dockerfile share: the document without its
    digests and archive sizes, which change with every build (files carry their
    build time, and the tar headers and compression with them)."""
    kept = {k: v for k, v in document.items() if k not in ("manifest", "config")}
    kept["layers"] = [
        {k: v for k, v in layer.items() if k not in VOLATILE} for layer in document["layers"]
    ]
    return kept
