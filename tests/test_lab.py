"""The lab's own checks, each with the failure it promises: the preflight's one
line, and a second run that says whose lock it waits for."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from docsite.engine import preflight
from docsite.paths import ROOT


def test_every_missing_tool_is_named_in_one_line():
    if os.uname().sysname != "Linux" or os.geteuid() != 0:
        pytest.skip("the tool check comes after the Linux and root checks")
    reason = preflight.why_not_here(path="/nowhere")
    assert "\n" not in reason
    for tool, package in preflight.TOOLS.items():
        assert tool in reason and package in reason, reason


def test_this_machine_has_every_tool():
    assert preflight.missing_tools() == []


LOCK = "from docsite.engine.runlock import run_lock\nwith run_lock():\n"
HOLD = LOCK + "    print('held', flush=True)\n    input()\n"
TAKE = LOCK + "    print('taken', flush=True)\n"


@pytest.mark.docker
@pytest.mark.before_lab
def test_a_second_run_says_whose_lock_it_waits_for():
    if preflight.why_not_here():
        pytest.skip(preflight.why_not_here())
    python = [sys.executable, "-c"]
    holder = subprocess.Popen(
        [*python, HOLD], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        waiter = subprocess.Popen(
            [*python, TAKE], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        waiting = waiter.stderr.readline() + waiter.stderr.readline()
        assert f"waiting for the examples' engine lock, held by PID {holder.pid}" in waiting
        holder.communicate("\n", timeout=30)
        assert waiter.communicate(timeout=30)[0].strip() == "taken"
    finally:
        holder.kill()
