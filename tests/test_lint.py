"""The repository passes its own linters: ruff (configured in pyproject.toml)
and shellcheck for the CI script. The workflow files have their own linters in
tests/test_workflows.py.

Each runs the linter the lock installs into the venv, from the repository root,
so what fails here fails the same way on the command line.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support.site import ROOT

BIN = Path(sys.executable).parent


def run(tool: str, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    executable = BIN / tool
    if not executable.exists():  # a venv made by `make test` has both
        executable = shutil.which(tool)
        if executable is None:
            pytest.fail(f"{tool} is missing: run `make test` (installs requirements.txt)")
    return subprocess.run(
        [str(executable), *args], cwd=cwd, capture_output=True, text=True, check=False
    )


LINTERS = {
    "ruff check": ("ruff", "check", "--no-cache", "--output-format", "concise", "."),
    "ruff format --check": ("ruff", "format", "--no-cache", "--check", "."),
    "shellcheck .ci/run": ("shellcheck", ".ci/run"),
}


@pytest.mark.parametrize("linter", LINTERS)
def test_the_repository_passes(linter):
    result = run(*LINTERS[linter])
    assert result.returncode == 0, f"`{linter}` failed:\n{result.stdout}{result.stderr}"
