"""Diagrams: Mermaid sources in snippets/diagrams/, rendered SVGs cached beside
them, inlined at build time by the ```mermaid custom fence mkdocs.yml declares
(docsite/markdown/mermaid.py). No browser and no Node here:
these tests read the committed renders and build small sites from them.

Re-render after changing a diagram: `make diagrams`.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import markdown
import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from support import diagram_content

from docsite.diagrams import cache as diagram_cache
from docsite.diagrams import svg as diagram_svg
from docsite.examples import layer_diagram
from docsite.markdown import mermaid as diagrams
from docsite.paths import ROOT

DIAGRAMS = ROOT / "snippets" / "diagrams"
SVG_NS = "{http://www.w3.org/2000/svg}"
SOURCES = diagram_cache.sources(ROOT)
HAN = re.compile(r"[\u4e00-\u9fff]")
ENGLISH = sorted(n for n in SOURCES if "." not in n)
CHINESE = sorted(n for n in SOURCES if n.endswith(".zh"))


def rendered(name: str) -> str:
    return diagram_cache.rendered_path(name, SOURCES[name], ROOT).read_text(encoding="utf-8")


# ------------------------------------------------------------------ the cache


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_every_diagram_has_an_up_to_date_render(name):
    path = diagram_cache.rendered_path(name, SOURCES[name], ROOT)
    assert path.is_file(), (
        f"{name}.mmd (or the renderer's config) changed since it was rendered: "
        f"run `make diagrams` and commit {path.relative_to(ROOT)}"
    )


def test_no_stale_render_is_left_behind():
    current = {diagram_cache.rendered_path(n, s, ROOT).name for n, s in SOURCES.items()}
    on_disk = {p.name for p in (DIAGRAMS / "rendered").glob("*.svg")}
    assert on_disk == current, "run `make diagrams`: it removes renders no .mmd maps to"


def test_the_key_follows_the_source_not_its_whitespace():
    source = SOURCES["lifecycle"]
    key = diagram_cache.cache_key(source, ROOT)
    indented = "    " + source.replace("\n", "  \n")
    assert diagram_cache.cache_key(indented, ROOT) != key  # indent is content
    assert diagram_cache.cache_key(source + "\n\n", ROOT) == key  # trailing blank lines are not
    assert diagram_cache.cache_key(source.replace("docker rm", "docker rmi"), ROOT) != key


# ------------------------------------------------------------------ the content
def committed_render(diagrams: Path, name: str) -> Path:
    """The one committed SVG of a diagram, whatever key its name holds."""
    pattern = re.compile(rf"{re.escape(name)}-[0-9a-f]{{16}}\.svg")
    renders = [p for p in (diagrams / "rendered").iterdir() if pattern.fullmatch(p.name)]
    assert len(renders) == 1, f"{name}: expected one render, found {renders}"
    return renders[0]


def content_differences(diagrams: Path, name: str) -> list[str]:
    source = (diagrams / f"{name}.mmd").read_text(encoding="utf-8")
    svg = committed_render(diagrams, name).read_text(encoding="utf-8")
    return diagram_content.differences(source, svg, diagram_cache.svg_id(name))


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_every_committed_svg_shows_what_its_source_says(name):
    """Labels, states and edges, compared by content: the file name's key alone
    would pass a hand-edited SVG, or an old one renamed to the new key."""
    found = content_differences(DIAGRAMS, name)
    assert not found, (
        f"snippets/diagrams/{name}.mmd and its committed SVG disagree; edit the "
        "source, never the SVG, then run `make diagrams`:\n  " + "\n  ".join(found)
    )


# The control tests: each edit, made in a scratch copy, fails the check above.
EDITS = {
    "an edge label in the SVG": ("svg", " unpause</tspan>", " restart</tspan>", "docker restart"),
    "a state in the SVG": ("svg", ">paused</tspan>", ">frozen</tspan>", "frozen"),
    "an edge label in the source": (
        "mmd",
        "paused --> running: docker unpause",
        "paused --> running: docker restart",
        "docker restart",
    ),
    "an edge's target in the source": (
        "mmd",
        "paused --> running: docker unpause",
        "paused --> exited: docker unpause",
        "paused -> exited",
    ),
}


@pytest.mark.parametrize("edit", EDITS)
def test_an_edit_to_one_side_fails_the_content_check(edit, tmp_path):
    side, old, new, named = EDITS[edit]
    diagrams = shutil.copytree(DIAGRAMS, tmp_path / "diagrams")
    assert not content_differences(diagrams, "lifecycle")
    path = committed_render(diagrams, "lifecycle") if side == "svg" else diagrams / "lifecycle.mmd"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path.name} no longer holds {old!r}; update this test"
    path.write_text(text.replace(old, new), encoding="utf-8")
    found = content_differences(diagrams, "lifecycle")
    assert any(named in line for line in found), found


def test_a_flowchart_edge_reversed_in_the_source_fails_the_content_check(tmp_path):
    diagrams = shutil.copytree(DIAGRAMS, tmp_path / "diagrams")
    mmd = diagrams / "build-image-containers.mmd"
    mmd.write_text(mmd.read_text().replace("IMG -- docker run --> C3", "C3 -- docker run --> IMG"))
    found = content_differences(diagrams, "build-image-containers")
    assert any("C3 -> IMG" in line for line in found), found


def test_unknown_mermaid_syntax_fails_instead_of_being_skipped():
    with pytest.raises(diagram_content.UnknownSyntax, match="A ==> B"):
        diagram_content.from_mermaid("flowchart LR\n  A ==> B\n")


# ------------------------------------------------------------------ the SVG


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_rendered_svg_is_accessible_and_self_contained(name):
    text = rendered(name)
    svg = ET.fromstring(text)
    sid = diagram_cache.svg_id(name)
    assert svg.tag == f"{SVG_NS}svg" and svg.get("id") == sid
    assert svg.get("role") == "img"
    by_id = {el.get("id"): el for el in svg.iter() if el.get("id")}
    title = by_id[svg.get("aria-labelledby")]
    desc = by_id[svg.get("aria-describedby")]
    assert title.tag == f"{SVG_NS}title" and desc.tag == f"{SVG_NS}desc"
    acc_title = re.search(r"^\s*accTitle:\s*(.+)$", SOURCES[name], re.M)[1].strip()
    assert title.text == acc_title
    # Words, or Chinese characters (Chinese puts no space between words).
    assert len(desc.text.split()) >= 20 or len(HAN.findall(desc.text)) >= 60, (
        "accDescr should say what the diagram shows"
    )
    # Unique on a page: every id is scoped by the svg id.
    assert all(sid in i for i in by_id), [i for i in by_id if sid not in i]
    # Nothing to run, nothing fetched, no fixed colour: the palette's variables only.
    assert "<script" not in text and "<foreignObject" not in text
    assert not re.search(r"""(?:href|src)=["'](?!#)""", text)
    assert "@import" not in text and "@font-face" not in text
    outside_var = diagram_svg.without_var(re.sub(r"<(title|desc)\b.*?</\1>", "", text, flags=re.S))
    assert not diagram_svg.COLOUR.search(outside_var)
    assert "var(--md-default-fg-color" in text and "var(--md-default-bg-color" in text
    # Scales with the content column.
    assert svg.get("width") == "100%" and svg.get("viewBox") and not svg.get("height")


