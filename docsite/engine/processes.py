"""The lab's processes: pidfiles that are trusted only after checking /proc.

A pidfile outlives its process (a killed run), and the kernel reuses PIDs, so
a PID read from one is acted on only when that process's command line still
names the file the lab started it with.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from pathlib import Path


def command_line(pid: int) -> str:
    try:
        return (
            Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        )
    except OSError:
        return ""


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def ours(pidfile: Path, marker: str) -> int | None:
    """The PID in pidfile, if that process is running and its command line has marker."""
    try:
        pid = int(pidfile.read_text().strip())
    except (OSError, ValueError):
        return None
    return pid if marker in command_line(pid) else None


def mentioning(marker: str) -> list[int]:
    """Every process whose command line has marker (a shim naming our containerd's socket)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            if marker in command_line(int(entry.name)):
                found.append(int(entry.name))
    return found


def stop(pid: int, timeout: float = 30) -> None:
    """SIGTERM, then SIGKILL if it is still there after timeout seconds."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while alive(pid) and time.monotonic() < deadline:
        _reap(pid)
        time.sleep(0.1)
    if alive(pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        while alive(pid):
            _reap(pid)
            time.sleep(0.05)


def _reap(pid: int) -> None:
    """Collect a child of ours that has exited, so it does not linger as a zombie."""
    with contextlib.suppress(ChildProcessError, OSError):
        os.waitpid(pid, os.WNOHANG)


def ancestors() -> list[int]:
    """This process's parent, its parent, and so on up to PID 1."""
    chain, pid = [], os.getppid()
    while pid > 1:
        chain.append(pid)
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            break
        pid = int(stat.rsplit(")", 1)[1].split()[1])
    return chain
