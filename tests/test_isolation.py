"""The examples never reach the machine's own containerd or Docker, on any machine.

A stand-in for the machine's containerd answers on the default socket (in a
private mount namespace, so nothing real is disturbed) while the lab starts and
a page example builds, pushes, pulls and runs: the lab must use its own pinned
containerd and leave the stand-in empty. The control reverts the lab to a
daemon.json that names no containerd and must be caught. These run first, before
the session's engine takes the lab (tests/conftest.py orders them).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from docsite.engine import hostcheck, packages
from docsite.engine.containerd import NAMESPACE
from docsite.engine.preflight import why_not_here
from docsite.engine.runlock import run_lock
from docsite.paths import ROOT

CHILD = Path(__file__).parent / "support" / "standin_containerd.py"


def run_beside_standin(tmp_path: Path, *extra: str) -> dict:
    reason = why_not_here()
    if reason:
        pytest.skip(reason)
    if not shutil.which("containerd"):
        pytest.skip(
            "no system containerd to stand in for the machine's (apt-get install containerd)"
        )
    script = (
        "set -e; mount -t tmpfs tmpfs /run/containerd; "
        f'exec "{sys.executable}" "{CHILD}" "{tmp_path}" {" ".join(extra)}'
    )
    os.makedirs("/run/containerd", exist_ok=True)
    with run_lock():
        child = subprocess.Popen(
            ["unshare", "--mount", "--propagation", "private", "sh", "-c", script],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            out, err = child.communicate(timeout=600)
        except KeyboardInterrupt:
            # Ctrl-C reached the child too: let it stop its lab before we go.
            child.wait(timeout=120)
            raise
    assert child.returncode == 0, err[-3000:]
    return json.loads(out.strip().splitlines()[-1])


@pytest.mark.docker
@pytest.mark.before_lab
def test_a_containerd_on_the_default_socket_is_never_used(tmp_path):
    report = run_beside_standin(tmp_path)
    assert "error" not in report, report["error"]
    assert report["example"] == "passed"
    assert report["engine_containerd"].split("+")[0] == packages.upstream_version("containerd")
    assert report["standin_namespaces"] == [], report
    assert report["shim_sockets_left"] == [], report


@pytest.mark.docker
@pytest.mark.before_lab
def test_control_a_lab_that_names_no_containerd_is_caught(tmp_path):
    report = run_beside_standin(tmp_path, "--revert")
    assert report["engine_containerd"].startswith(report["standin_version"].lstrip("v")[:3])
    assert NAMESPACE in report["standin_namespaces"]
    assert f"holds the lab's namespace {NAMESPACE}" in report.get("error", ""), report


# ------------------------------------------------------------ the machine's own engine
def test_objects_someone_creates_meanwhile_are_not_a_failure(engine, docker_client):
    before = hostcheck.snapshot([engine.host], containerd=None)
    container = engine.client.containers.create("python:3.13-slim", name="readers-own")
    engine.client.volumes.create("readers-volume")
    try:
        after = hostcheck.snapshot([engine.host], containerd=None)
        assert len(after[engine.host]) == len(before[engine.host]) + 2
        assert hostcheck.touched(before, after) == []
    finally:
        container.remove()
        engine.client.volumes.get("readers-volume").remove()


def test_control_objects_that_existed_before_must_stay_as_they_were(engine, docker_client):
    container = engine.client.containers.create("python:3.13-slim", name="readers-own")
    try:
        before = hostcheck.snapshot([engine.host], containerd=None)
        container.remove()
        engine.client.images.get("python:3.13-slim").tag("readers/retagged", "1")
        problems = hostcheck.touched(before, hostcheck.snapshot([engine.host], containerd=None))
    finally:
        engine.client.images.remove("readers/retagged:1")
    assert any("container readers-own was removed" in p for p in problems), problems
    assert any("readers/retagged:1" in p for p in problems), problems
