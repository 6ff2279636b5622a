# The two commands a fresh machine needs (see README.md):
#   make serve   set up, then serve the site with live reload at http://127.0.0.1:8000
#                (PORT=8001 make serve for another port)
#   make test    set up, then run every test
# Everything installs into .venv from hashed lock files: requirements-site.txt
# (the site alone: serve, build) and requirements.txt (that, plus the tests).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell sha256sum requirements.txt | cut -c1-16)-pth
SITE_STAMP := $(VENV)/.site-$(shell sha256sum requirements-site.txt | cut -c1-16)-pth
PORT   ?= 8000

# Quiet two banners printed on every build (Material's and a plugin's) about
# MkDocs' future; they are not warnings about this site.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: serve test check build lock diagrams link-contract link-contract-reset readme-results

# The venv itself, with the repository root on its path as an editable install
# would put it: docsite/ (code the tests, scripts, benchmarks and hooks share)
# imports anywhere.
$(VENV)/.venv-pth:
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11, 5), "Python >= 3.11.5 is needed, found " + sys.version'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -c 'import site, pathlib; pathlib.Path(site.getsitepackages()[0], "docs-images-explained.pth").write_text("$(CURDIR)\n")'
	touch $@

# The site's packages only: what serve and build need, not the test tools,
# so a first serve is quick (benchmarks/first_serve.py times it).
$(SITE_STAMP): requirements-site.txt | $(VENV)/.venv-pth
	$(BIN)/pip install --quiet --require-hashes -r requirements-site.txt
	rm -f $(VENV)/.site-* && touch $@

# Everything: the site's packages (same versions) and the tests' tools.
$(STAMP): requirements.txt | $(VENV)/.venv-pth
	$(BIN)/pip install --quiet --require-hashes -r requirements.txt
	rm -f $(VENV)/.installed-* && touch $@

# A port in use gets one line, not a traceback (scripts/serve.py). mkdocs.yml's
# watch: list makes edits under snippets/ (and the build's code) reload the page.
serve: $(SITE_STAMP)
	@$(BIN)/python scripts/serve.py --port $(PORT)

test: $(STAMP)
	$(BIN)/pytest $(PYTEST_ARGS)

# The fast tier, for the edit loop: every test that needs neither Docker nor a
# browser (the build, links, the harness's controls, lint, the workflow), on
# every core (pytest-xdist).
check: $(STAMP)
	$(BIN)/pytest -m "not docker and not browser" -n auto $(PYTEST_ARGS)

build: $(SITE_STAMP)
	$(BIN)/mkdocs build --strict

# Regenerate the lock from requirements.in (needs uv: pip install uv).
# Keep uv's header: Dependabot's weekly update re-runs uv pip compile and takes
# --universal (and -o) from the command line recorded there.
# The site's lock first; the full lock is constrained to it, so `make serve` and
# `make test` install the very same versions of the site's packages.
lock:
	uv pip compile --python-version 3.11.5 --universal --generate-hashes \
	  requirements-site.in -o requirements-site.txt
	uv pip compile --python-version 3.11.5 --universal --generate-hashes \
	  -c requirements-site.txt requirements.in -o requirements.txt

# The link contract (tests/link_contract.txt): add the pages and heading anchors
# the site now publishes. Existing entries are kept; a broken one still fails.
link-contract: $(STAMP)
	$(BIN)/python scripts/link_contract.py
# Only before the site is first published: rewrite the contract from the build.
link-contract-reset: $(STAMP)
	$(BIN)/python scripts/link_contract.py --reset

# Render every snippets/diagrams/*.mmd whose cached SVG (snippets/diagrams/rendered/)
# is missing or stale; commit the result. Only this needs Node and Chromium: the
# site build reads the committed SVGs. npm ci installs the exact versions in
# package-lock.json; puppeteer drives the system Chromium (no browser download).
node_modules/.package-lock.json: package.json package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund
	touch $@

# ALL=1 re-renders every diagram (after a renderer update that changes their look).
diagrams: $(STAMP) node_modules/.package-lock.json
	$(BIN)/python scripts/render_diagrams.py $(if $(ALL),--force)

# The worked example's layer diagram (snippets/diagrams/worked-example-layers.mmd),
# regenerated from a real build of its app; then `make diagrams` renders it.
.PHONY: layers-diagram
layers-diagram: $(STAMP)
	$(BIN)/python scripts/recorded_with.py
	$(BIN)/python scripts/worked_example_layers.py
	$(BIN)/python scripts/layer_explorer.py

# Copy every benchmarks/results/<name>.md into its <!-- results:<name> --> section
# of README.md (after running a benchmark; tests/test_results.py checks they match).
readme-results: $(STAMP)
	$(BIN)/python scripts/readme_results.py

# The examples' private engine (engine/packages.lock): move to the newest
# versions in Debian testing (superseded ones leave Debian's pool), then
# re-record every output and the base image's lock, and review the diff.
.PHONY: engine-update re-record
engine-update: $(STAMP)
	$(BIN)/python scripts/engine_update.py

re-record: $(STAMP)
	$(BIN)/python -c 'from docsite.engine import baseimage; baseimage.write_lock()'
	$(BIN)/pytest tests/test_examples.py tests/test_about_examples.py --update-examples
	$(BIN)/python scripts/worked_example_layers.py

# The layer explorer (docs/explorer/, snippets/explorer/), from real builds of the
# images it shows (scripts/layer_explorer.py); tests/test_layer_explorer.py fails
# when the committed files no longer match a build.
.PHONY: layers
layers: $(STAMP)
	$(BIN)/python scripts/layer_explorer.py

# The Simplified Chinese edition (mkdocs.zh.yml, docs-zh/) is built into site/zh/
# by every `make build` and `make serve` (hooks/chinese_edition.py).
.PHONY: zh-diff zh-stamp
# A Chinese page behind its English one (tests/test_zh_translation.py names it):
# show the English changes to translate, then record the translation.
#   make zh-diff PAGE=start    make zh-stamp PAGE=start
zh-diff: $(SITE_STAMP)
	@$(BIN)/python scripts/zh_translation.py diff $(PAGE)
zh-stamp: $(SITE_STAMP)
	@$(BIN)/python scripts/zh_translation.py stamp $(PAGE)
