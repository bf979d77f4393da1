# Build and test entry points of the lead_funnel dbt project.
#   make build   install, simulate data if there is none, dbt build into warehouse/lead_funnel.duckdb
#   make test    lint (ruff, sqlfluff), dbt build on a small fresh dataset, pytest
# Run `make help` for the rest.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:
MAKEFLAGS += --no-builtin-rules

PYTHON ?= $(shell command -v python3.11 >/dev/null 2>&1 && echo python3.11 || echo python3)
VENV = .venv
BIN = $(VENV)/bin
STAMP = $(VENV)/.installed

# dbt: no usage tracking, and the profile is the profiles.yml next to this file.
export DO_NOT_TRACK = 1
export DBT_SEND_ANONYMOUS_USAGE_STATS = false
export DBT_PROFILES_DIR = $(CURDIR)

SIMULATE = $(BIN)/python -m lead_funnel_tools.simulator

# Sample dataset that `make build` uses (the simulation ends yesterday unless a start date is given).
LEADS ?= 3000
DAYS ?= 180
SEED ?= 42
RAW_DIR = data/raw
WAREHOUSE = warehouse/lead_funnel.duckdb

# Large dataset for benchmarks.
BIG_LEADS ?= 1000000
BIG_DAYS ?= 365
BIG_RAW_DIR = data/big/raw

# Throwaway dataset and warehouse that `make test` rebuilds from scratch on every run.
TEST_DIR = build/test
TEST_RAW_DIR = $(TEST_DIR)/raw
TEST_WAREHOUSE = $(TEST_DIR)/lead_funnel.duckdb
TEST_SIM_ARGS = --leads 400 --days 120 --seed 7 --start-date 2025-01-01

SQL_DIRS = models macros tests analyses

.PHONY: help install build data bigdata lint test docs clean distclean

help:
	@echo "make install   create $(VENV) from requirements.txt and install this package (editable)"
	@echo "make build     simulate $(RAW_DIR) if missing, then dbt build into $(WAREHOUSE)"
	@echo "make test      ruff, sqlfluff, dbt build on a fresh small dataset in $(TEST_DIR), pytest"
	@echo "make lint      ruff and sqlfluff only"
	@echo "make data      regenerate $(RAW_DIR) (LEADS=$(LEADS) DAYS=$(DAYS) SEED=$(SEED))"
	@echo "make bigdata   regenerate $(BIG_RAW_DIR) (BIG_LEADS=$(BIG_LEADS) BIG_DAYS=$(BIG_DAYS))"
	@echo "make docs      dbt docs generate (against $(WAREHOUSE))"
	@echo "make clean     remove dbt and test artefacts and the warehouse; distclean also data/ and $(VENV)"

# --- environment ------------------------------------------------------------------------------

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -r requirements.txt
	$(BIN)/python -m pip install --no-deps -e .
	touch $@

install: $(STAMP)

# --- data -------------------------------------------------------------------------------------

# Generated only when missing, so `make build` keeps an existing dataset; `make data` regenerates it.
$(RAW_DIR)/_manifest.json: | $(STAMP)
	$(SIMULATE) --out $(RAW_DIR) --leads $(LEADS) --days $(DAYS) --seed $(SEED)

data: $(STAMP)
	rm -rf $(RAW_DIR)
	$(SIMULATE) --out $(RAW_DIR) --leads $(LEADS) --days $(DAYS) --seed $(SEED)

bigdata: $(STAMP)
	rm -rf $(BIG_RAW_DIR)
	$(SIMULATE) --out $(BIG_RAW_DIR) --leads $(BIG_LEADS) --days $(BIG_DAYS) --seed $(SEED)

# --- build ------------------------------------------------------------------------------------

build: $(STAMP) $(RAW_DIR)/_manifest.json
	mkdir -p $(dir $(WAREHOUSE))
	LEAD_FUNNEL_RAW_DIR=$(RAW_DIR) LEAD_FUNNEL_DUCKDB_PATH=$(WAREHOUSE) $(BIN)/dbt build
	@$(BIN)/python -m lead_funnel_tools.summary $(WAREHOUSE)

docs: $(STAMP) $(RAW_DIR)/_manifest.json
	mkdir -p $(dir $(WAREHOUSE))
	LEAD_FUNNEL_RAW_DIR=$(RAW_DIR) LEAD_FUNNEL_DUCKDB_PATH=$(WAREHOUSE) $(BIN)/dbt docs generate
	@echo "Docs: target/index.html (serve with: $(BIN)/dbt docs serve)"

# --- checks -----------------------------------------------------------------------------------

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@if find $(SQL_DIRS) -name '*.sql' -print -quit | grep -q .; then \
		echo "$(BIN)/sqlfluff lint $(SQL_DIRS)"; \
		mkdir -p $(TEST_DIR); \
		LEAD_FUNNEL_RAW_DIR=$(TEST_RAW_DIR) LEAD_FUNNEL_DUCKDB_PATH=$(TEST_DIR)/sqlfluff.duckdb \
			$(BIN)/sqlfluff lint $(SQL_DIRS); \
	else \
		echo "sqlfluff: no .sql files under $(SQL_DIRS) yet, nothing to lint"; \
	fi

# pytest runs last so the run ends with its summary line. Exit 5 ("no tests collected") is let
# through only while tests/python holds no test file; once one exists it is an error again.
test: lint
	rm -rf $(TEST_DIR)
	$(SIMULATE) --out $(TEST_RAW_DIR) $(TEST_SIM_ARGS)
	LEAD_FUNNEL_RAW_DIR=$(TEST_RAW_DIR) LEAD_FUNNEL_DUCKDB_PATH=$(TEST_WAREHOUSE) $(BIN)/dbt build
	LEAD_FUNNEL_RAW_DIR=$(TEST_RAW_DIR) LEAD_FUNNEL_DUCKDB_PATH=$(TEST_WAREHOUSE) $(BIN)/dbt docs generate
	@if find tests/python -name 'test_*.py' -print -quit | grep -q .; then \
		echo "$(BIN)/pytest"; $(BIN)/pytest; \
	else \
		echo "$(BIN)/pytest (no test files in tests/python yet)"; \
		rc=0; $(BIN)/pytest || rc=$$?; [ "$$rc" -eq 0 ] || [ "$$rc" -eq 5 ]; \
	fi

# --- housekeeping -----------------------------------------------------------------------------

clean:
	rm -rf target dbt_packages logs build .pytest_cache .ruff_cache
	rm -f warehouse/*.duckdb warehouse/*.duckdb.wal warehouse/*.duckdb.tmp
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf data $(VENV) src/*.egg-info
