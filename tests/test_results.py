"""Measured figures are typed by no one: each benchmark writes its results file
(benchmarks/results/<name>.md), pages include it, and the README's copy between
`<!-- results:<name> -->` markers must match it (docsite/results.py)."""

from __future__ import annotations

import re
import shutil

from support.site import ROOT

from docsite import results


def readme_problems(root) -> list[str]:
    text = (root / "README.md").read_text(encoding="utf-8")
    expected, missing = results.filled(text, root)
    problems = [
        f"README.md names {results.RESULTS}/{name}.md, which does not exist" for name in missing
    ]
    for have, want in zip(results.sections(text), results.sections(expected), strict=True):
        if have[0] != want[0]:
            problems.append(
                f"README.md's results:{have['name']} section differs from "
                f"{results.RESULTS}/{have['name']}.md: run `make readme-results`"
            )
    return problems


def test_every_readme_results_section_matches_its_file():
    assert results.sections((ROOT / "README.md").read_text()), "no results sections in README.md"
    assert not readme_problems(ROOT), "\n".join(readme_problems(ROOT))


def test_every_results_file_comes_from_a_benchmark_and_says_how():
    for path in sorted((ROOT / results.RESULTS).glob("*.md")):
        assert (ROOT / "benchmarks" / f"{path.stem}.py").is_file(), f"{path.name}: no benchmark"
        assert re.search(r"^Measured \S+ on .+, with `.+`\.$", path.read_text(), re.M), path


def _copy(tmp_path):
    root = tmp_path / "project"
    (root / results.RESULTS).mkdir(parents=True)
    shutil.copy(ROOT / "README.md", root / "README.md")
    shutil.copytree(ROOT / results.RESULTS, root / results.RESULTS, dirs_exist_ok=True)
    return root


def test_a_changed_readme_figure_fails(tmp_path):
    root = _copy(tmp_path)
    readme = root / "README.md"
    text = readme.read_text()
    section, figure = next(
        (s, f) for s in results.sections(text) if (f := re.search(r"\d+\.\d+", s["body"]))
    )
    start = section.start("body") + figure.start()
    digit = str((int(text[start]) + 1) % 10)
    readme.write_text(text[:start] + digit + text[start + 1 :])
    assert any(section["name"] in p for p in readme_problems(root)), readme_problems(root)


def test_a_marker_naming_a_missing_results_file_fails(tmp_path):
    root = _copy(tmp_path)
    readme = root / "README.md"
    readme.write_text(
        readme.read_text() + "\n<!-- results:no_such_bench -->\n<!-- /results:no_such_bench -->\n"
    )
    assert any("no_such_bench.md" in p for p in readme_problems(root)), readme_problems(root)
