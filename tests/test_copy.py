"""The copy button on a transcript copies what a reader types: the commands, with
no `$ ` prompt and no output (docs/stylesheets/copy-commands.css)."""

import pytest

from docsite.examples import transcript
from docsite.examples.harness import SNIPPETS

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("page", "snippet"),
    [("about-examples/", "about-examples/hello.console"), ("images/", "images/layers.console")],
)
def test_copy_button_copies_the_commands_only(browser, site_url, page, snippet):
    steps = transcript.parse((SNIPPETS / snippet).read_text())
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.goto(site_url + page)
    first_line = steps[0].command.split("\n")[0]
    block = tab.locator("div.highlight", has=tab.locator("code .gp")).filter(has_text=first_line)
    block.first.hover()
    block.first.locator("button[data-md-type=copy]").click()
    copied = tab.evaluate("navigator.clipboard.readText()")
    context.close()
    # Pygments puts the newline after an output line outside its span, so an
    # output leaves an empty line behind: harmless when pasted into a shell.
    lines = [line for line in copied.splitlines() if line.strip()]
    assert lines == "\n".join(step.command for step in steps).splitlines()
