# newsledger: `make demo` and `make test` are all a newcomer needs.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint types unit eval bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	@touch $(STAMP)

demo: install
	$(BIN)/newsledger demo --db demo.db

lint: install
	$(BIN)/ruff check src tests eval bench
	$(BIN)/ruff format --check src tests eval bench

types: install
	$(BIN)/mypy

unit: install
	$(BIN)/pytest

test: lint types unit

eval: install
	$(BIN)/python eval/run.py

bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .cache demo.db demo.db-wal demo.db-shm .mypy_cache .ruff_cache .pytest_cache
