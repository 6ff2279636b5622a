"""What the lab leaves on a machine, found and removed: after every run, and after a killed one.

A run that was killed (SIGKILL, a CI time-out, the OOM killer) cannot clean
up, so everything the lab makes has a fixed place (docsite/paths.py) or names
one on its command line, and the next run looks there first. Processes are
stopped only when /proc shows they are the lab's own.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from pathlib import Path

from docsite.engine import processes
from docsite.engine.preflight import host_path
from docsite.paths import DATA_DIR, RUN_DIR

# Machine-wide folders the daemons create where they are missing: shim
# sockets (containerd always puts them in /run/containerd/s, named by a hash
# of the lab's socket path) and dockerd's plugin folder. The lab notes which
# were missing before it started and removes those, if empty, at the end.
MACHINE_FOLDERS = [
    Path("/run/containerd/s"),
    Path("/run/containerd"),
    Path("/run/docker/plugins"),
    Path("/run/docker"),
]
MADE_LIST = RUN_DIR / "machine-folders-made"


def note_machine_folders() -> None:
    RUN_DIR.mkdir(parents=True, exist_ok=True)
    missing = [str(path) for path in MACHINE_FOLDERS if not path.exists()]
    MADE_LIST.write_text("".join(f"{path}\n" for path in missing))


def remove_store(store) -> list[str]:
    """Stop and delete what one store's engine left; say what there was."""
    found = []
    config = store.run_dir / "daemon.json"
    dockerd = processes.ours(store.run_dir / "dockerd.pid", str(config))
    if dockerd:
        processes.stop(dockerd, timeout=30)
        found.append(f"dockerd (PID {dockerd})")
    containerd_dir = store.run_dir / "containerd"
    containerd = processes.ours(
        containerd_dir / "containerd.pid", str(containerd_dir / "config.toml")
    )
    if containerd:
        processes.stop(containerd, timeout=20)
        found.append(f"containerd (PID {containerd})")
    found += _containers(store.run_dir / "exec")
    shims = processes.mentioning(str(containerd_dir / "containerd.sock"))
    for pid in shims:
        processes.stop(pid, timeout=5)
    if shims:
        found.append(f"{len(shims)} containerd shim(s)")
    for base in (store.run_dir, store.data_root):
        mounts = _unmount_below(base)
        if mounts:
            found.append(f"{mounts} mount(s) under {base}")
        if base.exists():
            shutil.rmtree(base, ignore_errors=True)
    if _delete_link(store.bridge):
        found.append(f"bridge {store.bridge}")
    return found


def remove_machine_folders() -> None:
    """The machine-wide folders the lab made (deepest first), if nothing else uses them."""
    if not MADE_LIST.exists():
        return
    for line in MADE_LIST.read_text().splitlines():
        with contextlib.suppress(OSError):
            Path(line).rmdir()
    MADE_LIST.unlink()


def remove_top_folders() -> None:
    for folder in (RUN_DIR, DATA_DIR):
        with contextlib.suppress(OSError):
            folder.rmdir()


def _containers(exec_root: Path) -> list[str]:
    """Containers whose shim was killed keep running: delete them through runc."""
    deleted = 0
    for root in exec_root.glob("runtime-*/*"):
        for state in root.iterdir():
            result = subprocess.run(
                ["runc", "--root", str(root), "delete", "--force", state.name],
                capture_output=True,
                env={**os.environ, "PATH": host_path()},
            )
            deleted += result.returncode == 0
    return [f"{deleted} container(s)"] if deleted else []


def _unmount_below(base: Path) -> int:
    """Unmount anything still mounted at or under base (deepest first); how many there
    were. dockerd bind-mounts its data root onto itself, so base can be one."""
    try:
        mounts = Path("/proc/self/mounts").read_text().splitlines()
    except OSError:
        return 0
    points = [line.split()[1] for line in mounts]
    below = sorted((p for p in points if p == str(base) or p.startswith(f"{base}/")), reverse=True)
    for point in below:
        subprocess.run(["umount", "-l", point], capture_output=True)
    return len(below)


def _delete_link(name: str) -> bool:
    env = {**os.environ, "PATH": host_path()}
    return (
        subprocess.run(["ip", "link", "delete", name], capture_output=True, env=env).returncode == 0
    )


def traces() -> list[str]:
    """Everything of the lab still on the machine: processes, mounts, bridges, folders."""
    from docsite.engine.dockerd import STORES

    found = [f"process {pid}: {processes.command_line(pid)[:80]}" for pid in _lab_processes()]
    mounts = Path("/proc/self/mounts").read_text().splitlines()
    found += [
        f"mount {line.split()[1]}"
        for line in mounts
        if line.split()[1].startswith((str(RUN_DIR), str(DATA_DIR)))
    ]
    env = {**os.environ, "PATH": host_path()}
    for store in STORES.values():
        shown = subprocess.run(["ip", "link", "show", store.bridge], capture_output=True, env=env)
        if shown.returncode == 0:
            found.append(f"bridge {store.bridge}")
    found += [f"folder {folder}" for folder in (RUN_DIR, DATA_DIR) if folder.exists()]
    return found


def _lab_processes() -> list[int]:
    """The lab's daemons, shims and registry: each names a file under RUN_DIR."""
    return [pid for pid in processes.mentioning(str(RUN_DIR) + "/") if pid != os.getppid()]
