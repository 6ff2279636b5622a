"""A Chinese paragraph wrapped over source lines renders without stray spaces;
English text and code keep their line breaks."""

from __future__ import annotations

import markdown

from docsite.markdown.cjk_lines import join_lines


def render(text: str, **kwargs) -> str:
    return markdown.markdown(
        text, extensions=["docsite.markdown.cjk_lines", *kwargs.get("ext", [])]
    )


def test_a_break_between_chinese_characters_goes():
    assert render("你会运行一个容器，\n还会看到改动。") == "<p>你会运行一个容器，还会看到改动。</p>"
    # In a list item the continuation line's indent goes too.
    assert "镜像是只读的模板" in render("- 镜像是只读\n  的模板")


def test_a_break_next_to_a_link_or_bold_text_goes_too():
    assert (
        render("详见\n[镜像](images.md)一页。") == '<p>详见<a href="images.md">镜像</a>一页。</p>'
    )
    assert render("它是**可写层**\n的一部分。") == "<p>它是<strong>可写层</strong>的一部分。</p>"


def test_control_english_and_mixed_breaks_stay():
    assert render("an image\nand a container") == "<p>an image\nand a container</p>"
    # Between a Chinese character and a Latin word the break (a space) stays.
    assert render("运行\n`docker ps`\n命令") == "<p>运行\n<code>docker ps</code>\n命令</p>"


def test_code_keeps_its_lines():
    html = "<pre><code>镜像\n容器\n</code></pre><p>镜像\n容器</p>"
    assert join_lines(html) == "<pre><code>镜像\n容器\n</code></pre><p>镜像容器</p>"
