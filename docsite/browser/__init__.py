"""What the browser tests and benchmarks share: which Chromium and its flags, a static
server for the built site, page-load accounting, and the environment mkdocs runs in."""
