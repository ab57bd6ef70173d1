# Two commands on a fresh clone: `make run` and `make test`. Both create .venv and install what is needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
FOLDS ?= 0 1 2 3 4

.PHONY: venv bytecode run start stop status test lint format bench proof eval clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip
	@$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev,words]'
	@touch $(STAMP)

venv: $(STAMP)

# Bytecode for the source tree, as the container image has it: with PYTHONDONTWRITEBYTECODE set (as on the dev
# machines) every process recompiled every module, about a third of `segue ask`'s wall time (BENCHMARKS.md).
# Incremental: only files changed since the last run are compiled again.
bytecode: venv
	@$(BIN)/python -m compileall -q src

run: bytecode
	$(BIN)/segue run

# In the background, like a service (`segue ctl --help`: restart, logs, monitor).
start: bytecode
	$(BIN)/segue ctl start

stop: venv
	$(BIN)/segue ctl stop

status: venv
	$(BIN)/segue ctl status

lint: venv
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache
	$(BIN)/vulture
	$(BIN)/python -m segue.i18n

format: venv
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

test: lint
	$(BIN)/pytest -q

bench: bytecode
	$(BIN)/python -m bench

proof: venv
	$(BIN)/python -m bench.proof

eval: venv
	$(BIN)/segue eval-folds --folds "$(FOLDS)" --output EVALUATION.md
	$(BIN)/segue eval-moods --output EVALUATION.md
	$(BIN)/segue eval-requests --split dev --output EVALUATION.md
	$(BIN)/segue eval-requests --split dev --requests tests/data/thin_seed_requests.json --output EVALUATION.md
	$(BIN)/segue eval-words --split dev --output EVALUATION.md
	$(BIN)/segue eval-neighbors --folds "$(FOLDS)" --output EVALUATION.md

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
