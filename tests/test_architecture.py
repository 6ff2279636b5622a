"""The folders are the architecture: what the build loads needs nothing but the site's packages.

docsite/markdown/ (and the hooks mkdocs.yml names) run inside `mkdocs build`,
which `make serve` runs with requirements-site.txt alone: no Docker SDK, no
pytest, no browser. So they may import the standard library, those packages,
docsite.paths, docsite.diagrams.cache (the committed SVGs) and each other;
anything else here would break a first `make serve`. The worlds below them
(engine, examples, browser) never import the build's code back, except the
examples' use of the include parser.
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys

from docsite.paths import ROOT

BUILD_TIME = [
    *sorted((ROOT / "docsite" / "markdown").glob("*.py")),
    ROOT / "docsite" / "diagrams" / "cache.py",
    ROOT / "docsite" / "paths.py",
    *sorted((ROOT / "hooks").glob("*.py")),
]
OWN = ("docsite.markdown", "docsite.diagrams.cache", "docsite.paths")


def imported(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names |= {f"{node.module}.{alias.name}" for alias in node.names} | {node.module}
    return names


def site_packages() -> set[str]:
    """Import names of every distribution requirements-site.txt installs."""
    pinned = {
        re.split(r"[=<>; ]", line, maxsplit=1)[0].lower().replace("_", "-")
        for line in (ROOT / "requirements-site.txt").read_text().splitlines()
        if line and line[0].isalpha()
    }
    return {
        module
        for module, dists in importlib.metadata.packages_distributions().items()
        if any(d.lower().replace("_", "-") in pinned for d in dists)
    }


def outside_the_build(source: str, allowed: set[str]) -> list[str]:
    wrong = []
    for name in sorted(imported(source)):
        top = name.split(".")[0]
        if top == "docsite":
            if (
                name != "docsite"
                and not name.startswith(OWN)
                and not any(own.startswith(name) for own in OWN)
            ):
                wrong.append(name)
        elif top not in sys.stdlib_module_names and top not in allowed and top != "__future__":
            wrong.append(name)
    return wrong


def test_the_build_imports_only_the_sites_packages_and_its_own_code():
    allowed = site_packages()
    found = {
        str(path.relative_to(ROOT)): wrong
        for path in BUILD_TIME
        if (wrong := outside_the_build(path.read_text(), allowed))
    }
    assert found == {}


def test_control_an_import_of_the_lab_or_the_docker_sdk_is_caught():
    allowed = site_packages()
    assert "markdown" in allowed and "pymdownx" in allowed
    source = (
        "import docker\nfrom docsite.engine import lab\nfrom docsite.markdown import includes\n"
    )
    assert outside_the_build(source, allowed) == ["docker", "docsite.engine", "docsite.engine.lab"]


def test_no_world_imports_the_tests_and_the_lab_imports_no_other_world():
    for path in sorted((ROOT / "docsite").rglob("*.py")):
        names = imported(path.read_text())
        assert not any(n.split(".")[0] in ("tests", "support") for n in names), path
        if "engine" in path.parts:
            others = [n for n in names if n.startswith(("docsite.examples", "docsite.browser"))]
            assert others == [], path


def test_shared_test_code_lives_in_support_never_in_a_test_module():
    def test_modules(source: str) -> set[str]:
        return {n.split(".")[0] for n in imported(source) if n.startswith("test_")}

    found = {
        path.name: test_modules(path.read_text())
        for path in sorted((ROOT / "tests").rglob("*.py"))
        if test_modules(path.read_text())
    }
    assert found == {}, "import it from tests/support/ instead"
    # Control: both ways of importing a test module are caught.
    assert test_modules("from test_phones import X\nimport test_browser\n") == {
        "test_phones",
        "test_browser",
    }
