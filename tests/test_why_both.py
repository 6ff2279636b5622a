"""docs/why-both.md and docs/build-secrets.md: secrets in build arguments and
secret mounts, docker commit, a multi-stage build.

The secrets, secret-mount and commit examples run as the page shows them (CLI
and Python tabs, tests/test_examples.py). The multi-stage Dockerfile is shown
on the page and built here with BuildKit, as `docker build` builds it, with the
claims the page makes about it checked; so is what the page says about where a
build argument's value ends up and where a secret mount's does not.
"""

import gzip
import io
import tarfile

import pytest

from docsite.engine.build import docker_build
from docsite.paths import ROOT

WHY_BOTH = ROOT / "snippets" / "why-both"
SECRETS = ROOT / "snippets" / "build-secrets"
APP = ROOT / "snippets" / "worked-example" / "app"
MULTI_STAGE = WHY_BOTH / "multi-stage" / "Dockerfile"
SECRET_MOUNT = SECRETS / "secret-mount" / "Dockerfile"
TOKEN = "not-a-real-token-123"


def blobs(image) -> list[bytes]:
    """Every blob `docker save` writes (layers unpacked, config, manifests)."""
    with tarfile.open(fileobj=io.BytesIO(b"".join(image.save()))) as saved:
        found = [
            saved.extractfile(m).read() for m in saved if m.isfile() and m.name.startswith("blobs/")
        ]
    return [gzip.decompress(b) if b[:2] == b"\x1f\x8b" else b for b in found]


def test_secret_mount_dockerfile_uses_buildkit_secret_mount():
    text = SECRET_MOUNT.read_text()
    assert "RUN --mount=type=secret,id=api_token" in text
    assert "ARG" not in text and "ENV" not in text
    # No `# syntax=` line: it would pull a frontend image from Docker Hub; the
    # builder's built-in Dockerfile frontend understands secret mounts.
    assert "# syntax" not in text


@pytest.mark.docker
def test_a_build_argument_leaks_and_a_secret_mount_does_not(docker_client, engine):
    docker_build(
        engine.env(),
        SECRETS / "secret-arg",
        "--build-arg",
        f"API_TOKEN={TOKEN}",
        "-t",
        "leak:test",
    )
    leak = docker_client.images.get("leak:test")
    history = [entry["CreatedBy"] for entry in leak.history()]
    # BuildKit: in the ARG entry itself, and in the RUN after it.
    assert f"ARG API_TOKEN={TOKEN}" in history
    assert any(step.startswith(f"RUN |1 API_TOKEN={TOKEN} ") for step in history)
    assert any(TOKEN.encode() in blob for blob in blobs(leak))  # the control

    docker_build(
        engine.env(),
        SECRETS / "secret-mount",
        "--secret",
        "id=api_token,env=API_TOKEN",
        "-t",
        "mount:test",
        extra_env={"API_TOKEN": TOKEN},
    )
    mounted = docker_client.images.get("mount:test")
    assert not any(TOKEN in entry["CreatedBy"] for entry in mounted.history())
    assert not any(TOKEN.encode() in blob for blob in blobs(mounted))


@pytest.mark.docker
def test_multi_stage_build_ships_only_what_it_copies(docker_client, engine):
    before = {image.id for image in docker_client.images.list(all=True)}
    tag = "why-both-multistage:test"
    docker_build(engine.env(), APP, "-f", str(MULTI_STAGE), "-t", tag)
    image = docker_client.images.get(tag)
    history = [entry["CreatedBy"] for entry in image.history()]
    # The final image's history starts again at the base image: the build
    # stage's steps, pip install among them, are not in it.
    assert not any("pip install" in step for step in history)
    assert any(step.startswith("COPY /deps /deps") for step in history)
    # What it copied works, and pip's cache from the build stage stayed behind.
    check = "test ! -e /root/.cache/pip && python -c 'import flask; print(flask.__version__)'"
    output = docker_client.containers.run(image.id, ["sh", "-c", check], user="root", remove=True)
    pinned = (APP / "requirements.txt").read_text()
    assert f"flask=={output.decode().strip()}" in pinned.lower()
    # BuildKit keeps no images of the build stage's steps: one new image.
    after = {i.id for i in docker_client.images.list(all=True)}
    assert after - before == {image.id}