def test_postprocess_refuses_an_svg_without_text_alternative():
    text = rendered("image-layers")
    broken = re.sub(r"<title\b.*?</title>", "", text, flags=re.S)
    with pytest.raises(ValueError, match="accTitle"):
        diagram_svg.postprocess(broken, "image-layers", ROOT)


def test_postprocess_refuses_an_unmapped_colour():
    text = rendered("lifecycle").replace("<path ", '<path fill="#123456" ', 1)
    with pytest.raises(ValueError, match="#123456"):
        diagram_svg.postprocess(text, "lifecycle", ROOT)


# ------------------------------------------------------------------ the build


def make_project(tmp_path: Path, page: str) -> Path:
    """A copy of what the build reads (mkdocs.yml, snippets, the renderer's
    pinned inputs) with one page; the real docs/ are not touched."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "package-lock.json", *diagram_cache.RENDER_INPUTS):
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, project / name)
    for name in ("snippets", "overrides"):
        shutil.copytree(ROOT / name, project / name, dirs_exist_ok=True)
    (project / "docs").mkdir()
    (project / "docs" / "index.md").write_text(page, encoding="utf-8")
    return project


def build_project(project: Path, monkeypatch, *, styles: bool = False) -> str:
    """`mkdocs build --strict` of the project, from another directory and with
    no hooks (as a builder that ignores `hooks:` would); the built index.html.
    With `styles`, the site's stylesheets and scripts too, as a reader gets them."""
    if styles:
        for folder in ("stylesheets", "javascripts", "assets"):
            if (ROOT / "docs" / folder).is_dir():
                shutil.copytree(ROOT / "docs" / folder, project / "docs" / folder)
    elsewhere = project.parent / "elsewhere"
    elsewhere.mkdir(exist_ok=True)
    # Neither the copy nor the repository: every path must resolve from mkdocs.yml.
    monkeypatch.chdir(elsewhere)
    config = load_config(
        str(project / "mkdocs.yml"),
        docs_dir=str(project / "docs"),
        site_dir=str(project / "site"),
        nav=[{"Home": "index.md"}],
        # The diagrams need no hook: the fence comes from markdown_extensions.
        # The hooks and plugins left out (social cards, git dates) have their
        # own tests and needs.
        plugins=["search"],
        hooks=[],
        watch=[],  # only `mkdocs serve` reads it; the copy lacks hooks/ and docsite/
        **({} if styles else {"extra_css": [], "extra_javascript": []}),
        strict=True,
    )
    build(config)
    return (project / "site" / "index.html").read_text(encoding="utf-8")


