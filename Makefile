# marsad: `make demo` and `make test` each set everything up from the project's own files.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
EXTRAS ?= dev,parquet,transformers,web,dask,plot
STAMP := $(VENV)/.installed-$(shell echo "$(EXTRAS)" | tr ',' '-')

.PHONY: install demo test lint format bench eval clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[$(EXTRAS)]"
	touch $@

demo: install
	$(VENV)/bin/marsad analyze examples/articles
	$(VENV)/bin/marsad ingest examples/articles --db demo.duckdb

test: install
	$(VENV)/bin/pytest -q

lint: install
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench
	$(VENV)/bin/mypy

format: install
	$(VENV)/bin/ruff format src tests bench
	$(VENV)/bin/ruff check --fix src tests bench

bench: install
	$(PY) bench/bench_ingest.py
	$(PY) bench/bench_ingest.py --full --limit 2000
	$(PY) bench/bench_ner.py

eval: install
	$(VENV)/bin/pytest -q tests -k eval_gate

clean:
	rm -rf $(VENV) build dist src/*.egg-info demo.duckdb
