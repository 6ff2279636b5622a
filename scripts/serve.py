"""`make serve`: check the port, then hand over to `mkdocs serve`.

    python scripts/serve.py [--port 8000] [mkdocs serve options...]

mkdocs serve answers a port already in use with a Python traceback; this says
so in one line and exits 1 before starting it. The check binds the port the
way the server will (127.0.0.1:PORT), so it asks the same question.
"""

from __future__ import annotations

import argparse
import errno
import os
import socket
import sys


def port_problem(port: int) -> str | None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return (
                    f"Port {port} is in use (another `make serve`?): "
                    f"pick another one with PORT={port + 1} make serve"
                )
            return f"Cannot serve on 127.0.0.1:{port}: {error.strerror}"
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    args, rest = parser.parse_known_args()
    problem = port_problem(args.port)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    mkdocs = os.path.join(os.path.dirname(sys.executable), "mkdocs")
    command = [mkdocs, "serve", "--dev-addr", f"127.0.0.1:{args.port}", *rest]
    os.execv(mkdocs, command)


if __name__ == "__main__":
    sys.exit(main())
