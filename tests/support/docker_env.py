"""The Docker Engine the examples run against, and the guarantees around it.

- `docker_client`: a real engine or a one-line skip (a failure under CI=true).
  Runs are serialised by a lock file, so two test runs on one machine never
  remove each other's resources.
- Everything an example creates carries the label `docs-example`. After each
  test, whatever it left is removed; a test that passed but left something
  behind fails. At the end of the session nothing new may remain.
- `base_image`: python:3.13-slim. The recorded outputs were made with a stand-in
  built from Debian trixie packages (no registry is reachable where they were
  recorded), so the tests always use that stand-in and restore a local real
  image of that name afterwards.
- `pip_index`: a local package index with the worked example's wheels, served on
  127.0.0.1, because containers here cannot reach PyPI.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import http.server
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

LABEL = "docs-example"
BASE_IMAGE = "python:3.13-slim"
BASE_LABEL = "docs-example.base-standin"
ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "docker-images-explained"
REQUIREMENTS = ROOT / "snippets" / "worked-example" / "app" / "requirements.txt"
PIP_INDEX_PORT = int(os.environ.get("DOCS_PIP_INDEX_PORT", "3141"))

# The stand-in for python:3.13-slim: what its Dockerfile needs (python, pip,
# useradd), from Debian trixie, which ships Python 3.13 like the real image.
MMDEBSTRAP = [
    "mmdebstrap",
    "--variant=apt",
    "--include=python3-minimal,python3-pip,python-is-python3,passwd,ca-certificates",
    '--customize-hook=rm -f "$1"/usr/lib/python3*/EXTERNALLY-MANAGED',
    '--customize-hook=rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*',
    "--keyring=/usr/share/keyrings/debian-archive-keyring.gpg",
    "trixie",
]
MIRROR = "http://deb.debian.org/debian"
STANDIN_CHANGES = [
    'CMD ["python3"]',
    "ENV LANG=C.UTF-8",
    "ENV PIP_DISABLE_PIP_VERSION_CHECK=1",
    f"LABEL {BASE_LABEL}=mmdebstrap-trixie",
]


def say(line: str) -> None:
    """One line on the terminal, even under pytest's output capture."""
    sys.__stderr__.write(f"\n[docs-examples] {line}\n")


# ------------------------------------------------------------------ the engine
@pytest.fixture(scope="session")
def docker_client():
    try:
        import docker

        client = docker.from_env(timeout=300)
        client.ping()
    except Exception as error:  # noqa: BLE001 - any failure means "no engine"
        pytest.skip(
            f"no Docker Engine answered ({type(error).__name__}); start Docker "
            "(Docker Desktop, or `dockerd`; .ci/run installs and starts one)"
        )
    with engine_lock():
        removed = remove_labelled(client)
        if removed:
            say(f"removed {len(removed)} resources an interrupted earlier run left")
        before = inventory(client)
        yield client
        left = remove_labelled(client) + remove_new(client, before)
        if left:
            pytest.fail("the examples left resources behind (now removed):\n  " + "\n  ".join(left))


@contextlib.contextmanager
def engine_lock():
    """Wait for, then hold, the run lock. Scripts outside pytest that use the
    engine's labelled resources (benchmarks/, tools/) take it too."""
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / "run.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def inventory(client) -> set[str]:
    """Every container, image, volume and network the engine has, by kind and ID."""
    return (
        {f"container {c.id}" for c in client.containers.list(all=True)}
        | {f"image {i.id}" for i in client.images.list(all=True)}
        | {f"volume {v.name}" for v in client.volumes.list()}
        | {f"network {n.id}" for n in client.networks.list()}
    )


def remove_labelled(client, label: str = LABEL) -> list[str]:
    """Remove every resource that carries `label`; return what was removed."""
    removed = []
    for container in client.containers.list(all=True, filters={"label": label}):
        container.remove(force=True, v=True)
        removed.append(f"container {container.name}")
    # Newest first, so that an image goes before the image it was built from.
    images = client.images.list(all=True, filters={"label": label})
    for image in sorted(images, key=lambda i: i.attrs["Created"], reverse=True):
        try:
            client.images.remove(image.id, force=True)
            removed.append(f"image {', '.join(image.tags) or image.short_id}")
        except Exception as error:  # noqa: BLE001 - already gone with a child
            if "No such image" not in str(error):
                raise
    for volume in client.volumes.list(filters={"label": label}):
        volume.remove(force=True)
        removed.append(f"volume {volume.name}")
    for network in client.networks.list(filters={"label": label}):
        network.remove()
        removed.append(f"network {network.name}")
    return removed


def remove_new(client, before: set[str]) -> list[str]:
    """Remove what appeared since `before` without the label (a failed build's
    container, an unlabelled image); the run lock makes it ours."""
    new = inventory(client) - before
    # Containers before the images they use; children before parents (retried,
    # since an image ID says nothing about its place in the tree).
    order = {"container": 0, "image": 1, "volume": 2, "network": 3}
    pending = sorted(new, key=lambda entry: order[entry.split(" ", 1)[0]])
    for _attempt in range(5):
        blocked = []
        for entry in pending:
            kind, ident = entry.split(" ", 1)
            try:
                if kind == "container":
                    client.containers.get(ident).remove(force=True, v=True)
                elif kind == "image":
                    client.images.remove(ident, force=True)
                elif kind == "volume":
                    client.volumes.get(ident).remove(force=True)
                elif kind == "network":
                    client.networks.get(ident).remove()
            except Exception as error:  # noqa: BLE001 - gone with its parent, or has a child
                message = str(error)
                if "No such" in message or "not found" in message:
                    continue
                if "dependent child images" not in message and "being used" not in message:
                    raise
                blocked.append(entry)
        if not blocked:
            break
        pending = blocked
    return sorted(new)


