"""A run that is interrupted leaves nothing behind, and the next one starts clean.

Each test starts a real test run of one page example in a child process and
interrupts it the way people and machines do: Ctrl-C (SIGINT to the process
group) must stop it with one line and nothing left running or mounted; a
SIGKILL leaves the daemons orphaned, and the next run must find and remove them,
say so in one line, and pass. They run first, before the session's engine takes
the lab (tests/conftest.py orders them); the child works under this test's lock.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from docsite.engine import leftovers
from docsite.engine.preflight import why_not_here
from docsite.engine.runlock import run_lock
from docsite.paths import ROOT

EXAMPLE = "start/first-container.py"
UP = "[docs-examples] private engine:"


def child_run() -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/test_examples.py",
            "-k",
            EXAMPLE,
        ],
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if k != "CI"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own group, as a terminal gives a command
        # Ctrl-C as a terminal delivers it, even where this run was started in
        # the background (which ignores SIGINT, and children inherit that).
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def wait_until_up(run: subprocess.Popen) -> list[str]:
    seen = []
    for line in run.stdout:
        seen.append(line)
        if line.startswith(UP):
            return seen
    raise AssertionError("the child run ended before its engine was up:\n" + "".join(seen))


@pytest.fixture
def lab_lock():
    reason = why_not_here()
    if reason:
        pytest.skip(reason)
    with run_lock():
        yield


@pytest.mark.docker
@pytest.mark.before_lab
def test_ctrl_c_stops_the_run_and_leaves_nothing(lab_lock):
    run = child_run()
    seen = wait_until_up(run)
    time.sleep(1)  # inside the example now
    os.killpg(run.pid, signal.SIGINT)
    rest, _ = run.communicate(timeout=120)
    output = "".join(seen) + rest
    assert run.returncode == 2, output[-3000:]
    assert "interrupted" in output.lower(), output[-3000:]
    assert "KeyboardInterrupt in example" not in output
    assert leftovers.traces() == []


@pytest.mark.docker
@pytest.mark.before_lab
def test_after_a_sigkill_the_next_run_cleans_up_and_passes(lab_lock):
    run = child_run()
    wait_until_up(run)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait(timeout=30)
    orphans = leftovers.traces()
    assert any("dockerd" in trace for trace in orphans), orphans
    assert any("docker-registry" in trace for trace in orphans), orphans

    again = child_run()
    output, _ = again.communicate(timeout=600)
    assert again.returncode == 0, output[-3000:]
    cleaned = [line for line in output.splitlines() if "an earlier, interrupted run left" in line]
    assert len(cleaned) == 1 and "dockerd" in cleaned[0] and "registry" in cleaned[0], output
    assert leftovers.traces() == []
