"""The repository's places and the machine places the examples' lab uses, named once."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
ENGINE_LOCKS = ROOT / "engine"

# Downloads and made-once files (engine packages, the base image, wheels).
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "docker-images-explained"
# Where the lab keeps its state while it runs: fixed, so that a run that was
# killed is cleaned up by the next one; short, because a unix socket's path is
# limited to about 100 characters.
RUN_DIR = Path("/run/docs-examples")
DATA_DIR = Path("/var/lib/docs-examples")
