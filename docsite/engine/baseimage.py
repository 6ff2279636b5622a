"""The stand-in for python:3.13-slim the examples build on, made offline and reproducibly.

No public registry is reachable where the outputs are recorded, so the examples'
base image is made from Debian trixie's packages with mmdebstrap (trixie ships
Python 3.13, like the real image), with what the examples' Dockerfiles use
(python, pip, useradd) and the real image's settings (CMD, LANG).

Reproducible: with SOURCE_DATE_EPOCH set and the same packages, mmdebstrap
writes the same tar byte for byte, so the base layer's digest is the same on
every machine. engine/base-image.lock records that digest and the package
versions; when Debian moves, the build fails with the packages that changed
and the command that re-records the examples.

One deliberate difference from the real image: /etc/pip.conf points pip at a
package index the tests serve on the engine's bridge (containers here cannot
reach PyPI). About the examples says so.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

from docsite.engine import EngineUnavailable
from docsite.engine.dockerd import STORES
from docsite.engine.packages import sha256_of
from docsite.paths import CACHE, ENGINE_LOCKS

LOCK = ENGINE_LOCKS / "base-image.lock"
NAME = "python:3.13-slim"
SOURCE_DATE_EPOCH = "1764288000"  # 2025-11-28: any fixed time; it stamps every file
MIRROR = "http://deb.debian.org/debian"
PIP_INDEX = f"http://{STORES['containerd'].gateway_ip}:3141/simple/"
PIP_CONF = (
    f"[global]\\nindex-url = {PIP_INDEX}\\ntrusted-host = {STORES['containerd'].gateway_ip}\\n"
)
MMDEBSTRAP = [
    "mmdebstrap",
    "--variant=apt",
    "--include=python3-minimal,python3-pip,python-is-python3,passwd,ca-certificates",
    '--customize-hook=rm -f "$1"/usr/lib/python3*/EXTERNALLY-MANAGED',
    f"--customize-hook=printf '{PIP_CONF}' > \"$1\"/etc/pip.conf",
    # The package versions, written outside the image for engine/base-image.lock.
    '--customize-hook=chroot "$1" dpkg-query -W > "$BASE_IMAGE_OUT"',
    '--customize-hook=rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*',
    "--keyring=/usr/share/keyrings/debian-archive-keyring.gpg",
    "trixie",
]
# What `docker import` adds to the file system: the real image's settings.
CHANGES = ['CMD ["python3"]', "ENV LANG=C.UTF-8", "ENV PIP_DISABLE_PIP_VERSION_CHECK=1"]


class BaseImageChanged(Exception):
    """Debian moved: the stand-in now differs from the one the outputs were recorded with."""


def rootfs(*, checked: bool = True) -> Path:
    """The stand-in's root file system as a tar, made once and cached; checked
    against engine/base-image.lock unless `checked` is false."""
    key = hashlib.sha256(repr((MMDEBSTRAP, SOURCE_DATE_EPOCH)).encode()).hexdigest()[:12]
    target = CACHE / f"python-3.13-standin-{key}.tar"
    packages = target.with_suffix(".packages")
    if not (target.exists() and packages.exists()):
        if not shutil.which("mmdebstrap"):
            raise EngineUnavailable(
                "mmdebstrap is missing (apt-get install mmdebstrap); it makes the base image"
            )
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".partial.tar")
        out = CACHE / "standin-packages.partial"
        result = subprocess.run(
            [*MMDEBSTRAP, str(partial), MIRROR],
            env={**_env(), "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "BASE_IMAGE_OUT": str(out)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            timeout=900,
        )
        if result.returncode:
            raise EngineUnavailable("mmdebstrap failed: " + result.stderr.strip()[-500:])
        out.rename(packages)
        partial.rename(target)
    if checked:
        check(target, packages)
    return target


def _env() -> dict[str, str]:
    import os

    return {**os.environ, "PATH": os.environ.get("PATH", "") + ":/usr/sbin:/sbin"}


def record(tar: Path, packages: Path) -> str:
    """The lock's text for this tar: its digest and every package version."""
    return (
        "# The stand-in python:3.13-slim the outputs were recorded with"
        " (docsite/engine/baseimage.py).\n"
        "# Written by `make re-record`; compared on every test run.\n"
        f"sha256 {sha256_of(tar)}\n" + packages.read_text()
    )


def check(tar: Path, packages: Path, lock: Path = LOCK) -> None:
    if not lock.exists():
        return  # first recording: `make re-record` writes it
    expected, actual = lock.read_text(), record(tar, packages)
    if expected == actual:
        return
    old = {line for line in expected.splitlines() if not line.startswith("#")}
    new = {line for line in actual.splitlines() if not line.startswith("#")}
    changed = sorted(new - old) or ["(same packages, different bytes)"]
    raise BaseImageChanged(
        "the base image changed: Debian trixie moved since the outputs were recorded "
        f"({', '.join(line.replace(chr(9), ' ') for line in changed[:6])}"
        f"{' …' if len(changed) > 6 else ''}). Re-record with `make re-record` and review the diff."
    )


def write_lock() -> None:
    """Record the stand-in as it is made today (`make re-record`)."""
    tar = rootfs(checked=False)
    LOCK.write_text(record(tar, tar.with_suffix(".packages")))


def load(client) -> None:
    """Import the stand-in into an engine as python:3.13-slim (docker-py client)."""
    repository, tag = NAME.split(":")
    client.api.import_image(src=str(rootfs()), repository=repository, tag=tag, changes=CHANGES)
