# COCADE: the single entry point. `make run` and `make test` do all the set-up they need.
SHELL := /bin/bash
PYTHON ?= python3
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/cocade
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: help install run serve test test-unit test-browser test-postgres lint fmt typecheck \
        messages vendor clean worker bench

help:
	@echo "make run            install, migrate, load the demo network, serve on http://$(HOST):$(PORT)"
	@echo "make test           install and run the whole suite (SQLite, then the browser tests)"
	@echo "make test-postgres  the whole suite on PostgreSQL (starts or installs a server if needed)"
	@echo "make worker         run the background worker and the scheduler of periodic jobs"
	@echo "make bench          time the team heatmap, the practice search, a registration burst, the interview scheduler"
	@echo "make lint | fmt | typecheck | messages | vendor | clean"

$(UV):
	@scripts/system-packages.sh base
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "COCADE needs Python 3.11 or newer; set PYTHON=python3.11")'
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check "uv==0.13.8"

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --python "$$($(PYTHON) -c 'import sys; print(sys.executable)')"
	@touch $@

install: $(VENV)/.synced
	@scripts/system-packages.sh pdf

run: install
	@mkdir -p var
	DEBUG=1 $(BIN)/cocade migrate --no-input
	DEBUG=1 $(BIN)/cocade demo
	@echo "COCADE runs on http://$(HOST):$(PORT)/  (Ctrl-C to stop)"
	DEBUG=1 COCADE_TASKS_IMMEDIATE=1 $(BIN)/cocade runserver $(HOST):$(PORT)

worker: install
	$(BIN)/cocade scheduler & scheduler=$$!; trap 'kill $$scheduler 2>/dev/null; wait $$scheduler' EXIT; $(BIN)/cocade db_worker

test: test-unit test-browser

test-unit: install
	@mkdir -p var
	COCADE_TESTING=1 $(BIN)/cocade makemigrations --check --dry-run > /dev/null
	$(BIN)/pytest -m "not browser" -q

test-browser: install
	@scripts/system-packages.sh browser
	$(BIN)/pytest -m browser -q -p no:randomly

test-postgres: install
	@scripts/ensure-postgres.sh "$(PG_TEST_URL)"
	DATABASE_URL="$(PG_TEST_URL)" $(BIN)/pytest -q

# Timings of the team heatmap (200 counsellors × 20 competences) on a throwaway SQLite database,
# then of the search of 100,000 practice sheets on throwaway SQLite and PostgreSQL databases
# (PostgreSQL on 127.0.0.1:5432, skipped with a message when no server answers), then of a burst
# of event registrations beside the public event page, served by gunicorn on both databases,
# then of the interview scheduler on a Porto-sized speed-recruitment day and on one ten times
# bigger, against its greedy baseline (no database).
bench: install
	$(BIN)/python bench/team_heatmap.py
	$(BIN)/python bench/practices_search.py
	$(BIN)/python bench/agenda_registration.py
	$(BIN)/python bench/recruitment_schedule.py

lint: install
	$(BIN)/ruff format --check src tests
	$(BIN)/ruff check src tests

fmt: install
	$(BIN)/ruff format src tests
	$(BIN)/ruff check --fix src tests

typecheck: install
	COCADE_TESTING=1 $(BIN)/mypy src

messages: install
	@scripts/system-packages.sh messages
	cd src/cocade && DEBUG=1 ../../$(BIN)/cocade makemessages --no-obsolete --no-location \
	  $(foreach lang,fr en pt it da bg,-l $(lang)) --ignore "static/vendor/*"
	cd src/cocade && DEBUG=1 ../../$(BIN)/cocade compilemessages

vendor:
	scripts/vendor.sh

clean:
	rm -rf $(VENV) $(TOOLS) var
