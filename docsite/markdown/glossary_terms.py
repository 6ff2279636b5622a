"""The glossary's terms, read from its headings: which id a word links to.

docs/glossary.md is the one list: "## Writable layer { #writable-layer }" makes
"writable layer" (and "writable layers") lead to #writable-layer. Used by
hooks/glossary_links.py for the English tooltips' links and by hooks/zh.py to
give the Chinese pages tooltips for the same terms.
"""

from __future__ import annotations

import re

HEADING = re.compile(r"^#{1,6}\s+(?P<text>.+?)\s*\{[^}]*#(?P<id>[\w-]+)[^}]*\}\s*$")


def terms(text: str) -> dict[str, str]:
    """Map each glossary heading's term (and each ' / '-separated part) to its id."""
    found: dict[str, str] = {}
    fence = None
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            fence = None if fence and stripped.startswith(fence) else (fence or stripped[:3])
            continue
        if fence:
            continue
        match = HEADING.match(stripped)
        if match:
            for part in re.split(r"\s*/\s*|\s*,\s*|\s+or\s+", match["text"]):
                if part:
                    found[part.strip("`").lower()] = match["id"]
    return found


def lookup(terms: dict[str, str], term: str) -> str | None:
    key = term.lower()
    # Singular or plural on either side: "digests" finds "Digest", "cgroup" "cgroups".
    for candidate in (key, key + "s", key[:-1] if key.endswith("s") else None):
        if candidate and candidate in terms:
            return terms[candidate]
    return None
