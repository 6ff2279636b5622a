# The two commands a fresh machine needs (see README.md):
#   make serve   set up, then serve the site with live reload at http://127.0.0.1:8000
#   make test    set up, then run every test
# Everything installs into .venv from the hashed lock file, requirements.txt.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell sha256sum requirements.txt | cut -c1-16)

export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build lock

$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11, 5), "Python >= 3.11.5 is needed, found " + sys.version'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.txt
	rm -f $(VENV)/.installed-* && touch $@

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

test: $(STAMP)
	$(BIN)/pytest $(PYTEST_ARGS)

build: $(STAMP)
	$(BIN)/mkdocs build --strict

# Regenerate the lock from requirements.in (needs uv: pip install uv).
lock:
	uv pip compile --python-version 3.11.5 --universal --generate-hashes --no-header \
	  requirements.in -o requirements.txt
