# veille: two commands on a fresh machine, `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DEMO_DB ?= demo.duckdb

.PHONY: install demo test lint typecheck unit eval bench clean lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall whenever the declared or locked dependencies change.
$(STAMP): pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/veille ingest examples --db $(DEMO_DB)
	$(BIN)/veille summary --db $(DEMO_DB)

lint: install
	$(BIN)/ruff check src tests bench tools
	$(BIN)/ruff format --check src tests bench tools

typecheck: install
	$(BIN)/mypy

unit: install
	$(BIN)/pytest

test: lint typecheck unit

eval: install
	$(BIN)/veille eval eval/gold --check eval/baseline.json

bench: install
	$(BIN)/python bench/cli_startup.py
	$(BIN)/python bench/pipeline_overhead.py
	$(BIN)/python bench/entities_overhead.py
	$(BIN)/python bench/events_overhead.py
	$(BIN)/python bench/quotes_claims_times_overhead.py
	$(BIN)/python bench/places_overhead.py
	$(BIN)/python bench/tone_themes_overhead.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB).wal .pytest_cache .mypy_cache .ruff_cache

# Refresh the pinned versions after changing dependencies in pyproject.toml.
lock: install
	{ echo "# Exact versions veille is tested with (pip constraints; regenerate with: make lock)"; \
	  $(BIN)/pip freeze --exclude-editable | grep -v '^veille'; } > requirements.lock
