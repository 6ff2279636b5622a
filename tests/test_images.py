"""docs/images.md: every example on the page, both tabs, against a real engine."""

import pytest


@pytest.mark.docker
def test_layers_cli(docker_example):
    docker_example.console("images/layers.console")


@pytest.mark.docker
def test_layers_python(docker_example, eval_example):
    docker_example.python("images/layers.py", eval_example)


@pytest.mark.docker
def test_immutable_cli(docker_example):
    docker_example.console("images/immutable.console")


@pytest.mark.docker
def test_immutable_python(docker_example, eval_example):
    docker_example.python("images/immutable.py", eval_example)


@pytest.mark.docker
def test_whiteout_cli(docker_example):
    docker_example.console("images/whiteout.console")


@pytest.mark.docker
def test_whiteout_python(docker_example, eval_example):
    docker_example.python("images/whiteout.py", eval_example)
