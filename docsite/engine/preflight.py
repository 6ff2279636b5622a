"""Can the lab run here? One answer in one line, before anything is downloaded.

Every missing tool is named at once (not one per attempt), with the Debian
package that brings it.
"""

from __future__ import annotations

import os
import shutil

# tool -> the Debian/Ubuntu package that has it
TOOLS = {
    "runc": "runc",
    "ip": "iproute2",
    "dpkg-deb": "dpkg",
    "mmdebstrap": "mmdebstrap",
    "unshare": "util-linux",
}


def host_path() -> str:
    """PATH with the sbin folders, where ip and friends live for root."""
    return os.environ.get("PATH", "") + ":/usr/sbin:/sbin"


def missing_tools(path: str | None = None) -> list[str]:
    return [tool for tool in TOOLS if not shutil.which(tool, path=path or host_path())]


def why_not_here(path: str | None = None) -> str | None:
    """None if the lab can run on this machine, else the reason in one line."""
    if os.uname().sysname != "Linux":
        return "the examples' private Docker Engine needs Linux (it runs dockerd itself)"
    if os.geteuid() != 0:
        return "the examples' private Docker Engine needs root (run the tests as root, e.g. sudo)"
    if os.uname().machine != "x86_64":
        return "engine/packages.lock pins amd64 packages; this machine is " + os.uname().machine
    missing = missing_tools(path)
    if missing:
        packages = " ".join(sorted({TOOLS[tool] for tool in missing}))
        return (
            f"the examples' private Docker Engine needs {', '.join(missing)} "
            f"(apt-get install {packages})"
        )
    return None
