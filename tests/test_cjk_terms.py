"""Chinese glossary tooltips: a term in running Chinese text becomes a link to
its entry with its definition on hover; code, headings and links stay as
they are."""

from __future__ import annotations

import markdown

from docsite.markdown.cjk_terms import TermTooltipsExtension

NAMES = {
    "可写层": ("writable-layer", "容器自己的读写层。"),
    "写时复制": ("copy-on-write", "先复制再改。"),
}


def render(text: str, href=lambda term_id: f"glossary.md#{term_id}") -> str:
    return markdown.markdown(text, extensions=[TermTooltipsExtension(NAMES, href)])


def test_a_term_in_running_text_gets_its_tooltip_and_link():
    html = render("容器的改动落在可写层里，靠写时复制。")
    assert html == (
        '<p>容器的改动落在<a class="glossary-link" href="glossary.md#writable-layer">'
        '<abbr title="容器自己的读写层。">可写层</abbr></a>里，靠'
        '<a class="glossary-link" href="glossary.md#copy-on-write">'
        '<abbr title="先复制再改。">写时复制</abbr></a>。</p>'
    )


def test_code_headings_and_links_stay_plain():
    for text in ("## 可写层", "`可写层`", "[可写层](x.md)", "```\n可写层\n```"):
        assert "abbr" not in markdown.markdown(
            text, extensions=["fenced_code", TermTooltipsExtension(NAMES, lambda t: "g.md")]
        ), text


def test_no_link_where_href_says_none_and_control_without_the_extension():
    assert "abbr" not in render("可写层", href=lambda term_id: None)
    assert "abbr" not in markdown.markdown("可写层")


def test_only_a_terms_first_use_in_a_page_gets_the_tooltip():
    html = render("可写层在上面。\n\n- 又是**可写层**，\n- 还是可写层。")
    assert html.count("<abbr") == 1
    assert html.index("<abbr") < html.index("又是")
