"""What the workflow's caches save: each cached step run here with its cache
empty (a cold CI run) and then filled (a warm one).

    .venv/bin/python benchmarks/ci_caches.py [--runs 2] [--skip-base-image]

Writes benchmarks/results/ci_caches.md (docsite/results.py: figures, date,
machine, command); `make readme-results` copies it into the README. These are
local measurements of the cached steps on this machine, not GitHub runner
timings: GitHub is not reachable from here, and on a runner a warm step also
pays for restoring the cache from GitHub's cache service (roughly the entry's
size over the runner's network).

The steps, as .ci/run and the harness run them:
- pip: `pip install --require-hashes -r requirements.txt` into a fresh venv,
  from PyPI (cold), then from the same files on local disk (warm; see
  pip_install for why not pip's own cache).
- engine .deb files: docsite.engine.packages.download() for every row of
  engine/packages.lock, with $XDG_CACHE_HOME/docker-images-explained/engine-debs
  empty, then filled (a warm run only re-checks each file's sha256).
- base image tar: docsite.engine.baseimage.rootfs() (mmdebstrap, as root), with no
  tar, then with the tar there. Once each: it takes minutes.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from docsite import results
from docsite.paths import ROOT

NAME = "ci_caches"

# Run in a child process so each sees its own XDG_CACHE_HOME: both modules read
# it when they are imported.
DEBS = "from docsite.engine import packages\nfor p in packages.packages(): packages.download(p)\n"
# Not checked against engine/base-image.lock: this times the making, and Debian
# may have moved since the lock was recorded.
BASE_IMAGE = "from docsite.engine import baseimage\nbaseimage.rootfs(checked=False)\n"


def timed(command: list[str], env: dict[str, str], cwd: Path = ROOT) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"failed: {command}\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    seconds = time.perf_counter() - start
    print(f"  {seconds:6.1f} s  {' '.join(command)[-90:]}", file=sys.stderr)
    return seconds


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def pip_install(runs: int, tmp: Path) -> dict:
    # PyPI only, as on a runner: no pip.conf, no local wheel folders.
    env = {k: v for k, v in os.environ.items() if k not in ("PIP_FIND_LINKS", "PIP_INDEX_URL")}
    env |= {"PIP_CONFIG_FILE": os.devnull, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    lock = ["--require-hashes", "-r", str(ROOT / "requirements.txt")]
    wheels = tmp / "wheels"

    def once(*source: str) -> float:
        venv = tmp / "venv"
        subprocess.run(["rm", "-rf", str(venv)], check=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        return timed([str(venv / "bin" / "pip"), "install", "--quiet", *source, *lock], env)

    cold = [once("--no-cache-dir") for _ in range(runs)]
    # Warm: the same files from local disk. The PyPI proxy this machine goes
    # through sends no Cache-Control header, so pip's own cache stays empty
    # here; on a runner PyPI's files are cacheable and PIP_CACHE_DIR fills.
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-cache-dir", "-d", str(wheels)]
        + lock,
        env=env,
        check=True,
    )
    warm = [once("--no-index", "--find-links", str(wheels)) for _ in range(runs)]
    return {"cold": cold, "warm": warm, "size": du(wheels)}


def engine_debs(runs: int, tmp: Path) -> dict:
    xdg = tmp / "xdg-debs"
    env = {**os.environ, "XDG_CACHE_HOME": str(xdg)}
    command = [sys.executable, "-c", DEBS]
    cold = []
    for _ in range(runs):
        subprocess.run(["rm", "-rf", str(xdg)], check=True)
        cold.append(timed(command, env))
    warm = [timed(command, env) for _ in range(runs)]
    return {"cold": cold, "warm": warm, "size": du(xdg / "docker-images-explained" / "engine-debs")}


def base_image(tmp: Path) -> dict:
    xdg = tmp / "xdg-base"
    env = {**os.environ, "XDG_CACHE_HOME": str(xdg)}
    command = [sys.executable, "-c", BASE_IMAGE]
    cold = timed(command, env)
    warm = timed(command, env)
    return {"cold": [cold], "warm": [warm], "size": du(xdg)}


def row(step: str, figures: dict) -> str:
    def show(times: list[float]) -> str:
        each = ", ".join(f"{t:.1f}" for t in times)
        return f"{statistics.median(times):.1f} s" + (f" ({each})" if len(times) > 1 else "")

    cold, warm = statistics.median(figures["cold"]), statistics.median(figures["warm"])
    return (
        f"| {step} | {show(figures['cold'])} | {show(figures['warm'])} "
        f"| {cold - warm:.1f} s | {figures['size'] / 1e6:.0f} MB |"
    )


def cpu() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown CPU"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=2, help="cold and warm runs of each quick step")
    parser.add_argument("--skip-base-image", action="store_true", help="mmdebstrap takes minutes")
    args = parser.parse_args()

    rows = []
    with tempfile.TemporaryDirectory(prefix="ci-caches-") as name:
        tmp = Path(name)
        rows.append(row("pip install (requirements.txt)", pip_install(args.runs, tmp)))
        rows.append(row("engine .deb files (engine/packages.lock)", engine_debs(args.runs, tmp)))
        if not args.skip_base_image:
            rows.append(row("base image tar (mmdebstrap)", base_image(tmp)))

    command = ".venv/bin/python benchmarks/ci_caches.py"
    command += f" --runs {args.runs}" if args.runs != 2 else ""
    command += " --skip-base-image" if args.skip_base_image else ""
    figures = "\n".join(
        [
            "The workflow's cached steps run on this machine with the cache empty (cold)",
            "and filled (warm): median, single runs in brackets. Local figures, not GitHub",
            "runner timings: this machine reaches PyPI and Debian through a nearby proxy,",
            "so its cold downloads are fast, and on a runner a warm step also restores its",
            "cache entry (last column) from GitHub's cache service.",
            "",
            "| step | cold | warm | saved | cache entry |",
            "| --- | --- | --- | --- | --- |",
            *rows,
        ]
    )
    path = results.write(NAME, figures, command, extra_machine=cpu())
    print(path.read_text())


if __name__ == "__main__":
    main()
