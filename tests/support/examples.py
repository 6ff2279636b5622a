"""Run one example file the way a reader would, and compare its output with the file.

`.console` transcripts are replayed command by command; `.py` scripts run under
pytest-examples, whose `#>` comments hold what each print() printed. Both pass
their output through the one normaliser the site documents
(snippets/about-examples/normalise.py). With `--update-examples` the files are
rewritten from the run instead of compared.
"""

from __future__ import annotations

import importlib.util
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytest_examples import CodeExample

from docsite import transcript

ROOT = Path(__file__).resolve().parents[2]
SNIPPETS = ROOT / "snippets"


def _load_normaliser():
    path = SNIPPETS / "about-examples" / "normalise.py"
    spec = importlib.util.spec_from_file_location("normalise", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.Normaliser


Normaliser = _load_normaliser()


@dataclass
class ExampleRunner:
    tmp_path: Path
    env: dict[str, str]
    update: bool
    monkeypatch: pytest.MonkeyPatch

    def workdir(self, snippet: Path) -> Path:
        """The example's folder in a scratch copy of snippets/: examples may change
        files, and may use a sibling page's files (`../worked-example/app`)."""
        work = self.tmp_path / "snippets"
        if not work.exists():
            shutil.copytree(SNIPPETS, work, ignore=shutil.ignore_patterns("__pycache__"))
        return work / snippet.parent.relative_to(SNIPPETS)

    def console(self, name: str) -> None:
        path = SNIPPETS / name
        recorded = path.read_text()
        ran = transcript.run(
            transcript.parse(recorded),
            cwd=self.workdir(path),
            env=self.env,
            normalise=Normaliser(),
        )
        actual = transcript.render(ran)
        if actual == recorded:
            return
        if self.update:
            path.write_text(actual)
            return
        pytest.fail(
            f"{name}: the output changed. If the change is right, rerun with "
            f"--update-examples to record it.\n{transcript.diff(path, recorded, actual)}",
            pytrace=False,
        )

    def python(self, name: str, eval_example) -> dict:
        path = SNIPPETS / name
        self.monkeypatch.chdir(self.workdir(path))
        example = CodeExample.create(path.read_text(), path=path)
        eval_example.print_callback = Normaliser()
        eval_example.set_config(line_length=88, target_version="py311")
        if self.update:
            eval_example.format(example)
            return eval_example.run_print_update(example)
        eval_example.lint(example)
        return eval_example.run_print_check(example)
