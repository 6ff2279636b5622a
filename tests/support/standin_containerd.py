"""Run by tests/test_isolation.py inside `unshare -m`, with a tmpfs over /run/containerd.

Starts a stand-in for the machine's containerd on the default socket (the
system's own containerd binary, as on a docker-ce machine or a CI runner),
then the lab and one page example that builds, pushes, pulls and runs; prints
as JSON what the lab's engine used and what the stand-in holds afterwards.
With --revert, the lab's daemon.json names no containerd (the control).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from docsite.engine import dockerd, lab
from docsite.examples import harness as examples

EXAMPLE = examples.Example("registries/push-pull.console")
SOCKET = Path("/run/containerd/containerd.sock")


def standin(work: Path) -> subprocess.Popen:
    config = work / "standin.toml"
    config.write_text(
        "version = 2\n"
        f'root = "{work / "standin-root"}"\n'
        'state = "/run/containerd"\n'
        'disabled_plugins = ["io.containerd.grpc.v1.cri"]\n'
        f'[grpc]\n  address = "{SOCKET}"\n'
        f'[plugins."io.containerd.internal.v1.opt"]\n  path = "{work / "standin-opt"}"\n'
    )
    process = subprocess.Popen(
        [shutil.which("containerd"), "--config", str(config)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        if ctr("version").returncode == 0:
            return process
        time.sleep(0.2)
    raise SystemExit("the stand-in containerd did not start")


def ctr(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["ctr", "--address", str(SOCKET), *args], capture_output=True, text=True, timeout=30
    )


def revert_own_containerd() -> None:
    """The control: dockerd as it was before the lab named its containerd."""
    original = dockerd.Engine._daemon_json

    def without_containerd(self):
        config = original(self)
        del config["containerd"]
        return config

    dockerd.Engine._daemon_json = without_containerd
    dockerd.Engine._check_containerd = lambda self: None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("work", type=Path)
    parser.add_argument("--revert", action="store_true")
    args = parser.parse_args()
    if args.revert:
        revert_own_containerd()
    process = standin(args.work)
    report: dict = {"standin_version": ctr("version").stdout.split("Server:")[-1].split()[1]}
    try:
        with lab.session(), lab.started(registry=True) as running:
            report["engine_containerd"] = running.engine.version()["containerd"]
            if not args.revert:
                work = args.work / "snippets"
                shutil.copytree(examples.SNIPPETS, work)
                cwd = work / Path(EXAMPLE.name).parent
                examples.run_console(EXAMPLE, cwd=cwd, env=running.env(), update=False)
                report["example"] = "passed"
    except Exception as error:  # noqa: BLE001 - reported to the test, which judges it
        report["error"] = f"{type(error).__name__}: {error}"
    namespaces = ctr("namespaces", "ls", "-q").stdout.split()
    report["standin_namespaces"] = namespaces
    report["standin_images"] = {
        n: ctr("-n", n, "images", "ls", "-q").stdout.split() for n in namespaces
    }
    socket_dir = Path("/run/containerd/s")
    report["shim_sockets_left"] = sorted(p.name for p in socket_dir.glob("*"))
    process.terminate()
    process.wait(timeout=30)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
