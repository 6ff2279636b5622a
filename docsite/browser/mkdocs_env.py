"""The environment every `mkdocs build` here runs in (tests, benchmarks, scripts)."""

from __future__ import annotations

import os

# Both variables silence a notice about MkDocs 2 that Material and properdocs
# print on every run: it is about the toolchain, not a warning about the site
# (the strict-build checks would otherwise see its "WARNING"). The Makefile
# exports the same pair for `make build` and `make serve`.
QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def mkdocs_env() -> dict[str, str]:
    return {**os.environ, **QUIET}