def fence(name: str, indent: str = "") -> str:
    return "".join(
        f"{indent}{line}\n" for line in ("```mermaid", f'--8<-- "diagrams/{name}.mmd"', "```")
    )


def test_real_config_declares_the_fence_and_no_diagram_hook():
    config = load_config(str(ROOT / "mkdocs.yml"))
    fences = config.mdx_configs["pymdownx.superfences"]["custom_fences"]
    mermaid = [f for f in fences if f["name"] == "mermaid"]
    assert len(mermaid) == 1 and mermaid[0]["format"] is diagrams.format_mermaid, fences
    assert not [h for h in config.hooks if "diagram" in h], config.hooks


# The build's diagram: the SVG inlined in a box that keeps its text readable.
DIAGRAM_BOX = re.compile(
    r'<div class="diagram" data-search-exclude tabindex="0" '
    r'style="--diagram-readable-width: (\d+)px"><svg id="([\w-]+)"'
)


def test_build_inlines_the_svg_and_loads_no_mermaid(tmp_path, monkeypatch):
    page = (
        "---\ndescription: Scratch page.\n---\n# Scratch { #scratch }\n\n"
        + fence("lifecycle")
        + "\nText.\n\n"
        + fence("lifecycle")  # the same diagram twice: ids must not clash
        + '\n=== "In a tab"\n\n'
        + fence("image-layers", indent="    ")
    )
    html = build_project(make_project(tmp_path, page), monkeypatch)
    boxes = DIAGRAM_BOX.findall(html)
    assert [sid for _, sid in boxes] == [
        "diagram-lifecycle",
        "diagram-lifecycle-2",
        "diagram-image-layers",
    ], boxes
    # The width at which the base text is 12 px: wider than a 375 px phone.
    expected = diagrams.readable_width(rendered("lifecycle"))
    assert int(boxes[0][0]) == round(expected) and expected > 375
    assert 'role="img"' in html and "<title id=" in html and "<desc id=" in html
    assert "--8<--" not in html and "language-mermaid" not in html
    assert 'class="mermaid"' not in html
    scripts = re.findall(r"<script\b[^>]*>(?:.*?)</script>", html, re.S)
    assert not [s for s in scripts if "mermaid" in s.lower()]
    ids = re.findall(r'\sid="([^"]+)"', html)
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert not duplicates, f"ids used twice on the page: {sorted(duplicates)[:5]}"


def test_a_stale_render_fails_the_build_naming_page_and_file(tmp_path, monkeypatch, caplog):
    """The copy's source is edited, the repository's is not: the build fails
    only if it reads the copy's diagrams."""
    page = "---\ndescription: Scratch page.\n---\n# Scratch { #scratch }\n\n" + fence("lifecycle")
    project = make_project(tmp_path, page)
    mmd = project / "snippets" / "diagrams" / "lifecycle.mmd"
    mmd.write_text(mmd.read_text().replace("removal failed", "removal went wrong"))
    with pytest.raises(Abort):
        build_project(project, monkeypatch)
    # What `mkdocs build` prints as its error lines: MkDocs names the page.
    message = caplog.text
    assert "Error reading page 'index.md'" in message
    assert "snippets/diagrams/lifecycle.mmd has no up-to-date render" in message
    assert "make diagrams" in message


