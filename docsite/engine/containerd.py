"""The engine's own containerd: the pinned binary, on a socket and folders of its own.

dockerd left to itself uses any containerd that answers on
/run/containerd/containerd.sock (the machine's, on every docker-ce install and
CI runner) and starts its own only where none does. So the lab starts the
pinned containerd itself, names its socket in daemon.json, gives dockerd a
namespace of its own in it, and refuses to go on unless the containerd that
answers is the pinned release.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from docsite.engine import EngineUnavailable, processes
from docsite.engine.packages import binary, unpacked, upstream_version
from docsite.engine.preflight import host_path

NAMESPACE = "docs-examples"

# Plugins that would reach outside the lab's folders or that dockerd does not
# use: Kubernetes' CRI (as dockerd's managed containerd) and NRI, whose socket
# is the machine-wide /var/run/nri/nri.sock.
DISABLED_PLUGINS = ["io.containerd.grpc.v1.cri", "io.containerd.nri.v1.nri"]


class Containerd:
    def __init__(self, run_dir: Path, data_dir: Path) -> None:
        self.dir = run_dir / "containerd"
        self.socket = self.dir / "containerd.sock"
        # The same root dockerd's managed containerd used, so recorded
        # snapshot paths read as before.
        self.root = data_dir / "containerd" / "daemon"
        self.config = self.dir / "config.toml"
        self.pidfile = self.dir / "containerd.pid"
        self.log = self.dir / "containerd.log"
        self.process: subprocess.Popen | None = None

    def env(self) -> dict[str, str]:
        bins = [unpacked() / "usr" / "bin", unpacked() / "usr" / "sbin"]
        return {"PATH": ":".join([*map(str, bins), host_path()])}

    def write_config(self) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        self.config.write_text(
            "version = 3\n"
            f'root = "{self.root}"\n'
            f'state = "{self.dir / "state"}"\n'
            f"disabled_plugins = {DISABLED_PLUGINS!r}\n".replace("'", '"')
            + f'[grpc]\n  address = "{self.socket}"\n'
            '[ttrpc]\n  address = ""\n'
            '[debug]\n  address = ""\n  level = "warn"\n'
            '[metrics]\n  address = ""\n'
            # Its default is /opt/containerd, outside the lab.
            f'[plugins."io.containerd.internal.v1.opt"]\n  path = "{self.root / "opt"}"\n'
        )

    def start(self, timeout: float = 30) -> Containerd:
        self.write_config()
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [str(binary("containerd")), "--config", str(self.config)],
                env=self.env(),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # not in the terminal's Ctrl-C group
            )
        self.pidfile.write_text(f"{self.process.pid}\n")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.process.poll() is None:
            found = self.server_version()
            if found:
                self.check(found)
                return self
            time.sleep(0.2)
        tail = self.log.read_text(errors="replace").splitlines()[-10:]
        self.stop()
        raise EngineUnavailable(
            "the lab's containerd did not start; its log ends:\n  " + "\n  ".join(tail)
        )

    def server_version(self) -> str | None:
        """The version the containerd on our socket reports, or None if none answers."""
        if not self.socket.exists():
            return None
        return server_version(self.socket)

    def check(self, found: str) -> None:
        pinned = upstream_version("containerd")
        if found.lstrip("v").split("~")[0].split("+")[0] != pinned:
            self.stop()
            raise EngineUnavailable(
                f"the containerd on {self.socket} is {found}, not the pinned {pinned} "
                "(engine/packages.lock)"
            )

    def stop(self) -> None:
        pid = self.process.pid if self.process else processes.ours(self.pidfile, str(self.config))
        if pid:
            processes.stop(pid, timeout=20)
        self.process = None


def server_version(socket: Path) -> str | None:
    """What `ctr version` says the server on socket is, or None if it does not answer."""
    try:
        result = subprocess.run(
            [str(binary("ctr")), "--address", str(socket), "version"],
            capture_output=True,
            text=True,
            timeout=10,
        )
    except subprocess.TimeoutExpired:
        return None
    if result.returncode:
        return None
    server = result.stdout.split("Server:", 1)[-1]
    for line in server.splitlines():
        if line.strip().startswith("Version:"):
            return line.split(":", 1)[1].strip()
    return None


def namespaces(socket: Path) -> list[str]:
    """The namespaces a containerd on socket holds (`ctr namespaces ls -q`)."""
    result = subprocess.run(
        [str(binary("ctr")), "--address", str(socket), "namespaces", "ls", "-q"],
        capture_output=True,
        text=True,
        timeout=20,
        check=True,
    )
    return result.stdout.split()
