"""The English site with the language switcher and the Chinese one under zh/,
built once per session into a temporary folder (mkdocs.bilingual.yml, then
mkdocs.zh.yml): what the Chinese edition's tests read and serve.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from docsite.browser.mkdocs_env import mkdocs_env
from docsite.paths import ROOT


def _build(config: str, dest: Path) -> str:
    started = time.monotonic()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(ROOT / config),
            "-d",
            str(dest),
        ],
        cwd=ROOT,
        env=mkdocs_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    warnings = re.findall(r"^(?:WARNING|ERROR)\b.*", result.stdout, re.MULTILINE)
    assert result.returncode == 0 and not warnings, f"{config}:\n{result.stdout}"
    print(f"{config}: {time.monotonic() - started:.1f} s")
    return result.stdout


@pytest.fixture(scope="session")
def bilingual_site(tmp_path_factory) -> Path:
    """The English site with the switcher, and the Chinese one under zh/."""
    site = tmp_path_factory.mktemp("bilingual")
    _build("mkdocs.bilingual.yml", site)
    _build("mkdocs.zh.yml", site / "zh")
    return site
