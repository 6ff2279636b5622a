"""One fact, one place: a fact that several pages need lives in snippets/facts/
and pages include it; none says it again in its own words (tests/support/restatements.py).
The controls prove the check can fail: each fact's own text, and a paraphrase a
reader once met on these pages, pasted into a page, are caught."""

import re

import pytest
from support import restatements

from docsite.paths import ROOT

PAGES = sorted((ROOT / "docs").glob("*.md"))
PATTERNS = restatements.load()
FACTS = sorted(path.stem for path in restatements.FACTS.glob("*.md"))
INCLUDE = re.compile(r'--8<-- "facts/([\w-]+)\.md(?::[\w-]+)?"')

# Paraphrases that once stood on the pages, each with the fact it restated.
PARAPHRASES = [
    (
        "docker-ps",
        "`docker ps -a` lists containers (plain `docker ps` shows only the ones still running).",
    ),
    (
        "rmi-in-use",
        "| Removed by | `docker rmi`, which without `-f` refuses while any container uses it |",
    ),
    ("image-stores", "the classic store (Docker Engine before version 29) keeps one copy"),
    (
        "images-cli29",
        "Since Docker CLI 29, `docker images` hides untagged images unless you add `-a`.",
    ),
    ("image-id", "Building the same Dockerfile twice: each build makes a new image with a new ID."),
    ("expose", "`EXPOSE 8000` only documents which port the app uses."),
    (
        "system-prune",
        "| `docker system df` / `prune` | Disk use / all but volumes, tagged images |",
    ),
    (
        "repo-digest",
        "| `docker image inspect -f '{{.RepoDigests}}' IMG` | Registry digest(s) of an image |",
    ),
]


@pytest.mark.parametrize("page", PAGES, ids=lambda path: path.name)
def test_no_page_restates_a_fact_outside_its_include(page):
    found = restatements.find(page.read_text(), PATTERNS)
    assert not found, "\n".join(
        f"{page.name} restates snippets/facts/{hit.fact}.md: {hit.text!r} "
        f"(pattern {hit.pattern!r}); include the fact instead"
        for hit in found
    )


@pytest.mark.parametrize("fact", FACTS)
def test_control_a_fact_pasted_into_a_page_is_caught(fact):
    page = "# A page\n\nSome prose first.\n\n" + restatements.fact_text(fact)
    assert fact in {hit.fact for hit in restatements.find(page, PATTERNS)}


@pytest.mark.parametrize("fact, sentence", PARAPHRASES, ids=[fact for fact, _ in PARAPHRASES])
def test_control_a_paraphrase_is_caught(fact, sentence):
    page = f"# A page\n\n{sentence}\n"
    assert fact in {hit.fact for hit in restatements.find(page, PATTERNS)}


def test_control_the_same_fact_included_is_not_a_restatement():
    page = '# A page\n\n--8<-- "facts/docker-ps.md:statement"\n'
    assert restatements.find(page, PATTERNS) == []


@pytest.mark.parametrize("fact", FACTS)
def test_every_fact_has_patterns_and_serves_several_pages(fact):
    assert PATTERNS.get(fact), f"snippets/facts/restatements.toml has no patterns for {fact}"
    pages = [page.name for page in PAGES if fact in INCLUDE.findall(page.read_text())]
    assert len(pages) >= 2, (
        f"facts/{fact}.md is included by {pages or 'no page'}; "
        "a fact lives here when several pages need it"
    )


def test_every_pattern_names_a_fact():
    assert sorted(PATTERNS) == FACTS
