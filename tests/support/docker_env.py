"""Pytest fixtures around the examples' private engine (docsite/engine.py).

- `engine`: the private Docker Engine 28 (containerd image store, BuildKit),
  started for the session with the stand-in python:3.13-slim loaded, the local
  package index and the local registry running; stopped and deleted at the end.
  Where it cannot run, every test that needs it skips with one line saying why
  (a failure under CI=true). It never talks to any other engine on the machine.
- `classic_engine`: the same on the classic overlay2 store, started on first use.
- `run_example`: runs one example and afterwards returns the engine to the state
  it had before (containers, images, volumes, networks, build cache, registry),
  whether the example passed or not.
- Runs are serialised by the engines' lock (docsite.engine.run_lock), so two
  runs never share an engine.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from docsite import baseimage, examples, pipindex, transcript
from docsite.engine import STORES, Engine, EngineUnavailable, run_lock, why_not_here
from docsite.registry import Registry


def say(line: str) -> None:
    """One line on the terminal, even under pytest's output capture."""
    sys.__stderr__.write(f"\n[docs-examples] {line}\n")


@dataclass
class Running:
    """One started private engine, with a docker-py client and its clean state."""

    engine: Engine
    client: object
    baseline: set[str]
    registry: Registry | None = None
    broken: str | None = None

    def env(self) -> dict[str, str]:
        return {**self.engine.env(), "NO_COLOR": "1"}

    def inventory(self) -> set[str]:
        c = self.client
        images = c.images.list(all=True)
        return (
            {f"container {x.id}" for x in c.containers.list(all=True)}
            | {f"image {x.id}" for x in images}
            | {f"tag {tag}" for x in images for tag in x.tags}
            | {f"volume {x.name}" for x in c.volumes.list()}
            | {f"network {x.name}" for x in c.networks.list()}
        )

    def check_alive(self) -> None:
        """Fail (not crash) every example once the engine has stopped answering."""
        if self.broken is None:
            try:
                self.client.ping()
            except Exception as error:  # noqa: BLE001 - any failure means it is gone
                log = self.engine.log.read_text(errors="replace").splitlines()[-5:]
                self.broken = f"the private engine stopped answering ({error}); its log ends: {log}"
        if self.broken:
            pytest.fail(self.broken, pytrace=False)

    def reset(self) -> list[str]:
        """Remove everything made since the baseline; return what was removed."""
        c = self.client
        removed = []
        for container in c.containers.list(all=True):
            container.remove(force=True, v=True)
            removed.append(f"container {container.name}")
        for image in c.images.list(all=True):  # a tag added to a baseline image
            for tag in image.tags:
                if f"tag {tag}" not in self.baseline:
                    with contextlib.suppress(Exception):
                        c.images.remove(tag)
                        removed.append(f"tag {tag}")
        for _ in range(3):  # an image can hold another (a child, a tag of the same index)
            extra = [i for i in c.images.list(all=True) if f"image {i.id}" not in self.baseline]
            for image in extra:
                with contextlib.suppress(Exception):
                    c.images.remove(image.id, force=True)
                    removed.append(f"image {', '.join(image.tags) or image.short_id}")
        for volume in c.volumes.list():
            volume.remove(force=True)
            removed.append(f"volume {volume.name}")
        for network in c.networks.list():
            if f"network {network.name}" not in self.baseline:
                network.remove()
                removed.append(f"network {network.name}")
        subprocess.run(
            ["docker", "builder", "prune", "--all", "--force"],
            env={**os.environ, **self.env()},
            capture_output=True,
            check=True,
        )
        if self.registry and self.registry.wipe():
            removed.append("registry contents")
        left = self.inventory() - self.baseline
        if left:
            pytest.fail(f"could not return the engine to its clean state: {sorted(left)}")
        return removed


@contextlib.contextmanager
def started(store: str, *, registry: bool):
    import docker

    reason = why_not_here()
    if reason:
        pytest.skip(reason)
    try:
        engine = Engine(STORES[store]).start()
    except EngineUnavailable as error:
        pytest.skip(str(error))
    running = None
    try:
        client = docker.DockerClient(base_url=engine.host, timeout=300)
        try:
            baseimage.load(client)
        except baseimage.BaseImageChanged as error:
            pytest.fail(str(error), pytrace=False)
        running = Running(engine, client, set())
        running.baseline = running.inventory()
        if registry:
            running.registry = Registry().start()
        versions = engine.version()
        say(f"private engine: Docker Engine {versions['engine']}, {store} store ({engine.host})")
        yield running
    finally:
        if running and running.registry:
            running.registry.stop()
        engine.stop()


def other_engines() -> dict[str, object]:
    """What the machine's own engines hold (the reader's, a CI runner's): the
    default socket and whatever DOCKER_HOST names, where one answers."""
    import docker

    seen = {}
    for host in {"unix:///var/run/docker.sock", os.environ.get("DOCKER_HOST", "")} - {""}:
        with contextlib.suppress(Exception):
            client = docker.DockerClient(base_url=host, timeout=10)
            seen[host] = (
                sorted((c.id, c.status) for c in client.containers.list(all=True)),
                sorted((i.id, tuple(sorted(i.tags))) for i in client.images.list(all=True)),
                sorted(v.name for v in client.volumes.list()),
                sorted(n.id for n in client.networks.list()),
            )
    return seen


@pytest.fixture(scope="session")
def engine():
    before = other_engines()
    with run_lock(), started("containerd", registry=True) as running:
        with pipindex.serving():
            yield running
    # The examples never talk to another engine; prove it on this machine's own.
    after = other_engines()
    changed = [host for host in before if after.get(host) != before[host]]
    if changed:
        pytest.fail(f"the machine's own engine changed during the examples: {changed}")


@pytest.fixture(scope="session")
def classic_engine(engine):
    # Needs the lock that `engine` holds; started after it, stopped before it.
    with started("classic", registry=False) as running:
        yield running


@pytest.fixture
def docker_client(engine):
    """A docker-py client for the private engine, for the tests' own checks."""
    engine.check_alive()
    yield engine.client
    engine.reset()


@pytest.fixture
def run_example(request, tmp_path, monkeypatch):
    """Run one discovered example on the engine its name asks for."""

    def run(example: examples.Example, eval_example=None) -> None:
        running = request.getfixturevalue(
            "classic_engine" if example.store == "classic" else "engine"
        )
        running.check_alive()
        work = tmp_path / "snippets"
        shutil.copytree(examples.SNIPPETS, work, ignore=shutil.ignore_patterns("__pycache__"))
        cwd = work / Path(example.name).parent
        update = request.config.getoption("update_examples")
        failure = None
        try:
            if example.kind == "console":
                examples.run_console(example, cwd=cwd, env=running.env(), update=update)
            else:
                for key, value in running.env().items():
                    monkeypatch.setenv(key, value)
                monkeypatch.chdir(cwd)
                examples.run_python(example, eval_example, update=update)
        except (examples.OutputChanged, examples.ExampleFailed, transcript.CommandFailed) as error:
            failure = str(error)
        finally:
            running.reset()
        if failure:  # outside the except block, so the report is this one line
            pytest.fail(failure, pytrace=False)

    return run
