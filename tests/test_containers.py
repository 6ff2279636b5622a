"""docs/containers.md: every example, CLI and Python, run against a real engine."""

import pytest


@pytest.mark.docker
def test_kernel_cli(docker_example):
    docker_example.console("containers/kernel.console")


@pytest.mark.docker
def test_kernel_python(docker_example, eval_example):
    docker_example.python("containers/kernel.py", eval_example)


@pytest.mark.docker
def test_writable_layer_cli(docker_example):
    docker_example.console("containers/writable-layer.console")


@pytest.mark.docker
def test_writable_layer_python(docker_example, eval_example):
    docker_example.python("containers/writable-layer.py", eval_example)


@pytest.mark.docker
def test_overlay_cli(docker_example):
    docker_example.console("containers/overlay.console")


@pytest.mark.docker
def test_overlay_python(docker_example, eval_example):
    docker_example.python("containers/overlay.py", eval_example)


@pytest.mark.docker
def test_shared_image_cli(docker_example):
    docker_example.console("containers/shared-image.console")


@pytest.mark.docker
def test_shared_image_python(docker_example, eval_example):
    docker_example.python("containers/shared-image.py", eval_example)
