"""Copy every benchmark's results file into its section of README.md.

    .venv/bin/python scripts/readme_results.py    (make readme-results)

A section is the text between `<!-- results:<name> -->` and
`<!-- /results:<name> -->`; its content becomes benchmarks/results/<name>.md
(docsite/results.py has the convention). tests/test_results.py fails when a
section and its file differ, so run this after a benchmark and commit both.
"""

from __future__ import annotations

import sys

from docsite.results import RESULTS, ROOT, filled

README = ROOT / "README.md"


def main() -> int:
    text = README.read_text(encoding="utf-8")
    new, missing = filled(text)
    if new != text:
        README.write_text(new, encoding="utf-8")
    print("README.md: results sections " + ("updated" if new != text else "already match"))
    if missing:
        names = ", ".join(f"{RESULTS}/{name}.md" for name in missing)
        sys.exit(
            f"README.md has results sections with no results file (run the benchmark): {names}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
