"""Find references to other origins in what a reader's browser loads.

A page is private and works offline only if nothing it loads (scripts, styles,
fonts, images, frames) comes from another origin. Plain links (<a href>) and
metadata that no browser fetches (<link rel="canonical">) are fine.

Every function returns a list of findings, one short string each; an empty list
means clean. Pure functions on text, so tests can feed them known-bad input.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

# Absolute http(s) URLs and protocol-relative ones ("//cdn.example/x.js").
_FOREIGN = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)

# <link rel=...> values that make the browser fetch or connect.
_LOADING_RELS = {
    "stylesheet", "preload", "modulepreload", "prefetch", "prerender", "preconnect",
    "dns-prefetch", "icon", "apple-touch-icon", "mask-icon", "manifest",
}  # fmt: skip

# (tag, attribute) pairs whose value the browser fetches.
_LOADING_ATTRS = {
    ("script", "src"), ("img", "src"), ("img", "srcset"), ("source", "src"),
    ("source", "srcset"), ("video", "src"), ("video", "poster"), ("audio", "src"),
    ("track", "src"), ("iframe", "src"), ("embed", "src"), ("object", "data"),
    ("input", "src"), ("image", "href"), ("image", "xlink:href"), ("use", "href"),
    ("use", "xlink:href"), ("feimage", "href"), ("feimage", "xlink:href"),
}  # fmt: skip

_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", re.IGNORECASE | re.DOTALL)
_CSS_IMPORT = re.compile(r"""@import\s+(['"])(.*?)\1""", re.IGNORECASE)

# In JavaScript only a quoted URL to a file a browser would load counts: bundles
# also carry links, XML namespace URIs and URLs in comments that are never fetched.
_JS_URL = re.compile(r"""["'`]((?:https?:)?//[\w.-]+\.[a-z]{2,}[^\s"'`]*)["'`]""", re.I)
_LOADABLE = re.compile(
    r"\.(?:m?js|css|woff2?|ttf|otf|eot|png|jpe?g|gif|svg|webp|avif|ico|wasm|json)"
    r"(?:[?#].*)?$",
    re.IGNORECASE,
)

# URLs in Material's bundle that it loads only under a condition. Each condition
# is checked in the HTML instead (see _HtmlScanner), so it is not an exemption.
MATERIAL_CONDITIONAL = {
    # Loaded when a page has a <pre class="mermaid"> (Material's Mermaid support).
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js": "pre.mermaid in a page",
    # Loaded only by browsers without ResizeObserver, which Material no longer supports.
    "https://unpkg.com/resize-observer-polyfill": "a browser without ResizeObserver",
}


def is_foreign(url: str) -> bool:
    return bool(_FOREIGN.match(url))


def check_css(text: str, where: str = "css") -> list[str]:
    found = []
    for match in _CSS_URL.finditer(text):
        if is_foreign(match.group(2)):
            found.append(f"{where}: url({match.group(2).strip()})")
    for match in _CSS_IMPORT.finditer(text):
        if is_foreign(match.group(2)):
            found.append(f"{where}: @import {match.group(2)}")
    return found


def check_js(text: str, where: str = "js") -> list[str]:
    found = []
    for url in sorted(set(_JS_URL.findall(text))):
        if url in MATERIAL_CONDITIONAL:
            continue
        if _LOADABLE.search(url):
            found.append(f"{where}: loads {url}")
    return found


class _HtmlScanner(HTMLParser):
    def __init__(self, where: str):
        super().__init__(convert_charrefs=True)
        self.where = where
        self.found: list[str] = []
        self._in = None  # "style" or "script" while inside one

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        for name, value in attrs.items():
            if name == "style":
                self.found += check_css(value, f"{self.where} <{tag} style>")
            elif (tag, name) in _LOADING_ATTRS:
                urls = value.split(",") if name == "srcset" else [value]
                for url in urls:
                    if is_foreign(url):
                        self.found.append(f"{self.where} <{tag} {name}={url.strip()}>")
        rels = set(attrs.get("rel", "").lower().split())
        if tag == "link" and rels & _LOADING_RELS and is_foreign(attrs.get("href", "")):
            self.found.append(f"{self.where} <link rel={attrs['rel']} {attrs['href']}>")
        classes = attrs.get("class", "").split()
        if tag == "pre" and "mermaid" in classes:
            # Material's JavaScript fetches Mermaid from unpkg for every pre.mermaid.
            self.found.append(f"{self.where} <pre class=mermaid> (loads Mermaid from unpkg)")
        if attrs.get("data-md-component") == "source" and is_foreign(attrs.get("href", "")):
            # Material's JavaScript asks the forge's API (api.github.com, ...) for
            # stars and the latest release on the first page view.
            self.found.append(
                f"{self.where} data-md-component=source {attrs['href']} "
                "(Material fetches repository facts from the forge's API)"
            )
        if tag in ("style", "script") and not attrs.get("src"):
            self._in = tag

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "style":
            self.found += check_css(data, f"{self.where} <style>")
        elif self._in == "script":
            self.found += check_js(data, f"{self.where} <script>")


def check_html(text: str, where: str = "html") -> list[str]:
    scanner = _HtmlScanner(where)
    scanner.feed(text)
    scanner.close()
    return list(dict.fromkeys(scanner.found))  # a page repeats its header in the drawer


_CHECKERS = {
    ".html": check_html,
    ".svg": check_html,  # SVG images can pull in other files through href/style too
    ".css": check_css,
    ".js": check_js,
    ".mjs": check_js,
}


def check_site(site: Path) -> list[str]:
    """Check every HTML, SVG, CSS and JS file of a built site."""
    found = []
    for path in sorted(site.rglob("*")):
        checker = _CHECKERS.get(path.suffix.lower())
        if checker and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            found += checker(text, str(path.relative_to(site)))
    return found
