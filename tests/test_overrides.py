"""Overrides of Material's templates stay in step with the installed Material.

overrides/partials/*.html are copies of Material's partials, each changed in one
line (the comment at the top of each says why; language.html's one line
becomes a message of the site's own and the line that uses it). A Material upgrade that changes
an original would leave the copy rendering the old markup unnoticed; this test
compares each copy with the installed original and allows only the documented
change. docs/javascripts/lazy-search-index.js depends on Material's file names
and on overrides/main.html's scripts block; those are checked the same way.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from support.site import ROOT

MATERIAL = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides" / "partials"

# partial -> (line in Material's original, the line that replaces it here)
CHANGES = {
    "language.html": (
        "{% macro t(key) %}{{ lang.t(key) or fallback.t(key) or key }}{% endmacro %}",
        "{% set messages = {\n"
        '  "en": {"search.result.none": "No matching pages: try a word such as image, container, volume, layer or prune. 用中文搜索？请切换到简体中文版（右上角的语言菜单）。"},\n'  # noqa: E501
        '  "zh": {"search.result.none": "没有找到结果：试试镜像、容器、数据卷、镜像层或清理这样的词。Searching in English? Switch to the English edition (the language menu at the top)."}\n'  # noqa: E501
        "} %}\n"
        "{% set site = messages[config.theme.language] or {} %}\n"
        "{% macro t(key) %}{{ site[key] or lang.t(key) or fallback.t(key) or key }}{% endmacro %}",
    ),
    "progress.html": (
        '<div class="md-progress" data-md-component="progress" role="progressbar"></div>',
        '<div class="md-progress" data-md-component="progress" role="progressbar" '
        'aria-label="Loading the page"></div>',
    ),
    "search.html": (
        '<div class="md-search" data-md-component="search" role="dialog">',
        '<div class="md-search" data-md-component="search" role="dialog" '
        "aria-label=\"{{ lang.t('search') }}\">",
    ),
    "source.html": (
        '<a href="{{ config.repo_url }}" title="{{ lang.t(\'source\') }}" '
        'class="md-source" data-md-component="source">',
        '<a href="{{ config.repo_url }}" title="{{ lang.t(\'source\') }}" class="md-source">',
    ),
}


def without_header(text: str) -> str:
    """The template without its leading {#- ... -#} comment (Material's says
    "automatically generated", ours says why the copy exists)."""
    return re.sub(r"\A\{#-.*?-#\}\n", "", text, count=1, flags=re.S)


def drift(name: str, override: str) -> list[str]:
    original = without_header((MATERIAL / "partials" / name).read_text(encoding="utf-8"))
    old, new = CHANGES[name]
    if old not in original.splitlines():
        return [f"{name}: Material's original no longer has the line this copy changes: {old}"]
    expected = original.replace(old, new, 1)
    if without_header(override) != expected:
        return [
            f"{name}: the copy differs from Material {material.__version__}'s original "
            "beyond its documented change: copy the original again and redo the change"
        ]
    return []


def test_every_override_partial_is_listed():
    assert sorted(p.name for p in OVERRIDES.glob("*.html")) == sorted(CHANGES)


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_each_copied_partial_matches_the_installed_original_but_for_its_change(name):
    problems = drift(name, (OVERRIDES / name).read_text(encoding="utf-8"))
    assert not problems, "\n".join(problems)


def test_an_upstream_change_fails_the_drift_check():
    """The control: the copy, with one more line changed, is reported."""
    copy = (OVERRIDES / "search.html").read_text(encoding="utf-8")
    changed = copy.replace('data-md-component="search-query"', 'data-md-component="query"')
    assert changed != copy, "search.html no longer holds the line this control edits"
    assert drift("search.html", changed)


def test_what_the_lazy_search_shim_relies_on_is_still_there():
    """lazy-search-index.js matches Material's index URL and worker file name,
    and must load before Material's bundle through the `scripts` block."""
    workers = list((MATERIAL / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    assert len(workers) == 1 and re.fullmatch(r"search\.\w+\.min\.js", workers[0].name)
    base = (MATERIAL / "base.html").read_text(encoding="utf-8")
    assert "{% block scripts %}" in base
    bundle = next((MATERIAL / "assets" / "javascripts").glob("bundle.*.min.js")).read_text()
    assert "search_index.json" in bundle
    shim = (ROOT / "docs" / "javascripts" / "lazy-search-index.js").read_text()
    assert r"search\/search_index\.json" in shim and r"\/workers\/search\.\w+\.min\.js" in shim