def test_a_fence_not_from_a_diagram_file_fails_the_build(tmp_path, monkeypatch, caplog):
    page = (
        "---\ndescription: Scratch page.\n---\n# Scratch { #scratch }\n\n"
        "```mermaid\nflowchart LR\n  A --> B\n```\n"
    )
    with pytest.raises(Abort):
        build_project(make_project(tmp_path, page), monkeypatch)
    assert "Error reading page 'index.md'" in caplog.text
    assert "a mermaid fence (starting 'flowchart LR')" in caplog.text
    assert "matches no file in snippets/diagrams" in caplog.text


def test_without_the_project_among_snippet_base_paths_the_fence_says_what_to_add(tmp_path):
    """The project root comes from pymdownx.snippets' base_path, not the
    working directory: without it the formatter fails and names the fix."""
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": {"base_path": [str(tmp_path)]}},
    )
    with pytest.raises(diagrams.DiagramError, match=r"!relative \$config_dir"):
        diagrams.format_mermaid(SOURCES["lifecycle"], "mermaid", "diagram", {}, md)
    assert (
        diagrams.project_root(
            markdown.Markdown(
                extensions=["pymdownx.snippets"],
                extension_configs={"pymdownx.snippets": {"base_path": [str(tmp_path), str(ROOT)]}},
            )
        )
        == ROOT
    )


def test_the_real_site_loads_no_mermaid(built_site):
    """Whatever pages use diagrams: none ships a Mermaid script or an
    unrendered fence."""
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "language-mermaid" not in html and 'class="mermaid"' not in html, page
        scripts = re.findall(r"<script\b[^>]*>(?:.*?)</script>", html, re.S)
        assert not [s for s in scripts if "mermaid" in s.lower()], page


# ------------------------------------------------------------------ the Chinese variants
# Each diagram has a Chinese variant, snippets/diagrams/<name>.zh.mmd, for the
# Chinese edition's pages (--8<-- "diagrams/<name>.zh.mmd"). The checks above
# (render up to date, content, SVG) run on it as on any diagram; these check it
# is the English diagram's translation.

# Words a translation keeps as they are: commands, Dockerfile instructions and
# Docker's capitalised words, names, tags, files, digests and sizes, and the
# kernel's and the CLI's own words (cgroup freezer; docker run = create + start).
KEPT = re.compile(
    r"cgroup freezer|create \+ start|docker [a-z]+|\b[A-Z][A-Z0-9]{2,}\b|\bweb-\d\b"
    r"|[\w-]+:\d[\w.-]*|\b[\w-]+\.(?:py|txt)\b|sha256:[0-9a-f]+|\b\d+(?:\.\d+)?[kMG]?B\b"
)
TERMS = yaml.safe_load((ROOT / "snippets/glossary/terms.zh.yml").read_text(encoding="utf-8"))


