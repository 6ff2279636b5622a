"""Move engine/packages.lock to the newest versions in Debian testing.

Superseded versions leave Debian's pool, so a pinned engine eventually cannot be
downloaded. This reads testing's package index, writes the newest version, pool
path and SHA-256 of each pinned package into the lock, and says what changed.
Then re-record the examples (`make re-record`) and review the diff.
"""

from __future__ import annotations

import lzma
import sys
import urllib.request

from docsite.engine.packages import LOCK, MIRROR, packages

INDEX = f"{MIRROR}/dists/testing/main/binary-amd64/Packages.xz"


def newest() -> dict[str, dict[str, str]]:
    with urllib.request.urlopen(INDEX, timeout=120) as response:
        text = lzma.decompress(response.read()).decode()
    found: dict[str, dict[str, str]] = {}
    for stanza in text.split("\n\n"):
        fields = dict(
            line.split(": ", 1) for line in stanza.splitlines() if ": " in line and line[0] != " "
        )
        if "Package" in fields:
            found[fields["Package"]] = fields
    return found


def main() -> int:
    index = newest()
    header = [line for line in LOCK.read_text().splitlines() if line.startswith("#")]
    rows, changed = [], []
    for package in packages():
        entry = index.get(package.name)
        if entry is None:
            print(f"{package.name}: not in testing any more; keeping {package.version}")
            rows.append(package)
            continue
        if entry["Version"] != package.version:
            changed.append(f"{package.name} {package.version} -> {entry['Version']}")
        rows.append(
            type(package)(package.name, entry["Version"], entry["Filename"], entry["SHA256"])
        )
    body = [f"{p.name:<18} {p.version:<16} {p.pool_path:<68} {p.sha256}" for p in rows]
    LOCK.write_text("\n".join(header + body) + "\n")
    print("\n".join(changed) or "engine/packages.lock is already the newest in testing")
    if changed:
        print("Now re-record the examples: make re-record")
    return 0


if __name__ == "__main__":
    sys.exit(main())
