"""A private, pinned Docker Engine for the examples, next to whatever engine the machine runs.

The examples never talk to the reader's engine (Docker Desktop, a system dockerd,
a CI runner's): they run on one this module starts from Debian's packages, pinned
in engine/packages.lock, unpacked into a private folder. It has its own socket,
data root, exec root, bridge and managed containerd, and everything it stored is
deleted when it stops. Two stores can run side by side: the containerd image
store (what fresh Engine 29 installs and Docker Desktop use) and the classic
overlay2 store (upgraded installs), each a separate dockerd.

Everything is done with the standard library and the Debian tools every
Debian/Ubuntu machine has (dpkg-deb, ip), so scripts and benchmarks can use it
as well as the tests.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import signal
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "engine" / "packages.lock"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "docker-images-explained"
MIRROR = os.environ.get("DEBIAN_MIRROR", "http://deb.debian.org/debian")
# Where the engines keep their state while they run. Fixed paths, so a run that
# was killed can be cleaned up by the next one; short, because a unix socket's
# path is limited to about 100 characters.
RUN_DIR = Path("/run/docs-examples")
DATA_DIR = Path("/var/lib/docs-examples")


class EngineUnavailable(Exception):
    """The private engine cannot run here; the message says why, in one line."""


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
    """The pinned version of one package, e.g. version("docker.io")."""
    return next(p.version for p in packages() if p.name == name)


# ------------------------------------------------------------------ the binaries
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
    if not shutil.which("dpkg-deb"):
        raise EngineUnavailable("dpkg-deb is missing: the private engine unpacks Debian packages")
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    for package in packages():
        subprocess.run(["dpkg-deb", "-x", str(download(package)), str(partial)], check=True)
    shutil.rmtree(target, ignore_errors=True)
    partial.rename(target)
    (target / ".complete").touch()
    return target


def why_not_here() -> str | None:
    """None if the private engine can run on this machine, else the reason in one line."""
    if os.uname().sysname != "Linux":
        return "the examples' private Docker Engine needs Linux (it runs dockerd itself)"
    if os.geteuid() != 0:
        return "the examples' private Docker Engine needs root (run the tests as root, e.g. sudo)"
    if os.uname().machine != "x86_64":
        return "engine/packages.lock pins amd64 packages; this machine is " + os.uname().machine
    for tool, package in (("runc", "runc"), ("ip", "iproute2")):
        if not shutil.which(tool, path=_host_path()):
            return f"{tool} is missing (apt-get install {package}); the private engine needs it"
    return None


def _host_path() -> str:
    return os.environ.get("PATH", "") + ":/usr/sbin:/sbin"


# ------------------------------------------------------------------ one engine
@dataclass(frozen=True)
class Store:
    """One of the two image stores, and the network its engine gets."""

    name: str  # "containerd" or "classic"
    snapshotter: bool
    bridge: str
    gateway: str  # the bridge's address, CIDR
    pool: str  # the default address pool for user-defined networks

    @property
    def gateway_ip(self) -> str:
        return self.gateway.split("/")[0]


STORES = {
    "containerd": Store("containerd", True, "docsex0", "10.213.0.1/24", "10.214.0.0/16"),
    "classic": Store("classic", False, "docsex1", "10.215.0.1/24", "10.216.0.0/16"),
}


@dataclass
class Engine:
    store: Store
    binaries: Path = field(default_factory=unpacked)
    process: subprocess.Popen | None = None

    # Paths, all of them this engine's own.
    @property
    def run_dir(self) -> Path:
        return RUN_DIR / self.store.name

    @property
    def data_root(self) -> Path:
        return DATA_DIR / self.store.name

    @property
    def socket(self) -> Path:
        return self.run_dir / "docker.sock"

    @property
    def host(self) -> str:
        return f"unix://{self.socket}"

    @property
    def config_dir(self) -> Path:
        """DOCKER_CONFIG: the CLI's settings and plugins (buildx), not the reader's."""
        return self.run_dir / "cli"

    @property
    def log(self) -> Path:
        return self.run_dir / "dockerd.log"

    def env(self) -> dict[str, str]:
        """What a shell or the SDK needs to use this engine, and only it."""
        bins = [self.binaries / "usr" / "bin", self.binaries / "usr" / "sbin"]
        return {
            "DOCKER_HOST": self.host,
            "DOCKER_CONFIG": str(self.config_dir),
            "DOCKER_CONTEXT": "default",
            "PATH": os.pathsep.join([*map(str, bins), _host_path()]),
        }

    def start(self, timeout: float = 90) -> Engine:
        reason = why_not_here()
        if reason:
            raise EngineUnavailable(reason)
        self._clean_stale()
        self.run_dir.mkdir(parents=True)
        self.data_root.mkdir(parents=True)
        self._bridge_up()
        plugins = self.config_dir / "cli-plugins"
        plugins.mkdir(parents=True)
        buildx = self.binaries / "usr/libexec/docker/cli-plugins/docker-buildx"
        (plugins / "docker-buildx").symlink_to(buildx)
        (self.config_dir / "config.json").write_text("{}\n")
        config = {
            "hosts": [self.host],
            "data-root": str(self.data_root),
            "exec-root": str(self.run_dir / "exec"),
            "pidfile": str(self.run_dir / "dockerd.pid"),
            "bridge": self.store.bridge,
            "default-address-pools": [{"base": self.store.pool, "size": 24}],
            # This engine does not touch the host's firewall: containers reach
            # the host's bridge address (the local package index) and each
            # other, and published ports go through docker-proxy on 127.0.0.1.
            "iptables": False,
            "ip6tables": False,
            "features": {"containerd-snapshotter": self.store.snapshotter},
            "log-level": "warn",
        }
        (self.run_dir / "daemon.json").write_text(json.dumps(config, indent=2))
        env = {**os.environ, **self.env()}
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                ["dockerd", "--config-file", str(self.run_dir / "daemon.json")],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # not killed with the terminal's Ctrl-C group
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            if self._answers():
                return self
            time.sleep(0.3)
        tail = self.log.read_text(errors="replace").splitlines()[-15:]
        self.stop()
        raise EngineUnavailable(
            f"the private dockerd ({self.store.name} store) did not start; its log ends:\n  "
            + "\n  ".join(tail)
        )

    def _answers(self) -> bool:
        if not self.socket.exists():
            return False
        result = subprocess.run(
            ["docker", "version", "--format", "{{.Server.Version}}"],
            env={**os.environ, **self.env()},
            capture_output=True,
            timeout=20,
        )
        return result.returncode == 0

    def stop(self) -> None:
        """Stop dockerd (it stops its containers and its containerd), then delete
        everything it stored, its bridge included."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.process = None
        self._clean_stale()

    def _clean_stale(self) -> None:
        """Whatever an earlier run of this engine left: a dockerd still running
        (killed test run), mounts, files, the bridge."""
        pidfile = self.run_dir / "dockerd.pid"
        if pidfile.exists():
            with contextlib.suppress(ValueError, ProcessLookupError, PermissionError):
                pid = int(pidfile.read_text().strip())
                os.kill(pid, signal.SIGTERM)
                for _ in range(100):
                    os.kill(pid, 0)  # raises ProcessLookupError once it is gone
                    time.sleep(0.3)
        for base in (self.run_dir, self.data_root):
            _unmount_below(base)
            shutil.rmtree(base, ignore_errors=True)
            with contextlib.suppress(OSError):  # the other store's engine may still use it
                base.parent.rmdir()
        subprocess.run(
            ["ip", "link", "delete", self.store.bridge],
            capture_output=True,
            env={**os.environ, "PATH": _host_path()},
        )

    def _bridge_up(self) -> None:
        env = {**os.environ, "PATH": _host_path()}
        for command in (
            ["ip", "link", "add", "name", self.store.bridge, "type", "bridge"],
            ["ip", "addr", "add", self.store.gateway, "dev", self.store.bridge],
            ["ip", "link", "set", self.store.bridge, "up"],
        ):
            subprocess.run(command, check=True, capture_output=True, env=env)

    def version(self) -> dict[str, str]:
        """What records the outputs: engine, builder, containerd, store, runc, kernel."""
        env = {**os.environ, **self.env()}

        def ask(*command: str) -> str:
            return subprocess.run(
                command, env=env, capture_output=True, text=True, check=True
            ).stdout.strip()

        info = json.loads(ask("docker", "info", "--format", "{{json .}}"))
        containerd = next(
            (
                c["Version"]
                for c in json.loads(
                    ask("docker", "version", "--format", "{{json .Server.Components}}")
                )
                if c["Name"] == "containerd"
            ),
            "",
        )
        return {
            "engine": info["ServerVersion"],
            "buildx": ask("docker", "buildx", "version").split()[1],
            "containerd": containerd,
            "store": info.get("Driver", ""),
            "runc": ask("runc", "--version").splitlines()[0].split()[-1],
            "kernel": info["KernelVersion"],
        }


def _unmount_below(base: Path) -> None:
    """Unmount anything still mounted under base (deepest first), so it can be deleted."""
    try:
        mounts = Path("/proc/self/mounts").read_text().splitlines()
    except OSError:
        return
    points = [line.split()[1] for line in mounts]
    for point in sorted((p for p in points if p.startswith(str(base) + "/")), reverse=True):
        subprocess.run(["umount", "-l", point], capture_output=True)


@contextlib.contextmanager
def run_lock():
    """Wait for, then hold, the machine's one lock on the private engines. Their
    run and data directories are fixed paths, so every user of them (tests,
    benchmarks, scripts) takes it; it sits beside them, not in the cache, which
    XDG_CACHE_HOME can move."""
    RUN_DIR.parent.mkdir(parents=True, exist_ok=True)
    with open(RUN_DIR.parent / "docs-examples.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


@contextlib.contextmanager
def running(store: str = "containerd"):
    """The private engine for the block's duration; stopped and deleted afterwards."""
    engine = Engine(STORES[store]).start()
    try:
        yield engine
    finally:
        engine.stop()
