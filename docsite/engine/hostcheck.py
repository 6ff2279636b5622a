"""Proof that the examples never touched the machine's own Docker.

Read before the lab starts and after it stops: what the machine's own engines
hold (the default socket and whatever DOCKER_HOST names) and the namespaces of
a containerd on the default socket. What existed before must be there after,
unchanged. What appeared meanwhile is a reader using their own Docker during
the run, not the lab's doing, so it is not a failure; but the lab's own
containerd namespace must never appear in the machine's containerd.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from docsite.engine.containerd import NAMESPACE, namespaces

DEFAULT_HOST = "unix:///var/run/docker.sock"
SYSTEM_CONTAINERD = Path("/run/containerd/containerd.sock")


def engine_hosts() -> list[str]:
    return sorted({DEFAULT_HOST, os.environ.get("DOCKER_HOST", "")} - {""})


def snapshot(hosts: list[str] | None = None, containerd: Path | None = SYSTEM_CONTAINERD) -> dict:
    """{place: {object: what identifies its state}} for every engine and containerd that answers."""
    import docker

    seen: dict[str, dict[str, str]] = {}
    for host in engine_hosts() if hosts is None else hosts:
        with contextlib.suppress(Exception):
            client = docker.DockerClient(base_url=host, timeout=10)
            objects = {}
            for c in client.containers.list(all=True):
                objects[f"container {c.name}"] = f"{c.id} image {c.attrs.get('Image')}"
            for i in client.images.list(all=True):
                objects[f"image {i.id}"] = "tags " + ", ".join(sorted(i.tags))
            for v in client.volumes.list():
                objects[f"volume {v.name}"] = v.attrs.get("CreatedAt", "")
            for n in client.networks.list():
                objects[f"network {n.name}"] = n.id
            seen[host] = objects
    if containerd is not None and containerd.exists():
        with contextlib.suppress(Exception):
            seen[f"containerd {containerd}"] = {
                f"namespace {n}": "" for n in namespaces(containerd)
            }
    return seen


def touched(before: dict, after: dict) -> list[str]:
    """What changed of what existed before, and any trace of the lab's namespace."""
    problems = []
    for place, objects in before.items():
        now = after.get(place)
        if now is None:
            continue  # that engine stopped answering: not something the lab can do
        for name, state in sorted(objects.items()):
            if name not in now:
                problems.append(f"{place}: {name} was removed")
            elif now[name] != state:
                problems.append(f"{place}: {name} changed ({state} -> {now[name]})")
    for place, objects in after.items():
        for name in objects:
            if name in (f"namespace {NAMESPACE}", f"namespace {NAMESPACE}-plugins"):
                problems.append(f"{place}: holds the lab's {name}")
    return problems
