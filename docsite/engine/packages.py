"""The engine's pinned Debian packages (engine/packages.lock): download, verify, unpack.

Unpacked with dpkg-deb into a private folder, never installed: nothing of the
machine's own Docker (if any) is replaced or configured.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from docsite.engine import EngineUnavailable
from docsite.paths import CACHE, ENGINE_LOCKS

LOCK = ENGINE_LOCKS / "packages.lock"
MIRROR = os.environ.get("DEBIAN_MIRROR", "http://deb.debian.org/debian")


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    pool_path: str
    sha256: str


def packages(lock: Path = LOCK) -> list[Package]:
    rows = []
    for line in lock.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(Package(*line.split()))
    return rows


def version(name: str) -> str:
    """The pinned Debian version of one package, e.g. version("docker.io")."""
    return next(p.version for p in packages() if p.name == name)


def upstream_version(name: str) -> str:
    """The upstream release a pinned package carries: "2.1.9+ds1-5" -> "2.1.9"."""
    return version(name).split("+")[0].split("~")[0].split("-")[0]


def download(package: Package) -> Path:
    """The package's .deb, from the cache or Debian's pool, checked against its sum."""
    debs = CACHE / "engine-debs"
    debs.mkdir(parents=True, exist_ok=True)
    target = debs / Path(package.pool_path).name
    if target.exists() and sha256_of(target) == package.sha256:
        return target
    url = f"{MIRROR}/{package.pool_path}"
    partial = target.with_suffix(".partial")
    try:
        with urllib.request.urlopen(url, timeout=120) as response, open(partial, "wb") as out:
            shutil.copyfileobj(response, out)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise EngineUnavailable(
            f"cannot download {url} ({error}); if Debian dropped this version, "
            "run `make engine-update` to move engine/packages.lock to the newest"
        ) from error
    actual = sha256_of(partial)
    if actual != package.sha256:
        partial.unlink()
        raise EngineUnavailable(
            f"{url}: sha256 {actual} does not match engine/packages.lock ({package.sha256})"
        )
    partial.rename(target)
    return target


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def unpacked() -> Path:
    """A folder with the pinned packages unpacked (usr/bin, usr/sbin, ...), made once."""
    key = hashlib.sha256(LOCK.read_bytes()).hexdigest()[:12]
    target = CACHE / f"engine-{key}"
    if (target / ".complete").exists():
        return target
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    for package in packages():
        subprocess.run(["dpkg-deb", "-x", str(download(package)), str(partial)], check=True)
    shutil.rmtree(target, ignore_errors=True)
    partial.rename(target)
    (target / ".complete").touch()
    return target


def binary(name: str) -> Path:
    """One of the unpacked programs, e.g. binary("containerd")."""
    for folder in ("usr/bin", "usr/sbin", "usr/libexec/docker/cli-plugins"):
        path = unpacked() / folder / name
        if path.exists():
            return path
    raise EngineUnavailable(f"{name} is not in the engine's pinned packages")
