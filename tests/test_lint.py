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


# The controls: each linter, on a scratch file with a known fault, fails.
FAULTS = {
    "ruff check": ("bad.py", "import os\n", "F401"),
    "ruff format --check": ("bad.py", "x = {  'a':1 }\n", "bad.py"),
    "shellcheck .ci/run": (".ci/run", "#!/bin/bash\necho $1\n", "SC2086"),
}


@pytest.mark.parametrize("linter", FAULTS)
def test_a_fault_fails_the_linter(linter, tmp_path):
    name, text, named = FAULTS[linter]
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text(text)
    result = run(*LINTERS[linter], cwd=tmp_path)
    assert result.returncode != 0, f"`{linter}` passed a known fault"
    assert named in result.stdout + result.stderr
