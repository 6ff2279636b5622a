"""One line to the terminal, even under pytest's output capture."""

import sys


def say(line: str) -> None:
    sys.__stderr__.write(f"\n[docs-examples] {line}\n")
    sys.__stderr__.flush()
