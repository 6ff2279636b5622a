"""Chinese search answers the questions a Chinese beginner types: each question
in tests/zh_search_questions.toml finds a section that answers it among the
first three results of the Chinese edition's own search (Material's, with the
index cut into words by jieba at build time), in Chromium.
"""

from __future__ import annotations

import tomllib

import pytest

from docsite.browser.search import hit, material_top, search, targets
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


@pytest.mark.parametrize(
    ("edition", "query", "hint"),
    [("", "容器怎么用", "简体中文版"), ("zh/", "qwertyuiop", "English edition")],
)
def test_a_search_with_no_results_points_to_the_other_edition(
    site_url, browser, edition, query, hint
):
    page = browser.new_page()
    page.goto(site_url + edition, wait_until="load")
    summary = search(page, query)
    page.close()
    assert hint in summary, summary
