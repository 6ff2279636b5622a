"""docs/lifecycle.md: every example, CLI and Python, run against a real engine."""

import pytest


@pytest.mark.docker
def test_lifecycle_cli(docker_example):
    docker_example.console("lifecycle/lifecycle.console")


@pytest.mark.docker
def test_lifecycle_python(docker_example, eval_example):
    docker_example.python("lifecycle/lifecycle.py", eval_example)


@pytest.mark.docker
def test_volume_cli(docker_example):
    docker_example.console("lifecycle/volume.console")


@pytest.mark.docker
def test_volume_python(docker_example, eval_example):
    docker_example.python("lifecycle/volume.py", eval_example)


@pytest.mark.docker
def test_image_in_use_cli(docker_example):
    docker_example.console("lifecycle/image-in-use.console")


@pytest.mark.docker
def test_image_in_use_python(docker_example, eval_example):
    docker_example.python("lifecycle/image-in-use.py", eval_example)
