"""The build step behind each layer, from the image config's history.

The config's history has one entry per step, oldest first; an entry made no
layer exactly when its `empty_layer` is true, and the others take the layers
(rootfs.diff_ids) in order (image-spec config.md). BuildKit writes a RUN step as
"RUN /bin/sh -c <command>" and marks COPY and WORKDIR steps "# buildkit".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BUILDKIT_MARK = re.compile(r"\s+# buildkit$")


@dataclass(frozen=True)
class Step:
    created_by: str  # the instruction, as the history records it
    layer: int | None  # 1-based layer number; None for a config-only step


def instruction(created_by: str) -> str:
    """The history's text with BuildKit's trailing marker removed."""
    return _BUILDKIT_MARK.sub("", created_by.strip())


def _text(entry: dict) -> str:
    """What made the entry: its instruction, or for an imported layer (which has
    none) the comment, "Imported from -"."""
    return instruction(entry.get("created_by") or entry.get("comment") or "(not recorded)")


def steps(config: dict) -> list[Step]:
    """Every history entry as a step, each paired with its layer."""
    layers = len(config["rootfs"]["diff_ids"])
    found, number = [], 0
    for entry in config.get("history", []):
        if entry.get("empty_layer"):
            found.append(Step(_text(entry), None))
        else:
            number += 1
            found.append(Step(_text(entry), number))
    if number != layers:
        raise ValueError(f"the history names {number} layers, rootfs has {layers}")
    return found
