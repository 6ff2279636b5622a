"""The machine's one lock on the lab: its run and data folders are fixed paths.

Every user of the lab (tests, scripts, benchmarks) takes it. It sits beside
those folders, not in the cache that XDG_CACHE_HOME moves, and holds the PID of
its holder, so that a second run says whom it waits for instead of hanging in
silence. A process started by the holder (the isolation test's child) is
covered by its ancestor's lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import os

from docsite.engine import processes
from docsite.engine.report import say
from docsite.paths import RUN_DIR

LOCK_FILE = RUN_DIR.parent / "docs-examples.lock"


@contextlib.contextmanager
def run_lock():
    LOCK_FILE.parent.mkdir(parents=True, exist_ok=True)
    with open(LOCK_FILE, "a+") as lock:
        lock.seek(0)
        holder = lock.read().strip()
        if holder.isdigit() and int(holder) in processes.ancestors():
            yield  # our parent holds it for us
            return
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            say(f"waiting for the examples' engine lock, held by PID {holder or 'unknown'}")
            fcntl.flock(lock, fcntl.LOCK_EX)
        lock.seek(0)
        lock.truncate()
        lock.write(f"{os.getpid()}\n")
        lock.flush()
        try:
            yield
        finally:
            lock.seek(0)
            lock.truncate()
