"""How long the first `make serve` takes on a fresh clone: from the command to
the first page served, with the venv made and the site's packages installed
from requirements-site.txt (no test tools). A second serve in the same clone is
timed too.

    .venv/bin/python benchmarks/first_serve.py

Clones this repository's HEAD into a temporary folder, runs `make serve` there
on a free port, stops it once the home page answers, and writes
benchmarks/results/first_serve.md (docsite/results.py has the convention);
then `make readme-results`. Needs the network (or a package mirror) for pip.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from docsite import results
from docsite.paths import ROOT

COMMAND = ".venv/bin/python benchmarks/first_serve.py"
TIMEOUT = 600  # seconds for one serve to answer


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed_serve(clone: Path) -> float:
    """Seconds from `make serve` to the home page's 200, then stop the server."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "MAKE"))}
    started = time.perf_counter()
    server = subprocess.Popen(
        ["make", "serve", f"PORT={port}"],
        cwd=clone,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # one process group: make, pip, mkdocs
    )
    try:
        while time.perf_counter() - started < TIMEOUT:
            if server.poll() is not None:
                sys.exit(f"make serve exited {server.returncode}:\n{server.stdout.read()}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as r:
                    if r.status == 200:
                        return time.perf_counter() - started
            except OSError:
                time.sleep(0.1)
        sys.exit(f"no answer within {TIMEOUT} s")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.communicate(timeout=30)


def venv_megabytes(clone: Path) -> float:
    size = sum(p.stat().st_size for p in (clone / ".venv").rglob("*") if p.is_file())
    return size / 1e6


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        clone = Path(tmp) / "clone"
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
        first = timed_serve(clone)
        installed = venv_megabytes(clone)
        second = timed_serve(clone)
    figures = (
        f"The first `make serve` on a fresh clone answers in {first:.1f} s (a venv made and "
        f"the site's packages installed from `requirements-site.txt`: {installed:.0f} MB, "
        f"no test tools), a second one in {second:.1f} s."
    )
    print(figures)
    path = results.write("first_serve", figures, COMMAND)
    print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
