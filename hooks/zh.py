"""The Chinese edition's build (mkdocs.zh.yml only), where no option does it.

- The English abbreviations (tooltips) are not appended to Chinese pages: their
  titles are English. The same terms get Chinese tooltips from the term list
  (docsite.markdown.cjk_terms), linked to the Chinese glossary.
- The glossary page is built from snippets/glossary/terms.zh.yml, the one
  term list (its placeholder line is replaced by one entry per term).
- A paragraph's line breaks between Chinese characters are dropped
  (docsite.markdown.cjk_lines): a browser would draw each as a space.
- A page's reading time ({{ reading_time }}) is printed in 分钟, not "min".
- SITE_URL (set by CI for the English site) gets the zh/ the edition lives under.
- search.jieba_dict_user is resolved from this file's directory, as every other
  path in the configuration (Material resolves it from the working directory).
"""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority

from docsite.markdown import glossary_terms
from docsite.markdown.cjk_lines import CjkLinesExtension
from docsite.markdown.cjk_terms import TermTooltipsExtension

TERMS = Path("snippets/glossary/terms.zh.yml")
ABBREVIATIONS = Path("snippets/glossary/abbreviations.md")
ABBREVIATION = re.compile(r"^\*\[(?P<term>[^\]]+)\]:", re.MULTILINE)
HAN = re.compile(r"[\u4e00-\u9fff]")
PLACEHOLDER = "<!-- terms.zh.yml -->"

_state: dict = {"page": ""}


@event_priority(100)
def on_config(config, **kwargs):
    config_dir = Path(config.config_file_path).parent
    site_url = os.environ.get("SITE_URL")
    if site_url:
        config.site_url = site_url.rstrip("/") + "/zh/"
    search = config.plugins.get("material/search")
    if search is not None and search.config.jieba_dict_user:
        search.config.jieba_dict_user = str(config_dir / search.config.jieba_dict_user)
    snippets = config.mdx_configs.get("pymdownx.snippets", {})
    snippets["auto_append"] = [
        p for p in snippets.get("auto_append", []) if p != "glossary/abbreviations.md"
    ]
    config.mdx_configs.setdefault("docsite.markdown.reading_time", {})["unit"] = "分钟"
    _state["terms"] = yaml.safe_load((config_dir / TERMS).read_text(encoding="utf-8"))
    config.markdown_extensions.append(CjkLinesExtension())
    config.markdown_extensions.append(TermTooltipsExtension(tooltips(config_dir), glossary_href))
    return config


def tooltips(config_dir: Path) -> dict[str, tuple[str, str]]:
    """Each Chinese name (and other name) of a term the English pages give a
    tooltip -> (its glossary id, its one-sentence definition)."""
    english = glossary_terms.terms((config_dir / "docs/glossary.md").read_text(encoding="utf-8"))
    abbreviations = (config_dir / ABBREVIATIONS).read_text(encoding="utf-8")
    ids = {glossary_terms.lookup(english, m["term"]) for m in ABBREVIATION.finditer(abbreviations)}
    names = {}
    for term in _state["terms"]["terms"]:
        if term["id"] in ids:
            for name in [term["zh"], *term.get("also", [])]:
                if HAN.search(name):
                    names[name] = (term["id"], term["tip"])
    return names


def glossary_href(term_id: str) -> str | None:
    """The link from the page being rendered to a glossary entry; none on the
    glossary itself."""
    here = _state["page"]
    if here == "glossary.md":
        return None
    return posixpath.relpath("glossary.md", posixpath.dirname(here) or ".") + "#" + term_id


def glossary_entries(terms: dict) -> str:
    out = []
    for term in terms["terms"]:
        title = term["zh"] if term["zh"] == term["en"] else f"{term['zh']}（{term['en']}）"
        see, _, fragment = term["see"].partition("#")
        label = terms["pages"][see]
        out.append(
            f"## {title} {{ #{term['id']} }}\n\n{term['tip']}\n"
            f"深入阅读：[{label}]({term['see']})。\n"
        )
    return "\n".join(out)


def on_page_markdown(markdown, page, **kwargs):
    _state["page"] = page.file.src_uri
    if PLACEHOLDER in markdown:
        markdown = markdown.replace(PLACEHOLDER, glossary_entries(_state["terms"]))
    return markdown
