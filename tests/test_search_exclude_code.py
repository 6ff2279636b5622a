"""Code blocks and content-tab labels stay out of the search index
(docsite/markdown/search_exclude.py)."""

from __future__ import annotations

import json
import re

from support.site import ROOT

from docsite.markdown.search_exclude import exclude_code


def test_recorded_output_is_not_in_the_search_index(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    text = " ".join(doc["text"] for doc in index["docs"])
    # A container ID appears in recorded outputs only, never in prose.
    recorded = (ROOT / "snippets" / "containers-in-depth" / "shared-image.console").read_text()
    container_id = re.search(r"^[0-9a-f]{64}$", recorded, re.MULTILINE)
    assert container_id, "pick another recorded output with an ID for this test"
    assert container_id[0] not in text and container_id[0][:12] not in text
    assert "writable layer" in text  # the prose is indexed
    # content-tab labels, run together, were in result snippets
    assert "Docker CLIPython" not in text


def test_only_highlighted_blocks_are_marked():
    html = '<div class="language-console highlight"><pre>x</pre></div><div class="admonition">'
    assert exclude_code(html) == (
        '<div data-search-exclude class="language-console highlight"><pre>x</pre></div>'
        '<div class="admonition">'
    )


def test_tab_labels_are_marked():
    html = '<div class="tabbed-labels"><label for="t1">Docker CLI</label></div>'
    assert exclude_code(html).startswith('<div data-search-exclude class="tabbed-labels">')
