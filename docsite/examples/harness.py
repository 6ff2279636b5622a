"""Find every example the pages show, run it, and compare its output with the file.

Discovery: an example is a `.console` transcript or a `.py` script under
snippets/ that a page pulls in with `--8<--` (directly, or through a fragment it
includes). Nothing keeps a list by hand: a new example on a page is run because
the page shows it, and an example file no page shows is an error.

`<name>.console` runs on the containerd image store; `<name>.classic.console`
runs the same commands on the classic overlay2 store (the pages show both where
the stores differ in what the site teaches).

Comparison: the page shows the recorded output exactly as it was printed. The
run's output and the recorded one both go through the site's one normaliser
(snippets/about-examples/normalise.py) and must then be equal. With
`--update-examples` the file is rewritten with the run's raw output instead.
"""

from __future__ import annotations

import ast
import difflib
import importlib.util
import re
from dataclasses import dataclass, field
from pathlib import Path

from docsite.examples import transcript
from docsite.markdown import includes
from docsite.paths import ROOT

DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
# Shown on a page, but not an example of Docker: the normaliser's own code
# (About the examples prints it; tests/test_about_examples.py tests it).
NOT_EXAMPLES = {"about-examples/normalise.py"}


def _load_normaliser():
    path = SNIPPETS / "about-examples" / "normalise.py"
    spec = importlib.util.spec_from_file_location("normalise", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.Normaliser


Normaliser = _load_normaliser()


@dataclass(frozen=True, order=True)
class Example:
    name: str  # path under snippets/, e.g. "images/layers.console"
    snippets: Path = field(default=SNIPPETS, compare=False)  # a scratch copy's, in controls

    @property
    def path(self) -> Path:
        return self.snippets / self.name

    @property
    def kind(self) -> str:
        return "python" if self.name.endswith(".py") else "console"

    @property
    def store(self) -> str:
        return "classic" if self.name.endswith(".classic.console") else "containerd"

    def __str__(self) -> str:
        return self.name


def included(docs: Path = DOCS, snippets: Path = SNIPPETS) -> dict[str, set[str]]:
    """Every snippet file the pages pull in, and the pages that show it."""
    shown: dict[str, set[str]] = {}

    def follow(text: str, page: str) -> None:
        for _, name in includes.includes(text):
            if name in shown.setdefault(name, set()) or page in shown[name]:
                continue
            shown[name].add(page)
            path = snippets / name
            if path.suffix == ".md" and path.exists():
                follow(path.read_text(), page)

    for page in sorted(docs.rglob("*.md")):
        follow(page.read_text(), str(page.relative_to(docs)))
    return shown


def missing_includes(docs: Path = DOCS) -> list[str]:
    """`docs/page.md:LINE: --8<-- "x": no such file under snippets/`, for each one."""
    return [
        problem
        for page in sorted(docs.rglob("*.md"))
        for problem in includes.missing(page.read_text(), f"docs/{page.relative_to(docs)}")
    ]


def is_example(name: str, snippets: Path = SNIPPETS) -> bool:
    """A transcript, or a script that is not part of a build context (a program
    next to a Dockerfile, such as the worked example's app.py, runs in the image)."""
    path = snippets / name
    if name in NOT_EXAMPLES or "__pycache__" in path.parts:
        return False
    if path.suffix == ".py":
        return not (path.parent / "Dockerfile").exists()
    return path.suffix == ".console"


def discover(docs: Path = DOCS, snippets: Path = SNIPPETS) -> list[Example]:
    """The examples the pages show, sorted by name."""
    return sorted(
        Example(name, snippets) for name in included(docs, snippets) if is_example(name, snippets)
    )


def unshown(docs: Path = DOCS, snippets: Path = SNIPPETS) -> list[str]:
    """Example files under snippets/ that no page shows."""
    shown = included(docs, snippets)
    names = {str(p.relative_to(snippets)) for p in snippets.rglob("*") if p.is_file()}
    return sorted(n for n in names - set(shown) if is_example(n, snippets))


# ------------------------------------------------------------------ comparing
class OutputChanged(AssertionError):
    pass


class ExampleFailed(AssertionError):
    """An example script raised: reported with its line in the file as the page shows it.
    (pytest-examples' rewritten tracebacks made pytest's own report crash with an
    INTERNALERROR, which stopped the whole run.)"""


def _where(example: Example, original: str, error: BaseException) -> str:
    """`snippets/x.py:LINE: the line: TypeError: ...`, LINE counted in the file with its outputs."""
    bare_to_original = [
        number
        for number, line in enumerate(original.splitlines(), start=1)
        if not OUTPUT.match(line)
    ]
    line_no, tb = None, error.__traceback__
    while tb is not None:  # walked by hand: the frames are the example's, not a real file's
        if (
            tb.tb_frame.f_code.co_filename.endswith(".py")
            and tb.tb_frame.f_globals.get("__name__") == "__main__"
        ):
            line_no = tb.tb_lineno
        tb = tb.tb_next
    if line_no is None or line_no > len(bare_to_original):
        return f"snippets/{example.name}: {type(error).__name__}: {error}"
    number = bare_to_original[line_no - 1]
    text = original.splitlines()[number - 1].strip()
    return f"snippets/{example.name}:{number}: `{text}`\n{type(error).__name__}: {error}"


def compare(name: str, recorded: str, actual: str) -> None:
    """Raise OutputChanged with a diff unless both are equal once normalised; the
    message names each recorded line this run did not print, by its line number."""
    expected, got = Normaliser()(recorded), Normaliser()(actual)
    if expected == got:
        return
    old, new = expected.splitlines(keepends=True), got.splitlines(keepends=True)
    diff = "".join(
        difflib.unified_diff(
            old,
            new,
            fromfile=f"snippets/{name} (recorded, normalised)",
            tofile=f"snippets/{name} (this run, normalised)",
        )
    )
    unprinted = [
        f"  snippets/{name}:{number + 1}: {old[number].strip()}"
        for tag, i1, i2, _, _ in difflib.SequenceMatcher(None, old, new).get_opcodes()
        if tag in ("delete", "replace")
        for number in range(i1, i2)
    ]
    raise OutputChanged(
        f"snippets/{name}: the output changed. If the change is right, rerun with "
        "--update-examples to record it.\nRecorded, but not printed by this run:\n"
        + "\n".join(unprinted)
        + f"\n{diff}"
    )


def run_console(example: Example, *, cwd: Path, env: dict[str, str], update: bool) -> None:
    recorded = example.path.read_text()
    steps = transcript.parse(recorded, example.name)
    ran = transcript.run(steps, cwd=cwd, env=env, name=example.name)
    settle(example, recorded, transcript.render(ran), update=update)


def settle(example: Example, recorded: str, actual: str, *, update: bool) -> None:
    """Record the run's output (--update-examples), or compare it with the file."""
    if not update:
        compare(example.name, recorded, actual)
    elif actual != recorded:
        example.path.write_text(actual)


# ------------------------------------------------------------------ Python scripts
OUTPUT = re.compile(r"^\s*#> ?")


def without_outputs(source: str) -> str:
    """The script with every `#>` output line taken out."""
    return "".join(line for line in source.splitlines(keepends=True) if not OUTPUT.match(line))


def run_python(example: Example, eval_example, *, update: bool) -> None:
    """Run the script under pytest-examples with every recorded output removed,
    let pytest-examples write the outputs of the prints that ran, and compare
    that with the file. So a `#>` under a print that never ran, or one with no
    print above it, shows up as a difference naming its line."""
    from pytest_examples import CodeExample
    from pytest_examples.lint import black_format, ruff_format

    original = example.path.read_text()
    _reject_block_outputs(example, original)
    eval_example.set_config(line_length=100, target_version="py311")
    eval_example.print_callback = None  # raw output: the page shows what was printed
    if update:
        # Formatted here, not with eval_example.format(): that one rewrites the
        # file at the end of the session, over the outputs written below.
        formatted = ruff_format(
            CodeExample.create(original, path=example.path), eval_example.config
        )
        formatted = black_format(formatted, eval_example.config, remove_double_blank=True)
        if formatted != original:
            example.path.write_text(formatted)
            original = formatted
    else:
        eval_example.lint(CodeExample.create(original, path=example.path))
    bare = CodeExample.create(without_outputs(original), path=example.path)
    # pytest-examples' own runner (pinned version): runs the file with print()
    # recorded, then writes each print's output under it as `#>` lines.
    try:
        inserter, _ = eval_example._run(bare, "update", None, True, None)
    except Exception as error:  # noqa: BLE001 - reported as this example's failure
        raise ExampleFailed(_where(example, original, error)) from None
    settle(example, original, inserter._insert_print_statements(bare), update=update)


def _reject_block_outputs(example: Example, source: str) -> None:
    """pytest-examples writes an output too long for `#>` lines as a
    triple-quoted string after the print; the runner cannot strip those, so
    an example keeps each printed line short instead."""
    for node in ast.walk(ast.parse(source)):
        body = getattr(node, "body", None)
        if not isinstance(body, list):
            continue
        for before, after in zip(body, body[1:], strict=False):
            is_print = (
                isinstance(before, ast.Expr)
                and isinstance(before.value, ast.Call)
                and getattr(before.value.func, "id", None) == "print"
            )
            is_text = isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)
            if is_print and is_text and isinstance(after.value.value, str):
                raise OutputChanged(
                    f"snippets/{example.name}:{after.lineno}: a printed output in a "
                    "triple-quoted block; print shorter lines (one `#>` line each)"
                )
