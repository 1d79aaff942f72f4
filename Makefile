# twitter-tutor: `make run` starts the tutor, `make test` runs every check. Both create .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint typecheck pytest fuzz bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# An editable install leaves our modules uncompiled; compile them as installing the wheel would,
# so `make run` starts like an installed tutor (Python keeps them current after edits).
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m compileall -q src
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m compileall -q src
	touch $@ $(STAMP)

run: $(STAMP)
	$(BIN)/twitter-tutor

lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests bench

typecheck: $(TEST_STAMP)
	$(BIN)/mypy

pytest: $(TEST_STAMP)
	$(BIN)/pytest -q

test: lint typecheck pytest

# Long fuzz run (issue 12): many more hostile inputs per property than `make test` tries, and
# new random examples for every property test (`make test` replays a fixed set).
FUZZ_EXAMPLES ?= 2000
fuzz: $(TEST_STAMP)
	TWITTER_TUTOR_FUZZ=$(FUZZ_EXAMPLES) $(BIN)/pytest -q -p no:cacheprovider tests/unit

bench: $(TEST_STAMP)
	$(BIN)/python bench/run_all.py --write BENCHMARKS.md

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
