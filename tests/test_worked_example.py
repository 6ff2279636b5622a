"""docs/worked-example.md: the source's Python app, built, run twice, rebuilt with the cache.

Each example runs as the page shows it (CLI and Python tabs). The layer diagram
on the page is generated from a real build (`make layers-diagram`);
the last test rebuilds the app and checks the committed diagram still says the
same, once the parts that differ from build to build are normalised.
"""

import re

import pytest

from docsite.examples import layer_diagram as layers_diagram
from docsite.examples.harness import Normaliser
from docsite.paths import ROOT

APP = ROOT / "snippets" / "worked-example" / "app"


def test_dockerfile_keeps_what_the_page_explains():
    """The page walks through these properties line by line."""
    dockerfile = (APP / "Dockerfile").read_text()
    steps = layers_diagram.instructions(dockerfile)
    assert re.search(r"^FROM python:3\.13-slim$", dockerfile, re.MULTILINE)
    order = [s.split()[0] + " " + s.split()[1] for s in steps]
    # Dependencies before code, so a code change reuses the dependency layer.
    position = order.index
    assert position("COPY requirements.txt") < position("RUN pip") < position("COPY app.py")
    assert "--no-cache-dir" in next(s for s in steps if s.startswith("RUN pip"))
    # No build argument: the stand-in base image's pip.conf names the local index.
    assert not any(s.startswith("ARG") for s in steps)
    assert order[-3:] == ["USER app", "EXPOSE 8000", 'CMD ["gunicorn",']
    # An allowlist: everything is excluded, then the two files the image needs.
    ignore = [line for line in (APP / ".dockerignore").read_text().splitlines() if line[:1] != "#"]
    assert ignore == ["*", "!app.py", "!requirements.txt"]
    # Every requirement pinned.
    pins = [line for line in (APP / "requirements.txt").read_text().splitlines() if line[:1] != "#"]
    assert pins and all("==" in line for line in pins)


@pytest.mark.docker
def test_layers_diagram_matches_a_fresh_build(docker_client, engine):
    """Both languages' diagrams (tests/test_diagrams.py checks they are the
    committed record's, so the record is checked through them)."""
    image = layers_diagram.build(
        docker_client, engine.env(), APP, "worked-example-test:diagram", "--no-cache"
    )
    fresh = layers_diagram.record(docker_client, image, (APP / "Dockerfile").read_text())
    stale = []
    for language in layers_diagram.LANGUAGES:
        target = layers_diagram.target(language)
        committed = target.read_text() if target.exists() else ""
        if Normaliser()(committed) != Normaliser()(layers_diagram.mermaid(fresh, language)):
            stale.append(str(target.relative_to(ROOT)))
    if stale:
        pytest.fail(
            f"{', '.join(stale)} no longer match a build of the app. Regenerate them "
            "with `make layers-diagram`, render them with `make diagrams`, and commit "
            f"them with {layers_diagram.RECORD.relative_to(ROOT)}.",
            pytrace=False,
        )
