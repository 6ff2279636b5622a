"""The layer explorer: what each layer of a saved image adds, changes and deletes.

Reads the archive `docker save` writes (either image store's layout), applies
the layers in order as the OCI image-spec says, and renders the result as
Markdown for the explorer pages. The standard library only (and docsite.paths),
so the site's build can use it without the test tools.

- compression.py: a blob's compression, told from its first bytes
- archive.py: the saved archive, down to one image's manifest, config and layers
- entries.py: one layer's tar entries, with its diffID and sizes
- changes.py: whiteouts and opaque directories applied; added, changed, deleted
- history.py: the Dockerfile step behind each layer
- report.py: all of it as one JSON-ready document
- render.py: that document as the explorer's Markdown
- output.py: the JSON and Markdown files it writes, and reads back
"""
