"""The site as a whole: a clean build, every page in the nav, nothing from elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation
from support.offline import check_css, check_html, check_js, check_site
from support.site import ROOT, build, scratch_copy


def test_build_is_strict_and_warning_free(built_site):
    # The fixture fails with the whole log on any warning; here: it produced pages.
    log = (built_site.parent / "build.log").read_text()
    assert "WARNING" not in log and "ERROR" not in log, log
    assert (built_site / "index.html").is_file()
    assert (built_site / "404.html").is_file()


@pytest.mark.parametrize("home", ["index.html", "zh/index.html"])
def test_the_footer_names_both_licences(built_site, home):
    footer = (built_site / home).read_text(encoding="utf-8").split('class="md-copyright"')[1]
    for licence in ("creativecommons.org/licenses/by/4.0", "opensource.org/license/mit"):
        assert licence in footer.split("</div>")[0], f"{home}: no link to {licence} in the footer"


def _nav_pages() -> set[str]:
    config = load_config(str(ROOT / "mkdocs.yml"))
    nav = get_navigation(get_files(config), config)
    return {page.file.src_uri for page in nav.pages}


def test_every_page_is_in_the_nav():
    docs = ROOT / "docs"
    pages = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    missing = sorted(pages - _nav_pages())
    assert not missing, f"pages under docs/ that no reader can navigate to: {missing}"


def test_nothing_a_reader_loads_comes_from_another_origin(built_site):
    found = check_site(built_site)
    assert not found, "references to other origins:\n" + "\n".join(found)


# The checker itself, on input known to be bad or fine: a checker that finds
# nothing on a real Material default page would make the test above worthless.
GOOGLE_FONTS = (
    '<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>'
    '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
)


def test_checker_flags_google_fonts():
    found = check_html(GOOGLE_FONTS)
    assert len(found) == 2, found
    assert "fonts.googleapis.com" in found[1]


def test_checker_flags_scripts_images_styles_and_mermaid():
    html = (
        '<script src="//cdn.example.org/x.js"></script>'
        '<img srcset="a.png 1x, https://img.example.org/b.png 2x">'
        "<div style=\"background: url('https://img.example.org/c.png')\"></div>"
        "<style>@import 'https://example.org/d.css';</style>"
        '<pre class="mermaid">graph LR; a--&gt;b</pre>'
        '<a data-md-component="source" href="https://github.com/o/r">repo</a>'
    )
    found = check_html(html)
    assert len(found) == 6, found


def test_checker_flags_css_and_js():
    assert check_css("@font-face{src:url(https://fonts.gstatic.com/s/r.woff2)}")
    assert check_css('@import url("https://example.org/a.css");')
    assert check_js('s.src="https://cdn.jsdelivr.net/npm/mermaid/dist/mermaid.min.js"')


def test_checker_passes_links_and_local_files():
    html = (
        '<a href="https://docs.docker.com/">Docker docs</a>'
        '<link rel="canonical" href="https://example.org/images/">'
        '<link rel="stylesheet" href="assets/main.css">'
        '<img src="data:image/png;base64,AAAA">'
        '<svg><use href="#icon"></use><rect style="fill:url(#grad)"/></svg>'
    )
    assert check_html(html) == []
    assert check_js('const ns = "http://www.w3.org/2000/svg"') == []


def test_checker_reads_a_whole_site(tmp_path: Path):
    (tmp_path / "index.html").write_text(GOOGLE_FONTS)
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "a.css").write_text("body{background:url(//x.example/a.png)}")
    assert len(check_site(tmp_path)) == 3


# A mistake in a page fails the strict build, and the message names the file.
BROKEN = {
    "a missing snippet": ('--8<-- "images/no-such-example.console"', "no-such-example.console"),
    "a broken link": ("[gone](no-such-page.md)", "no-such-page.md"),
    "an unknown anchor": ("[gone](lifecycle.md#no-such-heading)", "no-such-heading"),
    # hooks/rendering_checks.py: Markdown that renders as broken text.
    "a footnote mark starting a paragraph": (
        "[^control] opens this paragraph.\n\n[^control]: A note.",
        "starts with a footnote mark",
    ),
    "a list broken by an include": (
        '- one\n  --8<-- "facts/tmpfs.md"\n  [^control]\n- two\n\n[^control]: A note.',
        "a broken list",
    ),
    "an escape character": ("\x1b[33mwarning\x1b[0m", "terminal escape character"),
}


# Each mistake but the missing snippet (which stops the build at once) in a page
# of its own, all in one build: a strict build reports every warning first.
PAGE_OF = {
    "a broken link": "images.md",
    "an unknown anchor": "containers.md",
    "a footnote mark starting a paragraph": "lifecycle.md",
    "a list broken by an include": "registries.md",
    "an escape character": "start.md",
}


@pytest.fixture(scope="module")
def broken_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("broken")
    project = scratch_copy(folder / "project")
    for mistake, name in PAGE_OF.items():
        page = project / "docs" / name
        page.write_text(page.read_text() + f"\n{BROKEN[mistake][0]}\n")
    return build(folder / "site", project, chinese=False)


@pytest.mark.parametrize("mistake", PAGE_OF)
def test_a_mistake_in_a_page_fails_the_build_and_names_it(mistake, broken_build):
    named, page = BROKEN[mistake][1], PAGE_OF[mistake]
    assert broken_build.returncode != 0, f"{mistake} did not fail the build"
    lines = [line for line in broken_build.stdout.splitlines() if named in line]
    assert any(page in line for line in lines), f"no line names {page}:\n{broken_build.stdout}"


def test_a_missing_snippet_fails_the_build_and_names_it(tmp_path):
    line, named = BROKEN["a missing snippet"]
    project = scratch_copy(tmp_path / "project")
    page = project / "docs" / "images.md"
    page.write_text(page.read_text() + f"\n{line}\n")
    result = build(tmp_path / "site", project, chinese=False)
    assert result.returncode != 0, f"a missing snippet did not fail the build:\n{result.stdout}"
    assert named in result.stdout, result.stdout  # snippets names the snippet, not the page


def test_the_untouched_scratch_copy_builds(tmp_path):
    """The control for the test above: the copy itself builds strictly."""
    project = scratch_copy(tmp_path / "project")
    result = build(tmp_path / "site", project)
    assert result.returncode == 0, result.stdout


def test_a_scratch_copy_builds_its_own_snippets(tmp_path):
    """A snippet deleted in the copy fails the copy's build, naming the file,
    although the repository (the working directory of every build) still has it:
    snippet paths resolve from mkdocs.yml's directory, not the working directory."""
    snippet = "images/layers.console"
    project = scratch_copy(tmp_path / "project")
    assert f'--8<-- "{snippet}"' in (project / "docs" / "images.md").read_text()
    assert (ROOT / "snippets" / snippet).is_file()
    (project / "snippets" / snippet).unlink()
    result = build(tmp_path / "site", project)
    assert result.returncode != 0, f"the copy built without its snippet:\n{result.stdout}"
    assert snippet in result.stdout, result.stdout


def test_a_mistake_in_a_chinese_page_fails_the_build_and_names_it(tmp_path):
    """The Chinese edition is built by the English build (hooks/chinese_edition.py):
    its warnings fail the strict build too, each named."""
    project = scratch_copy(tmp_path / "project")
    page = project / "docs-zh" / "images.md"
    page.write_text(page.read_text() + "\n[坏链接](no-such-page.md)\n")
    result = build(tmp_path / "site", project)
    assert result.returncode != 0, f"the broken Chinese page did not fail:\n{result.stdout}"
    assert "Chinese edition" in result.stdout and "images.md" in result.stdout, result.stdout
