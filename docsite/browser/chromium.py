"""Which Chromium to drive, and how: shared by the browser tests
(tests/support/site.py) and benchmarks/page_weight.py, so both measure the same
browser the same way."""

from __future__ import annotations

import os
import shutil

# --no-sandbox: Chromium will not start its sandbox as root, as in a container.
# --disable-background-networking: Chromium's own requests (updates, safe
# browsing) would be counted with the page's.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def chromium_path() -> str | None:
    """Debian's chromium here; Google Chrome on GitHub's runners; $CHROMIUM wins."""
    for candidate in (os.environ.get("CHROMIUM"), "chromium", "google-chrome"):
        if candidate and (found := shutil.which(candidate)):
            return found
    return None
