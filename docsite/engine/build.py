"""`docker build` on the lab's engine, as a reader types it (BuildKit through buildx)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def docker_build(
    env: dict[str, str], context: Path | str, *args: str, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """`docker build [args] context` with the lab's CLI; raises with its output if it fails."""
    result = subprocess.run(
        ["docker", "build", *args, str(context)],
        env={**os.environ, **env, **(extra_env or {})},
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise subprocess.CalledProcessError(
            result.returncode, result.args, result.stdout, result.stderr
        )
    return result
