"""Build the Chinese edition into the English site's zh/ after every build.

Material's set-up for a second language is a second build (mkdocs.zh.yml,
which INHERITs mkdocs.yml) into a subfolder of the first. Run from here, one
`mkdocs build` makes both and one `mkdocs serve` rebuilds both on every edit,
so `make build`, `make serve`, the deploy and the tests all publish and check
the same bilingual site. The Chinese build's warnings are this build's
warnings, so --strict fails on them, each named. A strict build that has
already failed stops there, without the Chinese one. ENGLISH_ONLY=1 in the
environment leaves the Chinese edition out: half the time, for an edit loop on
the English pages and for the tests about the English build alone.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.chinese_edition")

# Toolchain notices printed on every run (see docsite/browser/mkdocs_env.py).
QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def _already_failed(config) -> bool:
    """--strict, and a warning logged: MkDocs aborts right after this event."""
    counters = [h for h in logging.getLogger("mkdocs").handlers if hasattr(h, "get_counts")]
    return bool(config.strict and any(h.get_counts() for h in counters))


def on_post_build(config, **kwargs):
    if _already_failed(config):
        return
    if os.environ.get("ENGLISH_ONLY") == "1":
        log.info("ENGLISH_ONLY=1: the Chinese edition is not built")
        return
    chinese = Path(config.config_file_path).with_name("mkdocs.zh.yml")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(chinese),
         "-d", str(Path(config.site_dir, "zh"))],
        env={**os.environ, **QUIET},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )  # fmt: skip
    # Not -q: it silences warnings, and --strict would then pass them.
    for warning in re.findall(r"^(?:WARNING|ERROR)\s+-\s+(.*)$", result.stdout, re.MULTILINE):
        log.warning("Chinese edition: %s", warning)
    if result.returncode:
        raise PluginError(f"the Chinese edition ({chinese.name}) did not build:\n{result.stdout}")