def translation_problems(english: str, chinese: str) -> list[str]:
    """How the Chinese source departs from the English one's structure, drops a
    word Docker prints, or leaves an English label untranslated."""
    en, zh = diagram_content.from_mermaid(english), diagram_content.from_mermaid(chinese)
    problems = []
    if english.splitlines()[0] != chinese.splitlines()[0]:
        kinds = english.splitlines()[0], chinese.splitlines()[0]
        problems.append(f"diagram type: {kinds[0]!r} / {kinds[1]!r}")
    if set(en.labels) != set(zh.labels):
        problems.append(f"nodes: {sorted(set(en.labels) ^ set(zh.labels))} in one only")
    classes = re.compile(r"\b(\w+)\[[^\]]*\]:::(\w+)")
    if sorted(classes.findall(english)) != sorted(classes.findall(chinese)):
        problems.append("node classes (:::writable, :::config) differ")
    directions = re.compile(r"^\s*direction\s+\w+", re.M)
    if directions.findall(english) != directions.findall(chinese):
        problems.append("subgraph directions differ")
    pairs = lambda c: sorted(k[:2] for k in c.edges.elements())  # noqa: E731
    if pairs(en) != pairs(zh):
        problems.append(f"edges: {pairs(en)} / {pairs(zh)}")
    labelled = [(k, en.labels[k], zh.labels.get(k, "")) for k in en.labels]
    en_edges = sorted(en.edges.elements())
    zh_edges = sorted(zh.edges.elements())
    labelled += [
        (f"{a[0]} -> {a[1]}", a[2], b[2]) for a, b in zip(en_edges, zh_edges, strict=False)
    ]
    for key, en_label, zh_label in labelled:
        for word in KEPT.findall(en_label):
            if word not in zh_label:
                problems.append(f"{key}: {word!r} is missing from {zh_label!r}")
        if re.search(r"[A-Za-z]{2,}", KEPT.sub("", en_label)) and not HAN.search(zh_label):
            problems.append(f"{key}: {zh_label!r} is not translated")
        # The glossary's Chinese terms, not the English ones (a term whose
        # Chinese name is its English one, such as Dockerfile, is kept).
        for term in TERMS["terms"]:
            name = term["en"].split(" /")[0].lower()
            if name in term["zh"].lower():
                continue
            if re.search(rf"\b{re.escape(name)}s?\b", KEPT.sub("", zh_label).lower()):
                problems.append(f"{key}: {zh_label!r} says {name!r}: use {term['zh']!r}")
    return problems


def test_every_diagram_has_a_chinese_variant_and_no_variant_is_orphaned():
    assert [f"{n}.zh" for n in ENGLISH] == CHINESE


@pytest.mark.parametrize("name", ENGLISH)
def test_the_chinese_variant_is_a_translation_of_the_diagram(name):
    found = translation_problems(SOURCES[name], SOURCES[f"{name}.zh"])
    assert not found, f"snippets/diagrams/{name}.zh.mmd:\n  " + "\n  ".join(found)
    title = re.search(r"^\s*accTitle:\s*(.+)$", SOURCES[f"{name}.zh"], re.M)[1]
    assert HAN.search(title), f"{name}.zh.mmd: accTitle {title!r} is not in Chinese"


# Each edit to a Chinese source fails the check above.
TRANSLATION_EDITS = {
    "a command translated": ("docker run --> C1", "运行 --> C1", "'docker run' is missing"),
    "an edge to another node": ("IMG -- docker run --> C3", "IMG -- docker run --> C2", "edges"),
    "a node's class dropped": ('可写层"]:::writable\n  C3', '可写层"]\n  C3', "classes"),
    "a label left in English": ('DF["Dockerfile + 构建上下文"]', 'DF["Dockerfile + build context"]',
                                "not translated"),
    "an English term": ('C1["容器 web-1', 'C1["container web-1', "use '容器'"),
}  # fmt: skip


@pytest.mark.parametrize("edit", TRANSLATION_EDITS)
def test_an_untrue_translation_fails_the_check(edit):
    old, new, named = TRANSLATION_EDITS[edit]
    chinese = SOURCES["build-image-containers.zh"]
    assert chinese.count(old) == 1, f"build-image-containers.zh.mmd no longer holds {old!r}"
    found = translation_problems(SOURCES["build-image-containers"], chinese.replace(old, new))
    assert any(named in line for line in found), found


def test_a_state_label_edited_in_the_chinese_svg_fails_the_content_check(tmp_path):
    diagrams = shutil.copytree(DIAGRAMS, tmp_path / "diagrams")
    assert not content_differences(diagrams, "lifecycle.zh")
    path = committed_render(diagrams, "lifecycle.zh")
    text = path.read_text(encoding="utf-8")
    assert text.count(">已暂停</tspan>") == 1
    path.write_text(text.replace(">已暂停</tspan>", ">已冻结</tspan>"), encoding="utf-8")
    found = content_differences(diagrams, "lifecycle.zh")
    assert any("已冻结" in line for line in found), found


def test_an_edited_chinese_source_has_no_render_until_make_diagrams():
    name = "lifecycle.zh"
    assert diagram_cache.rendered_path(name, SOURCES[name], ROOT).is_file()
    edited = SOURCES[name].replace("删除失败", "删除出错")
    assert not diagram_cache.rendered_path(name, edited, ROOT).is_file()


