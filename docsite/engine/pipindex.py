"""A PEP 503 package index of the worked example's wheels, for builds on the private engine.

Containers here cannot reach PyPI, so the tests download the wheels on the host
and serve them on the private engine's bridge address; the stand-in base image's
/etc/pip.conf points pip there (docsite/engine/baseimage.py). Readers' builds use PyPI.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from docsite.engine import EngineUnavailable
from docsite.engine.baseimage import PIP_INDEX
from docsite.paths import CACHE, SNIPPETS

REQUIREMENTS = SNIPPETS / "worked-example" / "app" / "requirements.txt"


@contextlib.contextmanager
def serving():
    """Serve the index on the address the base image's pip.conf names, while the
    block runs (the engine's bridge must be up); yield its URL."""
    root = CACHE / "pip-index"
    wheels = root / "files"
    wheels.mkdir(parents=True, exist_ok=True)
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
    host, port = PIP_INDEX.split("//")[1].split("/")[0].split(":")
    handler = functools.partial(_QuietHandler, directory=str(root))
    try:
        server = http.server.ThreadingHTTPServer((host, int(port)), handler)
    except OSError as error:
        raise EngineUnavailable(
            f"cannot serve the package index on {host}:{port} ({error})"
        ) from error
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield PIP_INDEX
    finally:
        server.shutdown()
        server.server_close()


def write_simple_index(root: Path) -> None:
    """simple/<project>/index.html for every wheel in files/ (PEP 503)."""
    simple = root / "simple"
    shutil.rmtree(simple, ignore_errors=True)
    projects: dict[str, list[Path]] = {}
    for wheel in sorted((root / "files").glob("*.whl")):
        name = re.sub(r"[-_.]+", "-", wheel.name.split("-")[0]).lower()
        projects.setdefault(name, []).append(wheel)
    for name, files in projects.items():
        page = simple / name
        page.mkdir(parents=True)
        links = "".join(
            f'<a href="../../files/{w.name}#sha256={hashlib.sha256(w.read_bytes()).hexdigest()}">'
            f"{w.name}</a><br>\n"
            for w in files
        )
        (page / "index.html").write_text(f"<!DOCTYPE html><html><body>\n{links}</body></html>\n")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep the test output readable
        pass
