"""Add the pages and heading anchors the site now publishes to tests/link_contract.txt.

Usage: make link-contract          (existing entries are kept; a broken one still fails)
       make link-contract-reset    (only before the site is first published: rewrite it)
"""

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from docsite.browser.mkdocs_env import mkdocs_env
from docsite.paths import ROOT
from docsite.published import link_contract as lc


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reset", action="store_true", help="rewrite from the current build")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as site:
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", site],
            cwd=ROOT,
            env=mkdocs_env(),
            check=True,
            capture_output=True,
        )
        now = lc.published(Path(site))
    before = lc.read()
    lc.write(now if args.reset else before + now)
    print(f"{lc.CONTRACT.relative_to(ROOT)}: {len(set(lc.read()) - set(before))} entries added")
    return 0


if __name__ == "__main__":
    sys.exit(main())
