"""Serve a built MkDocs site on 127.0.0.1 the way a static host does.

A plain http.server answers an unknown path with its own error page; static hosts
(GitHub Pages, Netlify, ...) answer it with the site's 404.html, which is what a
reader arriving from a stale link sees. This server does the same. Used by the
site tests (tests/support/site.py) and benchmarks/page_weight.py.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass  # one line per request would bury the test output


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` on a free port; yield its base URL, ending in '/'."""
    handler = functools.partial(_SiteHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