def test_a_variant_gets_an_svg_id_a_css_selector_can_name():
    assert diagram_cache.svg_id("lifecycle.zh") == "diagram-lifecycle-zh"
    assert 'id="diagram-lifecycle-zh"' in rendered("lifecycle.zh")[:40]


# ------------------------------------------------------------------ fonts
# The site loads no font (mkdocs.yml: font: false; nothing from another origin),
# and an inline SVG's text is drawn in the reader's fonts: diagram.css names
# the page's system fonts, then one with Chinese glyphs on each system.
PAGE_FONTS = ["-apple-system", "BlinkMacSystemFont", "Helvetica", "Arial"]
CHINESE_FONTS = ['"Noto Sans CJK SC"', '"PingFang SC"', '"Microsoft YaHei"']


def font_stack_problems(svg: str, sid: str) -> list[str]:
    """The font-family the SVG's own CSS gives its text last (the one that applies)."""
    style = re.search(r"<style>(.*?)</style>", svg, re.S)[1]
    stacks = re.findall(
        rf"(?:^|}})[^{{}}]*#{re.escape(sid)} text\b[^{{}}]*{{[^}}]*font-family:([^;}}]+)", style
    )
    if not stacks:
        return [f"{sid}: no font-family for its text"]
    fonts = [f.strip() for f in stacks[-1].split(",")]
    problems = []
    if fonts[: len(PAGE_FONTS)] != PAGE_FONTS:
        problems.append(f"{sid}: starts {fonts[:4]}, not the page's fonts {PAGE_FONTS}")
    missing = [f for f in CHINESE_FONTS if f not in fonts]
    if missing:
        problems.append(f"{sid}: no {', '.join(missing)} for Chinese")
    if fonts[-1] != "sans-serif":
        problems.append(f"{sid}: ends in {fonts[-1]}, not sans-serif")
    return problems


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_the_svg_text_uses_system_fonts_that_draw_chinese(name):
    found = font_stack_problems(rendered(name), diagram_cache.svg_id(name))
    assert not found, found


def test_a_font_stack_without_chinese_fonts_fails_the_check():
    svg = rendered("lifecycle.zh")
    assert '"Microsoft YaHei",' in svg
    found = font_stack_problems(svg.replace('"Microsoft YaHei",', ""), "diagram-lifecycle-zh")
    assert any("Microsoft YaHei" in line for line in found), found
    # Mermaid's own stack (no Chinese font) is on the root only: without
    # diagram.css's rule the text has no stack of its own.
    bare = re.sub(r"#diagram-lifecycle-zh,#diagram-lifecycle-zh text\{font-family:[^}]*\}", "", svg)
    assert font_stack_problems(bare, "diagram-lifecycle-zh")


# ------------------------------------------------------------------ the recorded layer diagram


def layer_record_differences(diagrams: Path) -> list[str]:
    """The worked example's diagrams, English and Chinese, against what the
    recorded build (worked-example-layers.json) makes of them."""
    layers = layer_diagram.Layers.from_json((diagrams / layer_diagram.RECORD.name).read_text())
    found = []
    for language in layer_diagram.LANGUAGES:
        path = diagrams / layer_diagram.target(language).name
        if path.read_text(encoding="utf-8") != layer_diagram.mermaid(layers, language):
            found.append(f"{path.name} is not what {layer_diagram.RECORD.name} makes")
    return found


def test_both_layer_diagrams_are_written_from_the_one_recorded_build():
    found = layer_record_differences(DIAGRAMS)
    assert not found, (
        "\n".join(found) + "\nRewrite them: python scripts/worked_example_layers.py "
        "--from-record (or make layers-diagram), then make diagrams"
    )


@pytest.mark.parametrize("edit", ["the Chinese size", "the record's size"])
def test_a_number_edited_on_one_side_fails_the_layer_check(edit, tmp_path):
    diagrams = shutil.copytree(DIAGRAMS, tmp_path / "diagrams")
    if edit == "the Chinese size":
        path = diagrams / "worked-example-layers.zh.mmd"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("8.19MB", "8.20MB", 1), encoding="utf-8")
        named = "worked-example-layers.zh.mmd"
    else:
        path = diagrams / layer_diagram.RECORD.name
        data = json.loads(path.read_text())
        data["base_size"] += 10_000_000
        path.write_text(json.dumps(data))
        named = "worked-example-layers.mmd"
    assert any(named in line for line in layer_record_differences(diagrams))


