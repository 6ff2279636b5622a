"""Every example the pages show, run against the private engine, found by discovery.

docsite/examples/harness.py reads the pages for `--8<--` includes: each `.console`
transcript and `.py` script a page shows is one test here, named after its file.
Nobody keeps a list, so a new example on a page cannot go unrun.
"""

import re

import pytest

from docsite.examples import harness as examples
from docsite.examples import transcript

EXAMPLES = examples.discover()


@pytest.mark.docker
@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_example(example, run_example, eval_example):
    run_example(example, eval_example)


def test_every_example_file_is_on_a_page():
    assert examples.unshown() == [], "example files that no page includes (show or delete them)"


# Flags that exist only so that a test can run (labels, host network, a package
# mirror, quiet builds); a reader copies the commands, so none may appear on a page.
TEST_ONLY = re.compile(
    r"--label docs-example|--network[ =]host|PIP_INDEX_URL|DOCKER_BUILDKIT"
    r"|\bdocker (?:buildx )?build\b.*(?:\s-q\b|--quiet|--progress[ =]quiet)"
)


def test_commands_on_the_pages_carry_no_test_only_flags():
    found = [
        f"{example}: {step.command.splitlines()[0]}"
        for example in EXAMPLES
        if example.kind == "console"
        for step in transcript.parse(example.path.read_text())
        if TEST_ONLY.search(step.command)
    ]
    assert not found, "\n".join(found)


def test_the_test_only_flag_check_catches_each_flag():
    for command in (
        "docker run --label docs-example x",
        "docker build --network host .",
        "docker build --build-arg PIP_INDEX_URL .",
        "docker build -q -t x .",
        "docker buildx build --push --progress=quiet .",
    ):
        assert TEST_ONLY.search(command), command
    assert not TEST_ONLY.search("docker ps -q")
