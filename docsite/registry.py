"""A local registry for the examples that push and pull: Debian's docker-registry
(distribution 2.8.3, pinned in engine/packages.lock) on 127.0.0.1:5000.

Engines treat registries on 127.0.0.0/8 as insecure-allowed, so `localhost:5000`
works with no daemon setting, as in Docker's own registry guide. Its storage is
a temporary folder, wiped between examples.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from docsite.engine import EngineUnavailable, unpacked

ADDRESS = ("127.0.0.1", 5000)


class Registry:
    def __init__(self) -> None:
        self.storage = Path(tempfile.mkdtemp(prefix="docs-registry-"))
        self.process: subprocess.Popen | None = None

    def start(self) -> Registry:
        if _answers():
            raise EngineUnavailable(
                f"port {ADDRESS[1]} on 127.0.0.1 is taken; the examples' registry needs it"
            )
        config = self.storage / "config.yml"
        config.write_text(
            "version: 0.1\n"
            "log: {level: error, accesslog: {disabled: true}}\n"
            f"storage: {{filesystem: {{rootdirectory: {self.storage / 'data'}}}}}\n"
            f"http: {{addr: {ADDRESS[0]}:{ADDRESS[1]}}}\n"
        )
        binary = unpacked() / "usr" / "bin" / "docker-registry"
        self.process = subprocess.Popen(
            [str(binary), "serve", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            if _answers():
                return self
            time.sleep(0.1)
        self.stop()
        raise EngineUnavailable("the local registry did not start on 127.0.0.1:5000")

    def wipe(self) -> bool:
        """Delete everything pushed (restarting the registry); True if there was anything."""
        data = self.storage / "data"
        if not data.exists():
            return False
        self.stop(keep_storage=True)
        shutil.rmtree(data)
        self.start()
        return True

    def stop(self, keep_storage: bool = False) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=30)
            self.process = None
        if not keep_storage:
            shutil.rmtree(self.storage, ignore_errors=True)


def _answers() -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(ADDRESS) == 0