# ------------------------------------------------------------------ on a phone and a desktop
# What tests/test_phones.py measures on the site's pages, for every diagram and
# variant (the Chinese ones are on no page until the Chinese pages include
# them): a scratch site with the real stylesheets, one page showing them all.


def diagrams_site(tmp_path: Path, monkeypatch, controls: bool) -> Path:
    page = "---\ndescription: Scratch page.\n---\n# Scratch { #scratch }\n\n"
    names = sorted(SOURCES)
    project = make_project(tmp_path, "")
    if controls:
        # Two copies of lifecycle.zh, broken after rendering: one with a label
        # drawn at 6 px, one drawn 2000 px wide whatever its box.
        names = []
        diagrams = project / "snippets" / "diagrams"
        for name, old, new in (
            ("control-small", 'style=""><tspan', 'style="font-size:6px"><tspan'),
            ("control-wide", 'width="100%"', 'width="2000"'),
        ):
            source = SOURCES["lifecycle.zh"] + f"%% {name}\n"
            (diagrams / f"{name}.mmd").write_text(source, encoding="utf-8")
            svg = rendered("lifecycle.zh").replace(
                "diagram-lifecycle-zh", diagram_cache.svg_id(name)
            )
            target = diagram_cache.rendered_path(name, source, project)
            target.write_text(svg.replace(old, new, 1), encoding="utf-8")
            names.append(name)
    page += "\n".join(fence(n) for n in names)
    (project / "docs" / "index.md").write_text(page, encoding="utf-8")
    build_project(project, monkeypatch, styles=True)
    return project / "site"


def measure(browser, site: Path) -> tuple[dict[str, float], list[str]]:
    """The smallest text of each diagram at 375 px once tapped, and the
    diagrams wider than their box before a tap, at 375 and at 1280 px."""
    from support.browser import DESKTOP, PHONE, open_page
    from support.diagrams import DIAGRAM_TEXT, FITS

    from docsite.browser.server import serve

    smallest, cut = {}, []
    with serve(site) as url:
        for viewport in (PHONE, DESKTOP):
            context = browser.new_context(viewport=viewport)
            page = context.new_page()
            open_page(page, url)
            cut += [f"{d['id']} at {viewport['width']} px: {d['svg']:.0f} px in {d['box']} px"
                    for d in page.evaluate(FITS) if d["svg"] > d["box"] + 1]  # fmt: skip
            context.close()
        context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
        page = context.new_page()
        open_page(page, url)
        boxes = page.locator("article .diagram")
        for i in range(boxes.count()):
            boxes.nth(i).scroll_into_view_if_needed()
            boxes.nth(i).tap()
            sid = boxes.nth(i).evaluate("box => box.querySelector('svg').id")
            found = [d for d in page.evaluate(DIAGRAM_TEXT) if d["id"] == sid][0]
            smallest[sid] = found["smallest"]["px"] if found["count"] else 0.0
        context.close()
    return smallest, cut


def test_every_diagram_reads_at_12px_on_a_phone_and_shows_whole(browser, tmp_path, monkeypatch):
    smallest, cut = measure(browser, diagrams_site(tmp_path, monkeypatch, controls=False))
    print("\n".join(f"{sid}: {px:.1f} px" for sid, px in smallest.items()))
    assert set(smallest) == {diagram_cache.svg_id(n) for n in SOURCES}, smallest
    small = {sid: px for sid, px in smallest.items() if px < diagrams.READABLE_TEXT_PX - 0.05}
    assert not small, f"text under {diagrams.READABLE_TEXT_PX} px at 375 px once tapped: {small}"
    assert not cut, "diagrams cut off:\n" + "\n".join(cut)


def test_a_small_label_and_a_too_wide_diagram_fail_the_measure(browser, tmp_path, monkeypatch):
    smallest, cut = measure(browser, diagrams_site(tmp_path, monkeypatch, controls=True))
    assert smallest["diagram-control-small"] < diagrams.READABLE_TEXT_PX, smallest
    assert smallest["diagram-control-wide"] >= diagrams.READABLE_TEXT_PX - 0.05, smallest
    assert [c for c in cut if c.startswith("diagram-control-wide")], cut
    assert not [c for c in cut if c.startswith("diagram-control-small")], cut
