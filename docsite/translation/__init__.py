"""Which version of its English page each Chinese page translates, per section.

A section is a heading and everything up to the next heading of any level,
keyed by the heading's id (`{ #id }`, which the Chinese heading keeps); the
text before the first heading is the section "". Its version is a short hash of
its source. A Chinese page records, in its front matter, the hash of each
English section as it was when translated:

    translation:
      start: 1c0ffee12345
      install: 0badc0de9876

`make zh-stamp PAGE=start` writes the current hashes after translating;
`make zh-diff PAGE=start` shows how each outdated English section changed
since the stamped version (found in git history by its hash).
"""

from __future__ import annotations

import difflib
import hashlib
import re
import subprocess
from dataclasses import dataclass

import yaml

from docsite.paths import ROOT

DOCS = ROOT / "docs"
DOCS_ZH = ROOT / "docs-zh"
HEADING = re.compile(r"^#{1,6}\s+.*?\{[^}]*#(?P<id>[\w-]+)[^}]*\}\s*$")
FRONT_MATTER = re.compile(r"\A---\n(?P<yaml>.*?\n)---\n", re.DOTALL)


def sections(text: str) -> dict[str, str]:
    """Each section's source by heading id, front matter left out. A heading
    without an explicit id is an error: it is what keeps anchors equal."""
    match = FRONT_MATTER.match(text)
    if match:
        text = text[match.end() :]
    out: dict[str, list[str]] = {"": []}
    current = ""
    fence = None
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            fence = None if fence and stripped.startswith(fence) else (fence or stripped[:3])
        elif not fence and line.startswith("#"):
            m = HEADING.match(line)
            if m:
                current = m["id"]
                out[current] = []
            elif re.match(r"^#{1,6}\s", line):
                raise ValueError(f"a heading without an explicit {{ #id }}: {line!r}")
        out[current].append(line)
    return {
        key: "\n".join(lines).strip() + "\n"
        for key, lines in out.items()
        if key or "\n".join(lines).strip()
    }


def digest(section: str) -> str:
    return hashlib.sha256(section.encode()).hexdigest()[:12]


def hashes(text: str) -> dict[str, str]:
    return {key: digest(body) for key, body in sections(text).items()}


def stamps(zh_text: str) -> dict[str, str]:
    match = FRONT_MATTER.match(zh_text)
    meta = yaml.safe_load(match["yaml"]) if match else {}
    return {str(k): str(v) for k, v in ((meta or {}).get("translation") or {}).items()}


@dataclass
class Outdated:
    page: str
    section: str
    why: str

    def __str__(self) -> str:
        name = self.section or "(before the first heading)"
        return f"docs-zh/{self.page}.md, section #{name}: {self.why}"


def outdated(page: str, english: str, chinese: str) -> list[Outdated]:
    """What the Chinese page is behind on, compared with this English source."""
    now = hashes(english)
    done = stamps(chinese)
    problems = []
    for key, value in now.items():
        if key not in done:
            problems.append(Outdated(page, key, "a new English section, not translated"))
        elif done[key] != value:
            problems.append(
                Outdated(page, key, "the English section changed since it was translated")
            )
    for key in done:
        if key not in now:
            problems.append(Outdated(page, key, "the English section is gone"))
    return problems


def translated_pages() -> list[str]:
    """Pages (docs-zh/<page>.md) that record a translation."""
    return sorted(
        p.relative_to(DOCS_ZH).with_suffix("").as_posix()
        for p in DOCS_ZH.rglob("*.md")
        if stamps(p.read_text(encoding="utf-8"))
    )


def stamp(text: str, english: str) -> str:
    """The Chinese page with its front matter's `translation:` set to the
    English page's current hashes (the rest of the file unchanged)."""
    block = "translation:\n" + "".join(
        f"  {(key or chr(39) * 2)}: {value}\n" for key, value in hashes(english).items()
    )
    match = FRONT_MATTER.match(text)
    if not match:
        return f"---\n{block}---\n\n{text}"
    head = re.sub(r"^translation:\n(?:[ \t]+.*\n)*", "", match["yaml"], flags=re.MULTILINE)
    return f"---\n{head}{block}---\n" + text[match.end() :]


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout


def stamped_source(page: str, section: str, wanted: str) -> str | None:
    """The English section's text at the version its hash names, from git history."""
    path = f"docs/{page}.md"
    for commit in _git("log", "--format=%H", "--", path).split():
        try:
            old = _git("show", f"{commit}:{path}")
        except subprocess.CalledProcessError:
            continue
        body = sections(old).get(section)
        if body is not None and digest(body) == wanted:
            return body
    return None


def english_diff(page: str) -> str:
    """Per outdated section, the English change to translate (unified diff)."""
    english = (DOCS / f"{page}.md").read_text(encoding="utf-8")
    chinese = (DOCS_ZH / f"{page}.md").read_text(encoding="utf-8")
    done = stamps(chinese)
    now = sections(english)
    out = []
    for problem in outdated(page, english, chinese):
        out.append(f"## {problem}")
        old = (
            stamped_source(page, problem.section, done[problem.section])
            if problem.section in done
            else ""
        )
        if old is None:
            out.append("(the stamped version is not in git history; the whole section follows)")
            old = ""
        new = now.get(problem.section, "")
        out.extend(
            difflib.unified_diff(
                old.splitlines(),
                new.splitlines(),
                f"docs/{page}.md#{problem.section} (translated)",
                f"docs/{page}.md#{problem.section} (now)",
                lineterm="",
            )
        )
    return "\n".join(out) if out else f"docs-zh/{page}.md is up to date with docs/{page}.md."
