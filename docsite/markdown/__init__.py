"""What the site's build loads (mkdocs.yml names each): Markdown extensions and fence formatters.

Build time only: these import nothing but the standard library, the site's own
packages (requirements-site.txt) and docsite.diagrams.cache (the committed SVGs),
so `make serve` needs neither Docker nor a browser. tests/test_architecture.py
checks it.
"""
