"""```console hl="<regex>": the output lines that match are highlighted, nothing else
changes, and a bad option is a build warning (so --strict fails)."""

from __future__ import annotations

import logging
import re
from html import unescape

from docsite.markdown import console

BUILD = """$ docker build -t app .
#5 [2/3] COPY requirements.txt .
#5 CACHED
#6 [3/3] RUN pip install -r requirements.txt
#6 CACHED
$ docker images
"""


def text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def highlighted(html: str) -> list[str]:
    return [unescape(m) for m in re.findall(r'<span class="go hll">([^<]*)</span>', html)]


def test_matching_output_lines_are_highlighted_and_the_text_is_unchanged():
    html = console.format_console(BUILD, "console", "", {"hl": "CACHED"}, None)
    assert highlighted(html) == ["#5 CACHED\n", "#6 CACHED\n"]
    assert text(html).rstrip("\n") == BUILD.rstrip("\n")
    # Commands are never marked, even when they match.
    html = console.format_console(BUILD, "console", "", {"hl": "docker"}, None)
    assert highlighted(html) == []


def test_control_without_the_option_nothing_is_highlighted():
    html = console.format_console(BUILD, "console", "", {}, None)
    assert "hll" not in html
    assert text(html).rstrip("\n") == BUILD.rstrip("\n")


def test_the_validator_takes_hl_and_warns_about_anything_else(caplog):
    options: dict = {}
    assert console.validate("console", {"hl": "CACHED|naming"}, options, {}, None)
    assert options == {"hl": "CACHED|naming"}
    with caplog.at_level(logging.WARNING, logger="mkdocs.markdown.console"):
        assert not console.validate("console", {"hl_lines": "2 3"}, {}, {}, None)
        assert not console.validate("console", {"hl": "CACHED["}, {}, {}, None)
    assert [r.getMessage().split(":")[0] for r in caplog.records] == [
        "```console",
        "```console hl='CACHED['",
    ]
