"""Every example the pages show, run against the private engine, found by discovery.

docsite/examples.py reads the pages for `--8<--` includes: each `.console`
transcript and `.py` script a page shows is one test here, named after its file.
Nobody keeps a list, so a new example on a page cannot go unrun.
"""

import pytest

from docsite import examples

EXAMPLES = examples.discover()


@pytest.mark.docker
@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_example(example, run_example, eval_example):
    run_example(example, eval_example)


def test_every_example_file_is_on_a_page():
    assert examples.unshown() == [], "example files that no page includes (show or delete them)"


def test_discovery_finds_both_kinds_on_every_page_with_examples():
    pages = {page for shown in examples.included().values() for page in shown}
    assert {"images.md", "containers.md", "lifecycle.md", "why-both.md"} <= pages
    kinds = {example.kind for example in EXAMPLES}
    assert kinds == {"console", "python"}
