"""Give every exercise ("??? question" block) an id and a link mark, like a heading.

The link mark goes just before the <details>, not in its <summary>: a link
inside a summary is a control inside a control, which screen readers cannot
tell apart (axe: nested-interactive); the stylesheet floats it beside the box.

Above the box go the commands of the exercise's transcript, without their
output: the question asks what they print, so they belong to the question,
and the recorded output to the answer.

A team lead links an exercise from a wiki page, so its id must not move when
exercises are added or reordered: it is the name of the example its answer
includes (`--8<-- "containers/check-diff.console"` gives `#check-diff`), which
the tests already keep unique per page. pymdownx.details takes no attributes,
so the ids are read from the Markdown and set on the rendered <details> in
order. An exercise without a `check-` example is a build warning.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path, PurePosixPath

from docsite.markdown import console
from docsite.markdown.search_exclude import exclude_code

log = logging.getLogger("mkdocs.hooks.exercise_anchors")

QUESTION = re.compile(r"^(?P<indent>\s*)\?\?\?\+?\s+question\b")
SNIPPET = re.compile(r'--8<--\s+"(?P<path>[^"]+)"')
DETAILS = re.compile(r'<details class="question"( open="open")?>\s*<summary>(.*?)</summary>', re.S)

_ids: dict[str, list[str]] = {}


def exercise_id(path: str) -> str | None:
    """`containers/check-diff.console` -> check-diff;
    `why-both/check-cache/Dockerfile` -> check-cache."""
    for part in PurePosixPath(path).parts[1:]:
        if part.startswith("check-"):
            return part.split(".")[0]
    return None


def exercise_ids(markdown: str) -> list[tuple[str | None, str | None]]:
    lines = markdown.splitlines()
    found = []
    for i, line in enumerate(lines):
        start = QUESTION.match(line)
        if not start:
            continue
        indent = len(start["indent"])
        found_id = path = None
        for body in lines[i + 1 :]:
            if body.strip() and len(body) - len(body.lstrip()) <= indent:
                break  # the block ended
            snippet = SNIPPET.search(body)
            if snippet and (found_id := exercise_id(snippet["path"])):
                path = snippet["path"]
                break
        found.append((found_id, path))
    return found


def commands_block(path: str | None, config) -> str:
    """The commands of the exercise's transcript, as a block of their own (no
    output): what the reader runs, shown with the question; the output stays
    in the answer. Read from the same file, so the two cannot differ."""
    if not path or not path.endswith(".console"):
        return ""
    for base in config["mdx_configs"]["pymdownx.snippets"]["base_path"]:
        source = Path(base, path)
        if source.is_file():
            commands, continued = [], False
            for line in source.read_text(encoding="utf-8").splitlines():
                if line.startswith(console.PROMPT) or continued:
                    commands.append(line)
                    continued = line.endswith("\\")
            text = "\n".join(commands) + "\n"
            block = console.format_console(text, "console", "", {}, None)
            return exclude_code(block) + "\n"
    return ""


def on_page_markdown(markdown, page, config, files):
    ids = exercise_ids(markdown)
    for n, (found, _) in enumerate(ids, 1):
        if found is None:
            log.warning(
                "%s: exercise %d includes no check-* example to name its anchor",
                page.file.src_uri,
                n,
            )
    _ids[page.file.src_uri] = ids
    return markdown


def on_page_content(html, page, config, files):
    ids = iter(_ids.pop(page.file.src_uri, []))

    def anchor(match: re.Match) -> str:
        found, path = next(ids, (None, None))
        if not found:
            return match[0]
        link = (
            f'<a class="headerlink exercise-link" href="#{found}" '
            f'title="Copy link to this exercise">&para;</a>'
        )
        opened = match[1] or ""
        return (
            f"{commands_block(path, config)}{link}\n"
            f'<details class="question" id="{found}"{opened}>\n'
            f"<summary>{match[2]}</summary>"
        )

    return DETAILS.sub(anchor, html)
