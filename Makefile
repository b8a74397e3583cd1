# Next Round: `make run` to use it, `make test` to check it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint format lock clean bench

$(BIN)/nextround: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e .
	touch $@

# The test tools (pytest, Playwright, ruff…) only for those who run the tests.
$(VENV)/.test-tools: $(BIN)/nextround
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test]"
	touch $@

install: $(BIN)/nextround ## Make .venv with nextround and its pinned dependencies.

run: install ## Migrate, then serve on http://$(HOST):$(PORT)/.
	$(BIN)/nextround migrate --no-input
	$(BIN)/nextround serve --host $(HOST) --port $(PORT)

lint: $(VENV)/.test-tools ## Lint, format check, the import layers, and a check for missing migrations.
	$(BIN)/ruff check nextround tests
	$(BIN)/ruff format --check nextround tests
	$(BIN)/lint-imports
	$(BIN)/nextround django makemigrations --check --dry-run

# pytest-xdist workers; CI has two cores. `make test WORKERS=4` on a bigger machine.
WORKERS ?= 2

test: lint ## Everything: lint, then the whole suite on SQLite and PostgreSQL.
	$(BIN)/pytest -n $(WORKERS) -p no:cacheprovider
	.ci/with-postgres $(BIN)/pytest -n $(WORKERS) -p no:cacheprovider

# W1 times SCALE; DB=postgres runs on a throwaway PostgreSQL 15 cluster and adds W2.
# BENCH_OPTIONS passes more, e.g. "--workers 1 --threads 8" (see python -m nextround.bench -h).
SCALE ?= 1
DB ?= sqlite
BENCH_OPTIONS ?=

bench: install ## Seed a heavy made-up account, serve it, print how fast each page is.
ifeq ($(DB),postgres)
	PG_EXTRA_OPTIONS= .ci/with-postgres $(BIN)/python -m nextround.bench --scale $(SCALE) --hosted $(BENCH_OPTIONS)
else
	$(BIN)/python -m nextround.bench --scale $(SCALE) $(BENCH_OPTIONS)
endif

format: $(VENV)/.test-tools
	$(BIN)/ruff check --fix nextround tests
	$(BIN)/ruff format nextround tests

lock: ## Re-pin every dependency after changing pyproject.toml.
	rm -rf /tmp/nextround-lock && $(PYTHON) -m venv /tmp/nextround-lock
	/tmp/nextround-lock/bin/pip install --quiet ".[test]"
	/tmp/nextround-lock/bin/pip freeze --exclude nextround --exclude pip --exclude setuptools --exclude wheel \
		| sed '1i # Pinned versions of every dependency, direct and indirect. Update with: make lock' > constraints.txt

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
