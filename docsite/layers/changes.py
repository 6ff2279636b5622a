"""Layers applied in order, as the OCI image-spec's layer.md says, and what each one changed.

Within a layer, whiteouts and opaque directories act first, and only on what
the lower layers hold; then the layer's entries are written. The order of the
entries in the tar does not matter ("regardless of the ordering in which the
whiteout file was encountered"), and an entry of the same layer is never
hidden by that layer's own markers. An entry that is not a directory replaces
a lower directory of the same path with everything under it, as extracting
the layer over the lower ones does.

A layer's changes are then found by comparing the filesystem before and after
it: added (a path it did not have), changed (content, or metadata only),
deleted (a path it no longer has). Every shipped version of a file that a later
layer deletes or replaces is counted as wasted: its bytes are still in the image.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docsite.layers.entries import Entry, Layer


@dataclass(frozen=True)
class Version:
    entry: Entry
    layer: int  # 1-based number of the layer that wrote it


@dataclass
class Changes:
    added: list[Entry] = field(default_factory=list)
    changed: list[Entry] = field(default_factory=list)  # content differs
    metadata: list[Entry] = field(default_factory=list)  # only mode, owner, time or xattrs differ
    deleted: list[Entry] = field(default_factory=list)  # the versions it hid


@dataclass(frozen=True)
class Wasted:
    """A file version an image ships that a later layer deleted or replaced."""

    path: str
    size: int
    layer: int
    fate: str  # "deleted" or "replaced"
    by: int  # the layer that did it


def _under(path: str, folder: str) -> bool:
    return folder == "" or path.startswith(folder + "/")


def _hide(state: dict[str, Version], doomed: set[str]) -> None:
    for path in doomed:
        del state[path]


def apply(state: dict[str, Version], layer: Layer, number: int) -> Changes:
    """Apply one layer to `state` (path -> version, changed in place); its changes."""
    before = dict(state)
    # Markers first, on the lower layers only.
    doomed = set()
    for folder in layer.opaque:
        doomed |= {p for p in state if _under(p, folder)}
    for path in layer.whiteouts:
        doomed |= {p for p in state if p == path or _under(p, path)}
    _hide(state, doomed)
    # Then the entries; a non-directory over a lower directory takes its contents too.
    for entry in layer.entries:
        lower = state.get(entry.path)
        if lower and lower.entry.type == "dir" and entry.type != "dir":
            _hide(state, {p for p in state if _under(p, entry.path)})
        state[entry.path] = Version(entry, number)
    found = Changes()
    for entry in layer.entries:
        old = before.get(entry.path)
        if old is None:
            found.added.append(entry)
        elif old.entry.content() != entry.content():
            found.changed.append(entry)
        else:
            found.metadata.append(entry)
    found.deleted = [before[p].entry for p in before if p not in state]
    for group in (found.added, found.changed, found.metadata, found.deleted):
        group.sort(key=lambda e: e.path)
    return found


def wasted(before: dict[str, Version], after: dict[str, Version], number: int) -> list[Wasted]:
    """The file versions in `before` that the layer `number` deleted or replaced."""
    found = []
    for path, old in before.items():
        if old.entry.type != "file" or old.entry.size == 0:
            continue
        new = after.get(path)
        if new is None:
            found.append(Wasted(path, old.entry.size, old.layer, "deleted", number))
        elif new.layer == number:
            found.append(Wasted(path, old.entry.size, old.layer, "replaced", number))
    return found


def replay(layers: list[Layer]) -> tuple[list[Changes], list[dict[str, Version]], list[Wasted]]:
    """Every layer applied in order: each one's changes, the filesystem after each,
    and every shipped file version a later layer deleted or replaced."""
    state: dict[str, Version] = {}
    every, snapshots, waste = [], [], []
    for number, layer in enumerate(layers, start=1):
        before = dict(state)
        every.append(apply(state, layer, number))
        waste += wasted(before, state, number)
        snapshots.append(dict(state))
    waste.sort(key=lambda w: (-w.size, w.path, w.layer))
    return every, snapshots, waste
