"""A local registry for the examples that push and pull: Debian's docker-registry
(distribution 2.8.3, pinned in engine/packages.lock) on 127.0.0.1:5000.

Engines treat registries on 127.0.0.0/8 as insecure-allowed, so `localhost:5000`
works with no daemon setting, as in Docker's own registry guide. Its storage and
pidfile are under the lab's run folder, so a killed run's registry is found and
stopped by the next run instead of holding the port.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time

from docsite.engine import EngineUnavailable, processes
from docsite.engine.packages import binary
from docsite.paths import RUN_DIR

ADDRESS = ("127.0.0.1", 5000)
FOLDER = RUN_DIR / "registry"
CONFIG = FOLDER / "config.yml"
PIDFILE = FOLDER / "registry.pid"


class Registry:
    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None

    def start(self) -> Registry:
        if _answers():
            raise EngineUnavailable(
                f"port {ADDRESS[1]} on 127.0.0.1 is taken by another program; "
                "the examples' registry needs it"
            )
        FOLDER.mkdir(parents=True, exist_ok=True)
        CONFIG.write_text(
            "version: 0.1\n"
            "log: {level: error, accesslog: {disabled: true}}\n"
            f"storage: {{filesystem: {{rootdirectory: {FOLDER / 'data'}}}}}\n"
            f"http: {{addr: {ADDRESS[0]}:{ADDRESS[1]}}}\n"
        )
        self.process = subprocess.Popen(
            [str(binary("docker-registry")), "serve", str(CONFIG)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # not in the terminal's Ctrl-C group
        )
        PIDFILE.write_text(f"{self.process.pid}\n")
        for _ in range(100):
            if _answers():
                return self
            time.sleep(0.1)
        self.stop()
        raise EngineUnavailable("the local registry did not start on 127.0.0.1:5000")

    def wipe(self) -> bool:
        """Delete everything pushed (restarting the registry); True if there was anything."""
        data = FOLDER / "data"
        if not data.exists():
            return False
        self.stop()
        self.start()
        return True

    def stop(self) -> None:
        if self.process:
            processes.stop(self.process.pid, timeout=30)
            self.process = None
        remove()


def remove() -> list[str]:
    """Stop a registry an earlier run left, delete its folder; say what there was."""
    found = []
    pid = processes.ours(PIDFILE, str(CONFIG))
    if pid:
        processes.stop(pid, timeout=10)
        found.append(f"registry (PID {pid})")
    shutil.rmtree(FOLDER, ignore_errors=True)
    return found


def _answers() -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(ADDRESS) == 0
