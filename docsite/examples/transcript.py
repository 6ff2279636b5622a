"""Recorded CLI transcripts (`snippets/<page>/<example>.console`): parse and replay.

A transcript is what a terminal shows: a line starting with `$ ` is a command (a
trailing backslash continues it on the next line); the lines after it, up to the
next command, are what it printed (stdout and stderr, as a terminal interleaves
them). The page shows the file as it is; the tests run every command in order
and compare what it printed with what the file says, both normalised.

A command that exits with an error must say so with a comment the reader sees,
`# fails: <why>`; one that fails without it, or has it and succeeds, fails the
test, so an error can never hide in a recorded output.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

PROMPT = "$ "
_quote = "'"
EXPECTS_FAILURE = re.compile(r"#\s*fails\b")
# Colour and style codes (SGR): a terminal draws them, it does not print them.
# buildx colours its "N warnings found" line whether or not it writes to a
# terminal (commands/build.go, printWarnings), so the recording keeps what a
# reader sees, the text.
TERMINAL_STYLE = re.compile(r"\x1b\[[0-9;]*m")


@dataclass
class Step:
    command: str
    output: list[str] = field(default_factory=list)
    line: int = 0  # where the command starts in its file, from 1

    def render(self) -> str:
        first, *rest = self.command.split("\n")
        lines = [PROMPT + first, *rest, *self.output]
        return "\n".join(lines)


def parse(text: str, name: str = "<transcript>") -> list[Step]:
    """The transcript's steps; a malformed one raises Malformed naming file and line."""
    steps: list[Step] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith(PROMPT):
            start = i + 1
            command = [line[len(PROMPT) :]]
            while command[-1].endswith("\\") and i + 1 < len(lines):
                i += 1
                command.append(lines[i])
            steps.append(Step("\n".join(command), line=start))
        elif steps:
            steps[-1].output.append(line)
        elif line.strip():
            raise Malformed(f"snippets/{name}:{i + 1}: output before the first command: {line!r}")
        i += 1
    return steps


def render(steps: list[Step]) -> str:
    return "\n".join(step.render() for step in steps) + "\n"


def run(
    steps: list[Step],
    *,
    cwd: Path,
    env: dict[str, str],
    name: str = "<transcript>",
    timeout: float = 300,
) -> list[Step]:
    """Run every command in order with bash; return the steps with what they printed.
    Raises CommandFailed, naming the file and line, when a command's exit status
    is not the one it declares or it does not finish in `timeout` seconds.

    Each command runs in a new bash, which starts where the previous one ended, as
    in one terminal: in its directory, with the variables it set (a reader's
    `digest=$(...)` is there for the next command)."""
    ran = []
    full_env = {**os.environ, **env}
    with tempfile.TemporaryDirectory(prefix="transcript-") as folder:
        state = Path(folder) / "state.sh"
        for step in steps:
            where = f"snippets/{name}:{step.line}"
            first = step.command.splitlines()[0]
            script = (
                f'set -a; [ -f "{state}" ] && . "{state}" 2>/dev/null\n'
                f"{step.command}\n"
                # The shell's state for the next command (readonly variables excluded).
                f'__rc=$?; echo "cd {_quote}$PWD{_quote}" > "{state}"; '
                f"export -p | grep -vE '^declare -[a-zA-Z]*r' >> \"{state}\"; exit $__rc"
            )
            try:
                result = subprocess.run(
                    ["bash", "-o", "pipefail", "-c", script],
                    cwd=cwd,
                    env=full_env,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,
                    text=True,
                    timeout=timeout,
                )
            except subprocess.TimeoutExpired:
                raise CommandFailed(f'{where}: "{first}" did not finish in {timeout:g} s') from None
            lines = [TERMINAL_STYLE.sub("", line).rstrip() for line in result.stdout.splitlines()]
            ran.append(Step(step.command, lines, step.line))
            expected = bool(EXPECTS_FAILURE.search(step.command.split("\n")[-1]))
            if (result.returncode != 0) != expected:
                said = "exited with status" if result.returncode else "succeeded (status"
                raise CommandFailed(
                    f'{where}: "{first}" {said} {result.returncode}'
                    + (")" if not result.returncode else "")
                    + (
                        " but is marked `# fails`"
                        if expected
                        else "; mark it `# fails: <why>` if that is the point"
                    )
                    + ". It printed:\n"
                    + "\n".join(lines[-20:])
                )
    return ran


class CommandFailed(Exception):
    pass


class Malformed(ValueError):
    pass
