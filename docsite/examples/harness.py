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
import contextlib
import difflib
import importlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from docsite.examples import transcript
from docsite.markdown import includes
from docsite.paths import ROOT

DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
# Shown on a page, but not an example of Docker: the normaliser's own code
# (About the examples prints it; tests/test_about_examples.py tests it).
NOT_EXAMPLES = {"about-examples/normalise.py"}


# The normaliser is shown on a page, so it lives with the examples under
# snippets/; "about-examples" is not an identifier, hence import_module.
Normaliser = importlib.import_module("snippets.about-examples.normalise").Normaliser


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


def _where(example: Example, original: str, ran: str, error: BaseException) -> str:
    """`snippets/x.py:LINE: the line: TypeError: ...`, LINE counted in the file with its outputs."""
    lines = original.splitlines()
    to_original = (
        list(range(1, len(lines) + 1))
        if ran.count("\n") == original.count("\n")
        else [n for n, line in enumerate(lines, start=1) if not OUTPUT.match(line)]
    )
    line_no, tb = None, error.__traceback__
    while tb is not None:  # walked by hand: the frames are the example's, not a real file's
        if (
            tb.tb_frame.f_code.co_filename.endswith(".py")
            and tb.tb_frame.f_globals.get("__name__") == "__main__"
        ):
            line_no = tb.tb_lineno
        tb = tb.tb_next
    if line_no is None or line_no > len(to_original):
        return f"snippets/{example.name}: {type(error).__name__}: {error}"
    number = to_original[line_no - 1]
    where = f"snippets/{example.name}:{number}: `{lines[number - 1].strip()}`"
    return f"{where}\n{type(error).__name__}: {error}"


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
OUTPUT = re.compile(r"^(\s*#> ?)(.*)$")


def without_outputs(source: str) -> str:
    """The script with every `#>` output line taken out."""
    return "".join(line for line in source.splitlines(keepends=True) if not OUTPUT.match(line))


def run_python(example: Example, eval_example, *, update: bool) -> None:
    """Run the script with pytest-examples' public API: `run_print_check` compares
    each print that ran with the `#>` lines under it, both sides normalised;
    `run_print_update` (--update-examples) writes the raw outputs. Because
    pytest-examples ignores `#>` lines under a print that never ran (or under no
    print at all), `_unprinted` checks those afterwards."""
    from pytest_examples import CodeExample
    from pytest_examples.lint import black_format, ruff_format

    original = example.path.read_text()
    _reject_block_outputs(example, original)
    eval_example.set_config(line_length=100, target_version="py311")
    printed = _PrintRecorder()
    eval_example.include_print = printed
    if update:
        eval_example.print_callback = None  # raw output: the page shows what was printed
        # Formatted here, not with eval_example.format(): that one is written at
        # the end of the session too, over the outputs run_print_update writes.
        code = CodeExample.create(original, path=example.path)
        formatted = black_format(
            ruff_format(code, eval_example.config), eval_example.config, remove_double_blank=True
        )
        if formatted != original:
            example.path.write_text(formatted)
            original = formatted
        # The bare script replaces the whole file when the session ends.
        bare = CodeExample.create(
            without_outputs(original), path=example.path, end_index=len(original)
        )
        with _reported(example, original, ran=bare.source):
            eval_example.run_print_update(bare)
        return
    eval_example.lint(CodeExample.create(original, path=example.path))
    eval_example.print_callback = printed.normalised
    checked = CodeExample.create(_normalise_outputs(original), path=example.path)
    with _reported(example, original, ran=checked.source):
        try:
            eval_example.run_print_check(checked)
        except pytest.fail.Exception as changed:
            raise OutputChanged(
                f"snippets/{example.name}: the output changed (normalised, as pytest-examples "
                f"shows it). If the change is right, rerun with --update-examples.\n{changed}"
            ) from None
    unprinted = _unprinted(original, printed.lines)
    if unprinted:
        raise OutputChanged(
            f"snippets/{example.name}: recorded, but no print above it ran:\n"
            + "\n".join(
                f"  snippets/{example.name}:{n}: {original.splitlines()[n - 1].strip()}"
                for n in unprinted
            )
        )


class _PrintRecorder:
    """pytest-examples' `include_print` hook: keeps which lines printed what, in
    the order they ran. Its `normalised` is the `print_callback`, called while
    the outputs are inserted (bottom up); on the first call it numbers the IDs in
    the order of the file, as `_normalise_outputs` does for the recorded side.
    pytest-examples passes each argument of a print on its own, so an example
    prints one string where the spacing between its parts matters."""

    def __init__(self) -> None:
        self.calls: list[tuple[int, str]] = []
        self._normaliser = None

    def __call__(self, file: Path, frame, args) -> bool:
        if not file.samefile(frame.filename):
            return False
        self.calls.append((frame.lineno, " ".join(map(str, args))))
        return True

    @property
    def lines(self) -> set[int]:
        return {line for line, _ in self.calls}

    def normalised(self, text: str) -> str:
        if self._normaliser is None:
            self._normaliser = Normaliser()
            for _, printed in sorted(self.calls, key=lambda call: call[0]):
                self._normaliser(printed)
        return self._normaliser(text)


def _normalise_outputs(source: str) -> str:
    """The script with its `#>` lines normalised in the order of the file."""
    lines = source.splitlines(keepends=True)
    at = [n for n, line in enumerate(lines) if OUTPUT.match(line)]
    if not at:
        return source
    normalised = Normaliser()("\n".join(OUTPUT.match(lines[n]).group(2) for n in at)).split("\n")
    if len(normalised) != len(at):
        raise ValueError("the normaliser changed the number of recorded lines")
    for n, text in zip(at, normalised, strict=True):
        end = "\n" if lines[n].endswith("\n") else ""
        lines[n] = OUTPUT.match(lines[n]).group(1) + text + end
    return "".join(lines)


def _unprinted(source: str, printed_lines: set[int]) -> list[int]:
    """Line numbers of `#>` lines whose print, right above them, never ran."""
    prints = {
        node.end_lineno: range(node.lineno, node.end_lineno + 1)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Call)
        and getattr(node.value.func, "id", None) == "print"
    }
    unprinted, above = [], 0
    for number, line in enumerate(source.splitlines(), start=1):
        if not OUTPUT.match(line):
            above = number
            continue
        if not printed_lines.intersection(prints.get(above, ())):
            unprinted.append(number)
    return unprinted


@contextlib.contextmanager
def _reported(example: Example, original: str, *, ran: str):
    """An exception from the script becomes ExampleFailed naming its line."""
    try:
        yield
    except OutputChanged:
        raise
    except Exception as error:  # noqa: BLE001 - reported as this example's failure
        raise ExampleFailed(_where(example, original, ran, error)) from None


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
