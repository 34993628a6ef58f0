# marsad: `make demo` and `make test` each set everything up from the project's own files.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
EXTRAS ?= dev,parquet,transformers,web,dask,plot
STAMP := $(VENV)/.installed-$(shell echo "$(EXTRAS)" | tr ',' '-')

.PHONY: install browser demo test lint format bench eval fuzz clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[$(EXTRAS)]"
	touch $@

# The demo store is rebuilt on every run, so its figures are the current code's, not those of
# whichever version first filled it (re-ingesting unchanged articles stores nothing new).
demo: install
	$(VENV)/bin/marsad analyze examples/articles
	rm -f demo.duckdb demo.duckdb.wal
	$(VENV)/bin/marsad ingest examples/articles examples/dyad-usa-rus --db demo.duckdb
	$(VENV)/bin/marsad dyad USA RUS --by month --db demo.duckdb
	@echo "next: $(VENV)/bin/marsad serve --db demo.duckdb  (dashboard at http://127.0.0.1:8765/ui)"

# The dashboard tests drive Debian's chromium (headless); installed here when missing and root.
browser:
	@{ command -v chromium && fc-list :lang=ar | grep -q . ; } >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null; \
	  else echo "note: chromium is missing; the dashboard browser tests will skip (apt-get install chromium)"; fi; }

test: install browser
	$(VENV)/bin/pytest -q

lint: install
	$(VENV)/bin/ruff check src tests bench fuzz
	$(VENV)/bin/ruff format --check src tests bench fuzz
	$(VENV)/bin/mypy

format: install
	$(VENV)/bin/ruff format src tests bench fuzz
	$(VENV)/bin/ruff check --fix src tests bench fuzz

bench: install
	$(PY) bench/bench_ingest.py
	$(PY) bench/bench_ingest.py --full --limit 2000
	$(PY) bench/bench_dedup.py
	$(PY) bench/bench_dask.py --zips 4 --workers 1 2
	$(PY) bench/bench_coder.py
	$(PY) bench/bench_ner.py

# A million generated and mutated inputs through every reader and text function (docs/reliability.md).
fuzz: install
	$(PY) fuzz/run.py

eval: install
	$(VENV)/bin/pytest -q tests -k eval_gate

clean:
	rm -rf $(VENV) build dist src/*.egg-info demo.duckdb
