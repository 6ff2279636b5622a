"""make zh-diff PAGE=<page>: the English changes the Chinese page is behind on.
make zh-stamp PAGE=<page>: record that docs-zh/<page>.md now translates the
current docs/<page>.md (after translating it)."""

from __future__ import annotations

import argparse

from docsite import translation


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("command", choices=["diff", "stamp"])
    parser.add_argument("page", help="the page's path under docs/ without .md, e.g. start")
    args = parser.parse_args()
    page = args.page.removesuffix(".md")
    if args.command == "diff":
        print(translation.english_diff(page))
        return
    zh = translation.DOCS_ZH / f"{page}.md"
    english = (translation.DOCS / f"{page}.md").read_text(encoding="utf-8")
    zh.write_text(translation.stamp(zh.read_text(encoding="utf-8"), english), encoding="utf-8")
    print(
        f"docs-zh/{page}.md: stamped with docs/{page}.md's "
        f"{len(translation.hashes(english))} sections."
    )


if __name__ == "__main__":
    main()
