"""One private dockerd on one image store, on its own containerd, socket, folders and bridge.

Two stores run side by side: the containerd image store (fresh Engine 29
installs, Docker Desktop) and the classic overlay2 store (Engine 28 and
upgraded installs), each a dockerd of its own with a containerd of its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from docsite.engine import EngineUnavailable, leftovers, processes
from docsite.engine.containerd import NAMESPACE, Containerd
from docsite.engine.packages import binary, unpacked, upstream_version
from docsite.engine.preflight import host_path, why_not_here
from docsite.paths import DATA_DIR, RUN_DIR


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

    @property
    def run_dir(self) -> Path:
        return RUN_DIR / self.name

    @property
    def data_root(self) -> Path:
        return DATA_DIR / self.name


STORES = {
    "containerd": Store("containerd", True, "docsex0", "10.213.0.1/24", "10.214.0.0/16"),
    "classic": Store("classic", False, "docsex1", "10.215.0.1/24", "10.216.0.0/16"),
}


@dataclass
class Engine:
    store: Store
    binaries: Path = field(default_factory=unpacked)
    process: subprocess.Popen | None = None
    containerd: Containerd | None = None

    @property
    def socket(self) -> Path:
        return self.store.run_dir / "docker.sock"

    @property
    def host(self) -> str:
        return f"unix://{self.socket}"

    @property
    def config_file(self) -> Path:
        return self.store.run_dir / "daemon.json"

    @property
    def config_dir(self) -> Path:
        """DOCKER_CONFIG: the CLI's settings and plugins (buildx), not the reader's."""
        return self.store.run_dir / "cli"

    @property
    def log(self) -> Path:
        return self.store.run_dir / "dockerd.log"

    def env(self) -> dict[str, str]:
        """What a shell or the SDK needs to use this engine, and only it."""
        bins = [self.binaries / "usr" / "bin", self.binaries / "usr" / "sbin"]
        return {
            "DOCKER_HOST": self.host,
            "DOCKER_CONFIG": str(self.config_dir),
            "DOCKER_CONTEXT": "default",
            "PATH": os.pathsep.join([*map(str, bins), host_path()]),
        }

    def start(self, timeout: float = 90) -> Engine:
        reason = why_not_here()
        if reason:
            raise EngineUnavailable(reason)
        leftovers.remove_store(self.store)
        self.store.run_dir.mkdir(parents=True)
        self.store.data_root.mkdir(parents=True)
        self._bridge_up()
        self._cli_config()
        self.containerd = Containerd(self.store.run_dir, self.store.data_root).start()
        self.config_file.write_text(json.dumps(self._daemon_json(), indent=2))
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                ["dockerd", "--config-file", str(self.config_file)],
                env={**os.environ, **self.env()},
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # not in the terminal's Ctrl-C group
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.process.poll() is None:
            if self._answers():
                self._check_containerd()
                return self
            time.sleep(0.3)
        tail = self.log.read_text(errors="replace").splitlines()[-15:]
        self.stop()
        raise EngineUnavailable(
            f"the private dockerd ({self.store.name} store) did not start; its log ends:\n  "
            + "\n  ".join(tail)
        )

    def _daemon_json(self) -> dict:
        return {
            "hosts": [self.host],
            "data-root": str(self.store.data_root),
            "exec-root": str(self.store.run_dir / "exec"),
            "pidfile": str(self.store.run_dir / "dockerd.pid"),
            # The lab's own containerd, never the machine's (see containerd.py).
            "containerd": str(self.containerd.socket),
            "containerd-namespace": NAMESPACE,
            "containerd-plugins-namespace": f"{NAMESPACE}-plugins",
            "bridge": self.store.bridge,
            "default-address-pools": [{"base": self.store.pool, "size": 24}],
            # No firewall changes: containers reach the bridge's address (the
            # package index) and each other; published ports go through
            # docker-proxy on 127.0.0.1.
            "iptables": False,
            "ip6tables": False,
            "features": {"containerd-snapshotter": self.store.snapshotter},
            # Ctrl-C stops the run within seconds, running containers included.
            "shutdown-timeout": 2,
            "log-level": "warn",
        }

    def _cli_config(self) -> None:
        plugins = self.config_dir / "cli-plugins"
        plugins.mkdir(parents=True)
        (plugins / "docker-buildx").symlink_to(binary("docker-buildx"))
        (self.config_dir / "config.json").write_text("{}\n")

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

    def _check_containerd(self) -> None:
        """The containerd dockerd reports is the pinned one we started."""
        reported = self.version()["containerd"].lstrip("v").split("~")[0].split("+")[0]
        if reported != upstream_version("containerd"):
            self.stop()
            raise EngineUnavailable(
                f"the private dockerd reports containerd {reported}, not the pinned "
                f"{upstream_version('containerd')}: it is not using the lab's containerd"
            )

    def stop(self) -> None:
        """Stop dockerd (it stops its containers), then its containerd, then delete
        everything they stored, the bridge included."""
        pid = self.process.pid if self.process else None
        pid = pid or processes.ours(self.store.run_dir / "dockerd.pid", str(self.config_file))
        if pid:
            processes.stop(pid, timeout=60)
        self.process = None
        if self.containerd:
            self.containerd.stop()
        leftovers.remove_store(self.store)

    def _bridge_up(self) -> None:
        env = {**os.environ, "PATH": host_path()}
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
        components = json.loads(ask("docker", "version", "--format", "{{json .Server.Components}}"))
        containerd = next((c["Version"] for c in components if c["Name"] == "containerd"), "")
        return {
            "engine": info["ServerVersion"],
            "buildx": ask("docker", "buildx", "version").split()[1],
            "containerd": containerd,
            "store": info.get("Driver", ""),
            "runc": ask("runc", "--version").splitlines()[0].split()[-1],
            "kernel": info["KernelVersion"],
        }
