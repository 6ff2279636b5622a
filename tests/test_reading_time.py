"""Reading time computed at build time (docsite/markdown/reading_time.py): the figure
follows the page's prose, code and diagrams aside, and no placeholder is left
in the built site."""

from __future__ import annotations

import re

import markdown
import pytest

from docsite.markdown.reading_time import (
    CHARS_PER_MINUTE,
    PLACEHOLDER,
    WORDS_PER_MINUTE,
    count_chars,
    count_words,
    minutes,
)

CONCEPT_PAGES = [
    "images",
    "images-in-depth",
    "containers",
    "containers-in-depth",
    "lifecycle",
    "operate",
    "why-both",
    "worked-example",
    "publish-a-port",
    "build-secrets",
    "faq",
]


def render(source: str) -> str:
    md = markdown.Markdown(extensions=["docsite.markdown.reading_time", "pymdownx.superfences"])
    return md.convert(source)


def shown_minutes(html: str) -> int:
    found = re.search(r"Reading time: (\d+) min", re.sub(r"<[^>]+>", "", html))
    assert found, html[:300]
    return int(found[1])


def page(words: int, *extra: str) -> str:
    # "Reading time: {{ reading_time }}" is 3 words ("{{" and "}}" are none).
    return "\n\n".join([f"Reading time: {PLACEHOLDER}", " ".join(["word"] * (words - 3)), *extra])


@pytest.mark.parametrize(
    ("words", "expected"),
    [(10, 1), (WORDS_PER_MINUTE, 1), (WORDS_PER_MINUTE + 1, 2), (5 * WORDS_PER_MINUTE, 5)],
)
def test_a_page_of_n_words_gets_its_minutes(words, expected):
    assert shown_minutes(render(page(words))) == expected


def test_code_blocks_and_outputs_do_not_count():
    code = "```console\n$ docker ps\n" + "\n".join(["output line here"] * 500) + "\n```"
    python = "```python\n" + "\n".join(["print('a b c d')  #> a b c d"] * 500) + "\n```"
    assert shown_minutes(render(page(WORDS_PER_MINUTE, code, python))) == 1


def test_diagrams_do_not_count():
    # Inline SVG, an SVG nested in it as Mermaid draws some, then prose after it.
    svg = "<svg><text>" + "label " * 900 + "</text><svg><text>x y</text></svg>" + "z " * 900
    html = f"<p>one two</p>{svg}</svg><p>three</p>"
    assert count_words(html) == 3


def test_chinese_prose_counts_in_characters_and_the_rest_in_words():
    html = "<p>运行 <code>docker ps</code> 列出容器。镜像“不变”，容器会变……</p>"
    assert count_words(html) == 2  # docker, ps
    assert count_chars(html) == 14  # 运行 列出容器 镜像 不变 容器会变


@pytest.mark.parametrize(("chars", "expected"), [(CHARS_PER_MINUTE, 1), (5 * CHARS_PER_MINUTE, 5)])
def test_a_chinese_page_of_n_characters_gets_its_minutes_in_its_unit(chars, expected):
    md = markdown.Markdown(
        extensions=["docsite.markdown.reading_time"],
        extension_configs={"docsite.markdown.reading_time": {"unit": "分钟"}},
    )
    # "阅读时间：" is 4 characters and the placeholder one word (worth 2 of
    # them); the rest are sentences of 10.
    rest = chars - 4 - 2
    body = "镜像是只读的模板容器。" * (rest // 10) + "层" * (rest % 10)
    html = md.convert(f"阅读时间：{PLACEHOLDER}\n\n{body}")
    found = re.search(r"阅读时间：(\d+) 分钟", html)
    assert found, html[:200]
    assert int(found[1]) == expected
    # Control: counted as whitespace-separated words, as English is, this page
    # would read in one minute.
    assert expected == 1 or minutes(len(body.split())) == 1


def test_the_placeholder_never_survives_into_the_built_site(built_site):
    left = [
        path.relative_to(built_site).as_posix()
        for path in built_site.rglob("*")
        if path.suffix in {".html", ".json", ".xml"} and "reading_time" in path.read_text()
    ]
    assert not left, f"{PLACEHOLDER} left unreplaced in {left}"


@pytest.mark.parametrize("name", CONCEPT_PAGES)
def test_each_concept_page_shows_the_reading_time_of_its_prose(built_site, name):
    html = (built_site / name / "index.html").read_text()
    article = html[html.index("<article") : html.index("</article>")]
    opener = re.search(r'<div class="admonition abstract">.*?</div>', article, re.S)
    assert opener, f"{name}: no 'In this page' box"
    # The built article also holds the page's footer ("Last update"), a few
    # words that the Markdown the extension saw did not have.
    assert abs(shown_minutes(opener[0]) - minutes(count_words(article))) <= 1
