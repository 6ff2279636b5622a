"""Offer each page's example files as a zip (docsite/markdown/example_files.py).

A hook, because both halves need MkDocs' own objects: the zips are files of the
site (on_files adds them, so `mkdocs serve` serves them and the strict build
checks every link to one), and the line that links a zip is relative to the
page being rendered (on_page_markdown).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

from docsite.markdown import example_files


def _snippets(config) -> Path:
    # pymdownx.snippets' first base path, as mkdocs.yml sets it (a scratch copy's own).
    return Path(config["mdx_configs"]["pymdownx.snippets"]["base_path"][0])


def on_files(files, config):
    snippets = _snippets(config)
    folders = sorted(
        {
            folder
            for page in files.documentation_pages()
            for folder in example_files.example_folders(page.content_string, snippets)
        }
    )
    for folder in folders:
        files.append(
            File.generated(
                config,
                example_files.zip_path(folder),
                content=example_files.zip_bytes(folder, snippets),
            )
        )
    return files


def on_page_markdown(markdown, page, config, files):
    language = config["theme"]["language"]
    return example_files.with_offers(markdown, page.file.src_uri, _snippets(config), language)
