# What Matters: `make run` sets everything up and starts the bot; `make test` runs every test.
SHELL := /bin/bash
.DEFAULT_GOAL := run

# A working Python 3.10: $(PYTHON) if given, else the first that runs.
PYTHON ?= $(shell for p in python3.10 "$$(pyenv root 2>/dev/null)/versions/3.10.13/bin/python3.10" \
             /usr/bin/python3.10 /usr/local/bin/python3.10; do \
             "$$p" -c 'import sys; assert sys.version_info[:2] == (3, 10)' >/dev/null 2>&1 && { echo "$$p"; break; }; \
           done)
# Rasa would otherwise try to send usage data and error reports to the internet.
export RASA_TELEMETRY_ENABLED := false
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup train run chat test lint validate security bench run-scaled clean

$(STAMP): requirements.txt pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.10 is needed (Rasa 3.6 runs on 3.10 only). Install it, or run: make PYTHON=/path/to/python3.10"; exit 1; }
	@echo "Setting up $(VENV) with $(PYTHON)"
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip==24.2"
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	ln -sfn "$$($(BIN)/python -c 'from careplan.nlp import model_path; print(model_path())')" $(VENV)/spacy-model
	touch $(STAMP)

setup: $(STAMP)

train: setup
	$(BIN)/python scripts/train.py

run: train
	$(BIN)/python scripts/serve.py

chat: setup
	$(BIN)/python scripts/chat.py

validate: setup
	$(BIN)/rasa data validate

lint: setup
	$(BIN)/ruff check .

# Every test: lint, data validation, conversation tests (rasa test), then pytest
# (unit, end-to-end over REST, Telegram stand-in, browser, faults, scale).
test: train
	scripts/system_packages.sh
	$(BIN)/ruff check .
	$(BIN)/rasa data validate
	$(BIN)/rasa test core --stories tests/test_stories.yml --model "$$($(BIN)/python scripts/train.py)" \
	  --fail-on-prediction-errors --out results/stories
	tools/security_checks.sh || [ $$? -eq 3 ]  # 3: the dependency audit can't reach its database here
	$(BIN)/pytest -rA -p no:cacheprovider

security: setup
	tools/security_checks.sh

# Ours against Rasa's own starter bot, trained and served in the same run (docs/benchmarks.md).
bench: train
	$(BIN)/python -m bench

# PostgreSQL, Redis, nginx, two Rasa replicas and two action servers on loopback (docs/deployment.md).
run-scaled: train
	$(BIN)/python -m scale --model "$$($(BIN)/python scripts/train.py)"

clean:
	rm -rf models results .pytest_cache
