# newsledger: `make demo` and `make test` are all a newcomer needs.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install system-deps demo test lint types unit eval train bench bench-latency clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,spark]'
	@touch $(STAMP)

# Debian packages for the Spark runner (Java 17) and the real-browser tests (Chromium).
# On a laptop, tests that need them skip with a reason when they cannot be installed;
# under CI=true a missing one fails here (and the tests would fail too).
system-deps:
	@command -v java >/dev/null 2>&1 || { command -v apt-get >/dev/null 2>&1 && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless) \
	  || { echo "Java 17 not installed (openjdk-17-jre-headless): Spark tests skip, or fail under CI=true" >&2; \
	       ! echo "$$CI" | grep -qiE "^(true|1|yes)$$"; }; }
	@test -x /usr/bin/chromium || { command -v apt-get >/dev/null 2>&1 && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver) \
	  || { echo "chromium not installed: browser tests skip, or fail under CI=true" >&2; \
	       ! echo "$$CI" | grep -qiE "^(true|1|yes)$$"; }; }

demo: install
	$(BIN)/newsledger demo --db demo.db

lint: install
	$(BIN)/ruff check src tests eval bench scripts train
	$(BIN)/ruff format --check src tests eval bench scripts train

types: install
	$(BIN)/mypy

unit: install
	$(BIN)/pytest

test: system-deps lint types unit

eval: install
	$(BIN)/python eval/run.py

# rebuild every shipped model (src/newsledger/data/models/) from ../shared/train, selected on
# ../shared/dev; prints each model's dev figures and training time. CI never trains.
train: install
	$(BIN)/python train/run.py

bench: install
	$(BIN)/python bench/run.py
	$(BIN)/python bench/run.py --scale 800
	$(BIN)/python bench/stages.py
	@echo "web latency: ingest the corpus, then $(BIN)/python bench/web_latency.py --db news.db --requests 200"
	@echo "read latency at 10k/100k documents: make bench-latency"

# p50/p95 of dossier, search, events, conflicts and timeline on synthetic stores of
# 10,000 and 100,000 documents (the BBC corpus analysed once, cached in .cache/)
bench-latency: install
	$(BIN)/python bench/latency.py --sizes 10000 100000

clean:
	rm -rf $(VENV) .cache demo.db demo.db-wal demo.db-shm .mypy_cache .ruff_cache .pytest_cache
