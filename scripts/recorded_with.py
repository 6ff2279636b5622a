"""Write the recorded-with fragments from the lab's engine (part of `make re-record`)."""

import sys

from docsite.engine import lab
from docsite.examples import recorded_with


def main() -> int:
    with lab.lab() as running:
        recorded_with.write(running.engine.version())
    print("wrote", ", ".join(path.name for path in recorded_with.FILES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
