"""The one way to get the examples' lab running: tests, scripts and benchmarks all use it.

`session()` holds the machine's lab lock, removes (and names, in one line)
whatever a killed earlier run left, and checks at the end that the machine's
own Docker was not touched. `started()` brings up one store's engine with the
stand-in base image loaded and, on request, the local registry and package
index; `reset()` returns it to that state after each example.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from dataclasses import dataclass, field

from docsite.engine import EngineUnavailable, baseimage, hostcheck, leftovers, pipindex
from docsite.engine import registry as registry_module
from docsite.engine.dockerd import STORES, Engine
from docsite.engine.preflight import why_not_here
from docsite.engine.report import say
from docsite.engine.runlock import run_lock


class HostTouched(Exception):
    """Something that existed on the machine's own Docker changed during the run."""


class NotClean(Exception):
    """The engine could not be returned to its starting state."""


@contextlib.contextmanager
def session(check_host: bool = True):
    reason = why_not_here()
    if reason:
        raise EngineUnavailable(reason)
    before = hostcheck.snapshot() if check_host else {}
    with run_lock():
        found = registry_module.remove()
        for store in STORES.values():
            found += leftovers.remove_store(store)
        leftovers.remove_machine_folders()
        if found:
            say("removed what an earlier, interrupted run left: " + ", ".join(found))
        leftovers.note_machine_folders()
        try:
            yield
        finally:
            registry_module.remove()
            for store in STORES.values():
                leftovers.remove_store(store)
            leftovers.remove_machine_folders()
            leftovers.remove_top_folders()
    if check_host:
        problems = hostcheck.touched(before, hostcheck.snapshot())
        if problems:
            raise HostTouched(
                "the examples touched the machine's own Docker: " + "; ".join(problems)
            )


@dataclass
class Lab:
    """One started engine, with a docker-py client and the state it starts from."""

    engine: Engine
    client: object
    baseline: set[str] = field(default_factory=set)
    registry: registry_module.Registry | None = None

    @property
    def host(self) -> str:
        return self.engine.host

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
            raise NotClean(f"could not return the engine to its clean state: {sorted(left)}")
        return removed


@contextlib.contextmanager
def started(store: str = "containerd", *, registry: bool = False, pip_index: bool = False):
    """One store's engine, inside a session(), stopped and deleted afterwards."""
    import docker

    engine = Engine(STORES[store]).start()
    lab = None
    try:
        client = docker.DockerClient(base_url=engine.host, timeout=300)
        baseimage.load(client)
        lab = Lab(engine, client)
        lab.baseline = lab.inventory()
        if registry:
            lab.registry = registry_module.Registry().start()
        with pipindex.serving() if pip_index else contextlib.nullcontext():
            yield lab
    finally:
        if lab and lab.registry:
            lab.registry.stop()
        engine.stop()


@contextlib.contextmanager
def lab(store: str = "containerd", *, registry: bool = False, pip_index: bool = False):
    """A session with one started engine: what a script or benchmark needs."""
    with session(), started(store, registry=registry, pip_index=pip_index) as running:
        yield running
