"""Never behind the English: each Chinese page records the hash of every
English section it translates (front matter `translation:`); a section that
changed in English since, or is new, fails here, naming page and section and
the two commands that show the change and record the translation."""

from __future__ import annotations

import pytest

from docsite import translation
from docsite.paths import ROOT

PAGES = translation.translated_pages()


def test_the_translated_pages_are_found():
    assert {"index", "start", "glossary"} <= set(PAGES)


@pytest.mark.parametrize("page", PAGES)
def test_a_chinese_page_translates_its_english_page_as_it_is_now(page):
    english = (ROOT / "docs" / f"{page}.md").read_text(encoding="utf-8")
    chinese = (ROOT / "docs-zh" / f"{page}.md").read_text(encoding="utf-8")
    problems = translation.outdated(page, english, chinese)
    assert not problems, (
        "\n".join(map(str, problems))
        + f"\nSee the English change: make zh-diff PAGE={page}"
        + f"\nTranslate it, then record it: make zh-stamp PAGE={page}"
    )


def _up_to_date(page: str, english: str) -> str:
    """The Chinese page as if just stamped: the controls start from no problem,
    whatever the state of the real translation."""
    chinese = (ROOT / "docs-zh" / f"{page}.md").read_text(encoding="utf-8")
    stamped = translation.stamp(chinese, english)
    assert translation.outdated(page, english, stamped) == []
    return stamped


def test_control_a_changed_english_section_is_caught_by_name():
    english = (ROOT / "docs" / "start.md").read_text(encoding="utf-8")
    chinese = _up_to_date("start", english)
    changed = english.replace(
        "## 2. Run your first container { #first-container }",
        "## 2. Run your first container { #first-container }\n\nA new sentence.",
    )
    assert changed != english
    problems = translation.outdated("start", changed, chinese)
    assert [p.section for p in problems] == ["first-container"]
    assert "docs-zh/start.md, section #first-container" in str(problems[0])


def test_control_a_new_and_a_removed_english_section_are_caught():
    english = (ROOT / "docs" / "start.md").read_text(encoding="utf-8")
    chinese = _up_to_date("start", english)
    added = english + "\n## Something new { #something-new }\n\nText.\n"
    assert [p.section for p in translation.outdated("start", added, chinese)] == ["something-new"]
    removed = english.replace(
        "## Where next { #where-next }", "### Where next (merged) { #where-next-merged }"
    )
    found = {p.section for p in translation.outdated("start", removed, chinese)}
    assert {"where-next", "where-next-merged"} <= found


def test_stamping_records_the_current_hashes_and_keeps_the_rest(tmp_path):
    english = (ROOT / "docs" / "start.md").read_text(encoding="utf-8")
    chinese = (ROOT / "docs-zh" / "start.md").read_text(encoding="utf-8")
    changed = english + "\n## Something new { #something-new }\n\nText.\n"
    stamped = translation.stamp(chinese, changed)
    assert translation.outdated("start", changed, stamped) == []
    assert stamped.split("---\n", 2)[2] == chinese.split("---\n", 2)[2]
    assert "description:" in stamped


def test_a_heading_without_an_id_is_refused():
    with pytest.raises(ValueError, match="explicit"):
        translation.sections("# Title\n\ntext\n")
