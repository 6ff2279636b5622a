"""Serve anywhere: the site builds where the preview-image tools are
missing, and says so in one line; `make serve` takes PORT, answers a port in
use with one line, and reloads the page when a snippet changes."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from support.site import ROOT, build, mkdocs_env, scratch_copy

SKIPPED = re.compile(r"^INFO\s+-\s+Preview images skipped: .+", re.M)
CARDS = Path("assets/images/social")


def _cairo_hidden(folder: Path) -> dict[str, str]:
    """An environment where cairocffi fails to load libcairo2, as it does on a
    machine without the library (the same OSError, raised at import)."""
    fake = folder / "cairocffi"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(
        "raise OSError('no library called \"cairo-2\" was found (hidden by the test)')\n"
    )
    return {"PYTHONPATH": str(folder)}


def _fonts_hidden(folder: Path) -> dict[str, str]:
    """An environment where no font folder holds DejaVu Sans: Pillow looks in
    the XDG data folders (and the user's), here empty ones."""
    empty = folder / "share"
    empty.mkdir(parents=True)
    return {"XDG_DATA_DIRS": str(empty), "XDG_DATA_HOME": str(empty)}


def _build(tmp_path: Path) -> tuple[subprocess.CompletedProcess, Path]:
    # A scratch copy has no .cache/, so no font copied there by an earlier build.
    project = scratch_copy(tmp_path / "project")
    site = tmp_path / "site"
    return build(site, project, chinese=False), site


@pytest.mark.parametrize("missing", ["cairo", "font"])
def test_without_the_preview_tools_the_site_builds_and_says_so_once(tmp_path, monkeypatch, missing):
    hide = _cairo_hidden if missing == "cairo" else _fonts_hidden
    for name, value in hide(tmp_path / "hidden").items():
        monkeypatch.setenv(name, value)  # build() passes os.environ on
    result, site = _build(tmp_path)
    log = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)
    assert result.returncode == 0, log
    assert not re.findall(r"^(?:WARNING|ERROR)\b.*", log, re.M), log
    skipped = SKIPPED.findall(log)
    assert len(skipped) == 1, log
    assert ("libcairo2" if missing == "cairo" else "DejaVu Sans") in skipped[0]
    # A good site: every page, no cards, no link to a card.
    pages = sorted(p.relative_to(site) for p in site.rglob("index.html"))
    assert len(pages) >= 10 and Path("index.html") in pages, pages
    assert not (site / CARDS).exists()
    assert "og:image" not in (site / "index.html").read_text(encoding="utf-8")


def test_with_the_preview_tools_the_cards_are_made_and_nothing_is_skipped(built_site):
    # The control for the test above, on the session's build.
    log = (built_site.parent / "build.log").read_text()
    assert not SKIPPED.search(log), log
    assert list((built_site / CARDS).rglob("*.png"))


# ------------------------------------------------------------------ make serve
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(port: int, *extra: str) -> subprocess.Popen:
    """scripts/serve.py (what `make serve` runs) in its own process group."""
    return subprocess.Popen(
        [sys.executable, "scripts/serve.py", "--port", str(port), *extra],
        cwd=ROOT,
        env={**mkdocs_env(), "SOCIAL_CARDS": "false"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def _stop(server: subprocess.Popen) -> str:
    os.killpg(server.pid, signal.SIGTERM)
    try:
        out, _ = server.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        out, _ = server.communicate()
    return out


def _get(url: str, until: float) -> str | None:
    while time.monotonic() < until:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read().decode()
        except OSError:
            time.sleep(0.2)
    return None


def test_a_port_in_use_gets_one_clear_line():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = _serve(port)
        out, _ = server.communicate(timeout=60)
    assert server.returncode == 1
    lines = out.strip().splitlines()
    assert lines == [
        f"Port {port} is in use (another `make serve`?): "
        f"pick another one with PORT={port + 1} make serve"
    ], out


def test_editing_a_snippet_reloads_the_page(tmp_path):
    project = scratch_copy(tmp_path / "project")
    snippet = project / "snippets" / "about-examples" / "hello.console"
    assert snippet.is_file(), "pick another snippet that a page pulls in"
    port = _free_port()
    server = _serve(port, "-f", str(project / "mkdocs.yml"))
    try:
        url = f"http://127.0.0.1:{port}/about-examples/"
        page = _get(url, time.monotonic() + 120)
        assert page is not None, "the server never answered"
        marker = "edited-while-serving-4242"
        snippet.write_text(snippet.read_text() + f"# {marker}\n")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and marker not in (_get(url, deadline) or ""):
            time.sleep(0.5)
        assert marker in (_get(url, deadline) or ""), "the page did not follow the snippet"
        # One recording serves both editions: the Chinese page follows it too.
        zh = f"http://127.0.0.1:{port}/zh/about-examples/"
        assert marker in (_get(zh, deadline) or ""), "the Chinese page did not follow"
    finally:
        log = _stop(server)
    assert "Traceback" not in log, log
