"""Chinese search answers the questions a Chinese beginner types: each question
in tests/zh_search_questions.toml finds a section that answers it among the
first three results of the Chinese edition's own search (Material's, with the
index cut into words by jieba at build time), in Chromium.
"""

from __future__ import annotations

import tomllib

import pytest

from docsite.browser.search import hit, material_top, targets
from docsite.browser.server import serve
from docsite.paths import ROOT

QUESTIONS = tomllib.loads((ROOT / "tests/zh_search_questions.toml").read_text())["questions"]


@pytest.fixture(scope="module")
def searching(built_site, browser):
    """The Chinese home page with search open, shared by every question."""
    with serve(built_site) as url:
        page = browser.new_page()
        page.goto(url + "zh/", wait_until="load")
        yield url + "zh/", page
        page.close()


def test_there_are_at_least_twenty_questions():
    assert len(QUESTIONS) >= 20


@pytest.mark.parametrize(("question", "answers"), QUESTIONS, ids=[q for q, _ in QUESTIONS])
def test_a_chinese_question_finds_its_answer_in_the_first_three_results(
    searching, question, answers
):
    site_url, page = searching
    found = targets(site_url, material_top(page, question))
    assert any(hit(a, found) for a in answers), (
        f"{question!r}: none of {answers} in the first three results: {found}"
    )