# ------------------------------------------------------------------ the base image
@pytest.fixture(scope="session")
def base_image(docker_client):
    """Tag the Debian-made stand-in as python:3.13-slim for the session."""
    with standin_base(docker_client) as name:
        yield name


@contextlib.contextmanager
def standin_base(docker_client):
    """The stand-in tagged as python:3.13-slim; a real image of that name is
    tagged back afterwards. (A context manager so that scripts can use it.)"""
    import docker

    real = None
    try:
        existing = docker_client.images.get(BASE_IMAGE)
        if BASE_LABEL not in (existing.labels or {}):
            real = existing.id
    except docker.errors.ImageNotFound:
        pass
    say(
        f"{BASE_IMAGE}: using a stand-in made from Debian trixie packages "
        "(mmdebstrap), as the recorded outputs were"
    )
    started = time.monotonic()
    rootfs = standin_rootfs()
    docker_client.api.import_image(
        src=str(rootfs), repository="python", tag="3.13-slim", changes=STANDIN_CHANGES
    )
    say(f"stand-in ready in {time.monotonic() - started:.0f} s")
    yield BASE_IMAGE
    remove_labelled(docker_client, BASE_LABEL)
    if real:
        docker_client.images.get(real).tag(BASE_IMAGE)


def standin_rootfs() -> Path:
    """The stand-in's root file system, made once and cached."""
    key = hashlib.sha256(repr(MMDEBSTRAP).encode()).hexdigest()[:12]
    rootfs = CACHE / f"python-3.13-standin-{key}.tar"
    if rootfs.exists():
        return rootfs
    if not shutil.which("mmdebstrap"):
        pytest.skip("mmdebstrap is missing (apt-get install mmdebstrap); it makes the base image")
    partial = rootfs.with_suffix(".partial.tar")
    subprocess.run(
        [*MMDEBSTRAP, str(partial), MIRROR],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=900,
    )
    partial.rename(rootfs)
    return rootfs


# ------------------------------------------------------------------ the package index
@pytest.fixture(scope="session")
def pip_index():
    """A PEP 503 index of the worked example's wheels on 127.0.0.1."""
    with local_pip_index() as url:
        yield url


@contextlib.contextmanager
def local_pip_index():
    """Serve the index while the block runs; yield its URL."""
    root = CACHE / "pip-index"
    wheels = root / "files"
    wheels.mkdir(parents=True, exist_ok=True)
    if REQUIREMENTS.exists():
        machine = os.uname().machine
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                "--only-binary=:all:",
                "--python-version",
                "3.13",
                "--platform",
                f"manylinux_2_17_{machine}",
                "--platform",
                f"manylinux2014_{machine}",
                "--platform",
                "any",
                "-r",
                str(REQUIREMENTS),
                "-d",
                str(wheels),
            ],
            check=True,
            timeout=600,
        )
    write_simple_index(root)
    handler = functools.partial(QuietHandler, directory=str(root))
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", PIP_INDEX_PORT), handler)
    except OSError as error:
        pytest.fail(
            f"cannot serve the package index on 127.0.0.1:{PIP_INDEX_PORT} ({error}); "
            "set DOCS_PIP_INDEX_PORT to a free port"
        )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{PIP_INDEX_PORT}/simple/"
    server.shutdown()
    server.server_close()


def write_simple_index(root: Path) -> None:
    """simple/<project>/index.html for every wheel in files/ (PEP 503)."""
    import re

    simple = root / "simple"
    shutil.rmtree(simple, ignore_errors=True)
    projects: dict[str, list[Path]] = {}
    for wheel in sorted((root / "files").glob("*.whl")):
        name = re.sub(r"[-_.]+", "-", wheel.name.split("-")[0]).lower()
        projects.setdefault(name, []).append(wheel)
    for name, files in projects.items():
        page = simple / name
        page.mkdir(parents=True)
        links = ""
        for wheel in files:
            digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
            links += f'<a href="../../files/{wheel.name}#sha256={digest}">{wheel.name}</a><br>\n'

        (page / "index.html").write_text(f"<!DOCTYPE html><html><body>\n{links}</body></html>\n")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep pytest's output readable
        pass


# ------------------------------------------------------------------ one example
@pytest.fixture
def docker_example(docker_client, base_image, pip_index, tmp_path, request, monkeypatch):
    """What one example needs: the engine, its environment, and cleanup after it."""
    from support.examples import ExampleRunner

    env = {
        # The classic builder's output is what the pages show (see About the examples).
        "DOCKER_BUILDKIT": "0",
        "PIP_INDEX_URL": pip_index,
        "COLUMNS": "120",
        "NO_COLOR": "1",
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    before = inventory(docker_client)
    runner = ExampleRunner(
        tmp_path=tmp_path,
        env=env,
        update=request.config.getoption("update_examples"),
        monkeypatch=monkeypatch,
    )
    yield runner
    left = remove_labelled(docker_client) + remove_new(docker_client, before)
    failed = getattr(request.node, "rep_call", None)
    if left and failed is not None and failed.passed:
        pytest.fail("the example left resources behind (now removed):\n  " + "\n  ".join(left))
