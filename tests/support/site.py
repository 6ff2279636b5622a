"""Session fixtures for the site-level tests: the built site, a server, a browser.

tests/conftest.py imports them all with `from support.site import *`.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from docsite.browser.chromium import CHROMIUM_ARGS, chromium_path
from docsite.browser.mkdocs_env import mkdocs_env
from docsite.browser.server import serve
from docsite.paths import ROOT

__all__ = ["built_site", "site_url", "browser"]  # the fixtures conftest imports


def build(
    dest: Path, project: Path = ROOT, *, strict: bool = True, chinese: bool = True
) -> subprocess.CompletedProcess:
    """Run `mkdocs build` of project (the repository or a scratch copy) into dest;
    stdout and stderr together. The one way the tests build a site. chinese=False
    leaves the Chinese edition out (ENGLISH_ONLY=1), for a test about the English
    build alone.

    It always runs from the repository root, also for a scratch copy: the copy's
    build must read only the copy's files (mkdocs.yml resolves every path from
    its own directory), and a test that deletes a file in the copy proves it."""
    mode = "--strict" if strict else "--no-strict"
    config = project / "mkdocs.yml"
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", mode, "-f", str(config), "-d", str(dest)],
        cwd=ROOT,
        env={**mkdocs_env(), **({} if chinese else {"ENGLISH_ONLY": "1"})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def scratch_copy(dest: Path) -> Path:
    """A copy of the project to break on purpose (the build reads only these files)."""
    skip = shutil.ignore_patterns(
        ".git", ".venv", "site", ".cache", "node_modules", "test-artifacts", "__pycache__"
    )
    shutil.copytree(ROOT, dest, ignore=skip)
    return dest


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site, built once per session with --strict; fails on any warning.
    Under pytest-xdist (make check) the workers share one build: the first to
    take the lock builds, the others wait and read its result."""
    folder = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        folder = folder.parent  # the run's folder, above each worker's own
    dest, log, code = folder / "built-site", folder / "build.log", folder / "build.exit"
    with open(folder / "built-site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not code.is_file():
            result = build(dest)
            log.write_text(result.stdout)
            code.write_text(str(result.returncode))
    stdout, returncode = log.read_text(), int(code.read_text())
    plain = re.sub(r"\x1b\[[0-9;]*m", "", stdout)  # in case of colours
    warnings = re.findall(r"^(?:WARNING|ERROR)\b.*", plain, re.MULTILINE)
    if returncode != 0 or warnings:
        pytest.fail(
            f"mkdocs build --strict exited {returncode} with {len(warnings)} warning(s):\n{stdout}",
            pytrace=False,
        )
    return dest


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """The built site at http://127.0.0.1:PORT/; unknown paths get 404.html."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium, driven by Playwright (which cannot fetch its own)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright is missing: run `make test` (installs requirements.txt)")
    executable = chromium_path()
    if executable is None:
        pytest.skip("Chromium is missing: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
