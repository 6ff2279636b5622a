"""The copy button on a transcript copies what a reader types: the commands, one a
line, with no `$ ` prompt, no output, no empty line and no note such as
`# fails: ...` (docsite/markdown/console.py, and the copy-commands section of
docs/stylesheets/site.css)."""

import re
from html import unescape

import pytest

from docsite.examples import transcript
from docsite.examples.harness import SNIPPETS
from docsite.markdown import console, lean_highlight


def typed(command: str) -> list[str]:
    """A command's lines as a reader types them: no trailing note, and no line
    that held only a note (with the backslash that continued to it)."""
    lines = command.split("\n")
    lines[-1] = re.sub(r"\s+#[^'\"]*$", "", lines[-1])
    if not lines[-1].strip():
        lines.pop()
        lines[-1] = lines[-1].removesuffix("\\").rstrip()
    return lines


def test_notes_move_out_of_the_command_lines():
    source = (
        "$ cat /gone  # fails: it is gone\n"
        "cat: /gone: No such file\n"
        "$ echo '# kept' \\\n"
        "    # fails: a note on a line of its own\n"
        '$ echo "a # b"\n'
    )
    html = console.format_console(source, "console", "", {}, None)
    notes = re.findall(r'<span class="go note">(.*?)\n</span>', html)
    assert notes == [
        "# this one fails on purpose: it is gone",
        "# this one fails on purpose: a note on a line of its own",
    ]
    commands, _, _ = console.split_notes(source)
    assert [line for line in commands if line.startswith("$ ")] == [
        "$ cat /gone",
        "$ echo '# kept'",
        '$ echo "a # b"',
    ]
    # every output line carries its own newline, so hiding it leaves none behind
    assert '<span class="go">cat: /gone: No such file\n</span>' in html


def test_lean_spans_keep_the_text_and_every_output_newline():
    source = "$ docker ps -a\nCONTAINER ID   IMAGE\nabc123         python\n$ echo  done\ndone\n"
    html = console.format_console(source, "console", "", {}, None)
    assert html_text(html).rstrip("\n") == source.rstrip("\n")
    assert 'class="w"' not in html
    assert '<span class="go">CONTAINER ID   IMAGE\nabc123         python\n</span>' in html
    python = '<span class="n">a</span><span class="w"> </span><span class="o">=</span>'
    assert lean_highlight.lean(python) == '<span class="n">a</span> <span class="o">=</span>'
    # An output line that closes another span (a highlighted line) is not joined.
    nested = '<span class="hll"><span class="go">a\n</span></span><span class="go">b\n</span>'
    assert lean_highlight.lean(nested) == nested


def html_text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


@pytest.mark.browser
@pytest.mark.parametrize(
    ("page", "snippet"),
    [
        ("about-examples/", "about-examples/hello.console"),
        ("images/", "images/layers.console"),
        ("start/", "start/first-container.console"),
        ("start/", "start/change-gone.console"),
        ("containers/", "containers/writable-layer.console"),
        # highlighted output lines (hl="CACHED") are left out as well
        ("worked-example/", "worked-example/rebuild.console"),
    ],
)
def test_copy_button_copies_the_commands_only(browser, site_url, page, snippet):
    steps = transcript.parse((SNIPPETS / snippet).read_text())
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.goto(site_url + page)
    block = tab.locator("div.highlight", has=tab.locator("code .gp"))
    # The block that holds every command of the transcript (another may start alike).
    for step in steps:
        block = block.filter(has_text=typed(step.command)[0])
    block.first.hover()
    block.first.locator("button[data-md-type=copy]").click()
    copied = tab.evaluate("navigator.clipboard.readText()")
    context.close()
    expected = "\n".join(line for step in steps for line in typed(step.command))
    assert copied.rstrip("\n") == expected
    assert "#" not in copied and "\n\n" not in copied
