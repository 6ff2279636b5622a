"""Fail the build in one line when a page includes a snippet that does not exist.

pymdownx.snippets (check_paths) stops on it with a traceback naming neither
page nor line; this runs first, on each page's Markdown, and names both.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from docsite.markdown.includes import missing


def on_page_markdown(markdown, page, config, **kwargs):
    # Where pymdownx.snippets looks, as mkdocs.yml sets it (a scratch copy's own).
    bases = tuple(Path(b) for b in config["mdx_configs"]["pymdownx.snippets"]["base_path"])
    # The source as written: the Markdown here has lost its front matter, and
    # with it the line numbers a reader's editor shows.
    problems = missing(page.file.content_string, f"docs/{page.file.src_uri}", bases)
    if problems:
        raise PluginError("\n".join(problems))
    return markdown
