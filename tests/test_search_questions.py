"""Search answers the questions a beginner types: each
question finds the section that answers it among the first three results, and
one-letter and stop words ("what is a ...") never decide the ranking.

The questions are written the way a reader asks them, not in the site's words.
Each names the sections that answer it ("page/#anchor", or "page/" for a whole
page); any one of them in the first three results counts. Material groups
results by page, best first, and shows each page's best-matching sections
under it, the rest folded under "more on this page": the first three results
are the first three pages with the sections shown (not folded) under them.
"""

from __future__ import annotations

import pytest
from support.browser import Watch, open_page, search

from docsite.browser.search import hit, targets, top_links

pytestmark = pytest.mark.browser


def _missing(section: str) -> pytest.MarkDecorator:
    """A question whose answer is a section not written yet. strict: once the
    section exists the test passes, which fails the run until this mark goes."""
    return pytest.mark.xfail(strict=True, reason=f"section {section} does not exist yet")


QUESTIONS = [
    ("what is a layer", ["glossary/#layer", "images/#layers"]),
    ("delete a container", ["lifecycle/#rm"]),
    ("cannot remove image", ["faq/#cannot-delete-image", "operate/#image-in-use"]),
    ("publish a port", ["publish-a-port/#publish-a-port", "publish-a-port/"]),
    ("save an image to a file", ["images-in-depth/#save-an-image-to-a-file"]),
    ("what does docker run do", ["lifecycle/#run", "faq/#run-vs-start"]),
    ("what is an image", ["/#the-answer", "images/", "glossary/#image"]),
    ("what is a container", ["containers/", "glossary/#container"]),
    ("difference between an image and a container", ["/#the-answer", "/#side-by-side", "why-both/#two-jobs"]),  # noqa: E501
    ("why is my image so big", ["faq/#deleted-file-image-still-big"]),
    ("where did my changes go", ["faq/#my-changes-are-gone"]),
    ("how do I keep data when I remove a container", ["lifecycle/#keeping-data", "lifecycle/#what-survives"]),  # noqa: E501
    ("what is copy on write", ["containers/#copy-on-write", "glossary/#copy-on-write"]),
    ("how do I stop a running container", ["lifecycle/#stop"]),
    ("what is a dangling image", ["glossary/#dangling-image", "faq/#none-none-images"]),
    ("is a container a virtual machine", ["containers/#not-a-vm", "faq/#containers-are-not-vms"]),
    ("how does the build cache work", ["why-both/#build-cache", "glossary/#build-cache"]),
    ("how to keep secrets out of an image", ["build-secrets/#secrets", "build-secrets/", "faq/#secrets-in-env"]),  # noqa: E501
    ("does latest mean the newest image", ["faq/#latest-is-not-newest"]),
    ("how do I build an image from a Dockerfile", ["worked-example/#build", "worked-example/#dockerfile"]),  # noqa: E501
    ("why does my container exit immediately", ["faq/#container-exits-immediately"]),
    ("list all containers", ["lifecycle/#ps", "cheat-sheet/#containers"]),
    ("how are the examples on this site tested", ["about-examples/"]),
    ("what is a multi stage build", ["why-both/#multi-stage", "glossary/#multi-stage-build"]),
    ("what is a whiteout", ["glossary/#whiteout", "images/#whiteouts", "containers/#whiteouts"]),
    ("image id vs digest", ["faq/#image-id-vs-digest", "glossary/#image-id"]),
    ("docker commands cheat sheet", ["cheat-sheet/"]),
    ("why do images and containers both exist", ["why-both/"]),
    # Typed in a hurry, the way a developer types into a search box mid-task.
    ("see what container changed", ["faq/#see-what-changed", "containers/#writable-layer"]),
    ("docker diff", ["faq/#see-what-changed", "containers/#writable-layer"]),
    ("copy file out of container", ["faq/#copy-a-file-out", "containers/#copy-files"]),
    ("docker build slow", ["faq/#slow-build", "why-both/#build-cache"]),
    ("speed up build", ["faq/#slow-build", "why-both/#build-cache"]),
    ("files gone after stop", ["faq/#files-after-stop", "lifecycle/#what-survives", "faq/#my-changes-are-gone"]),  # noqa: E501
    ("pin image version", ["faq/#pin-an-image", "images-in-depth/#tags-and-digests"]),
    ("free up disk space", ["operate/#clean-up-disk-space", "faq/#free-disk-space", "cheat-sheet/#cleanup"]),  # noqa: E501
    ("pruning images", ["operate/#clean-up-disk-space", "faq/#free-disk-space", "faq/#none-none-images", "cheat-sheet/#cleanup"]),  # noqa: E501
    ("update container to new image", ["operate/#upgrade"]),
    ("password in dockerfile", ["faq/#secrets-in-env", "build-secrets/#secrets"]),
    ("permission denied docker.sock", ["start/#troubleshooting"]),
    ("cannot connect to docker daemon", ["start/#troubleshooting"]),
    ("stop vs kill", ["lifecycle/#stop"]),
]  # fmt: skip


@pytest.fixture(scope="module")
def searching(browser, site_url):
    """One page with search open, shared by every question (search loads once)."""
    context = Watch(browser, site_url)
    page = context.page()
    open_page(page, site_url)
    yield context, page
    context.close()


@pytest.mark.parametrize(("question", "answers"), QUESTIONS)
def test_a_question_finds_its_answer_in_the_first_three_results(
    searching, site_url, question, answers
):
    context, page = searching
    summary = search(page, question)
    found = targets(site_url, top_links(page, 3))
    assert any(hit(a, found) for a in answers), (
        f"{question!r}: none of {answers} in the first three results ({summary}): {found}"
    )
    assert not context.errors, context.errors


# A question and the same question without its one-letter and stop words: the
# words that carry no meaning must not change what comes first.
STOP_WORDS = [
    ("what is a layer", "layer"),
    ("how do I delete a container", "delete container"),
    ("what is an image", "image"),
    ("is a container a virtual machine", "container virtual machine"),
]


@pytest.mark.parametrize(("question", "words"), STOP_WORDS)
def test_stop_words_do_not_change_the_ranking(searching, site_url, question, words):
    _, page = searching
    search(page, question)
    with_stop_words = targets(site_url, top_links(page, 3))
    search(page, words)
    without = targets(site_url, top_links(page, 3))
    assert with_stop_words == without, (question, with_stop_words, words, without)
