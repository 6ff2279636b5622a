"""Leave code blocks out of the search index.

Code blocks here are mostly recorded command output (IDs, sizes, statuses) and
example scripts: as search results they are noise that outranks the prose
explaining the same words, and they make up much of the index's size (which a
reader downloads when opening search). Material's search plugin skips any
element with a `data-search-exclude` attribute, so this adds it to every
highlighted block (`<div class="highlight">`). Inline `code` in prose stays
indexed, so a command name such as `docker diff` still finds the text that
explains it. The search plugin indexes in on_page_context, after this runs.
"""

from __future__ import annotations

import re

# pymdownx.highlight's block wrapper; the attribute goes right after the tag
# name, whatever attributes (class, id) follow.
_BLOCK = re.compile(r'<div(?=[^>]*\bclass="(?:[^"]*\s)?highlight(?:\s[^"]*)?")')


def on_page_content(html, **kwargs):
    return _BLOCK.sub("<div data-search-exclude", html)
