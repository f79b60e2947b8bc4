# What Matters: `make run` sets everything up and starts the bot; `make test` runs every test.
# `make help` lists the targets.
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

.PHONY: help setup train run chat test test-fast system-deps screenshots lint validate security bench run-scaled lock clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## /\1\t/' | expand -t 14

$(STAMP): requirements.txt pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.10 is needed (Rasa 3.6 runs on 3.10 only). Install it, or run: make PYTHON=/path/to/python3.10"; exit 1; }
	@echo "Setting up $(VENV) with $(PYTHON)"
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip==24.2"
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	ln -sfn "$$($(BIN)/python -c 'import os; from careplan.nlp import model_path; print(os.path.realpath(model_path()))')" $(VENV)/spacy-model
	touch $(STAMP)

setup: $(STAMP) ## Make .venv from the pinned requirements (Python 3.10)

train: setup ## Train the Rasa model, unless one for this data and config is cached
	$(BIN)/python scripts/train.py

run: train ## Start the action server, Rasa, the care-team app (and Telegram bot); Ctrl-C stops
	$(BIN)/python scripts/serve.py

chat: setup ## Chat with the running bot in the terminal
	$(BIN)/python scripts/chat.py

validate: setup ## Check the training data (rasa data validate; a real warning fails it)
	$(BIN)/python scripts/validate_data.py

lint: setup ## ruff
	$(BIN)/ruff check .

# Every test: lint, data validation, conversation tests (rasa test, through
# rasa_ext so WHAT_MATTERS_STOCK_RASA=1 tests Rasa as shipped), then pytest, all
# three tiers (unit, stack, system: see tests/conftest.py).
test: train system-deps ## Every check and every test (lint, data, conversations, all pytest tiers)
	$(BIN)/ruff check .
	$(BIN)/python scripts/validate_data.py
	$(BIN)/python -m rasa_ext test core --stories tests/test_stories.yml \
	  --model "$$($(BIN)/python scripts/train.py)" --fail-on-prediction-errors --out results/stories
	tools/security_checks.sh || [ $$? -eq 3 ]  # 3: the dependency audit can't reach its database here
	$(BIN)/pytest -rA -p no:cacheprovider

# The unit tier: no servers, no training, no system packages.
test-fast: setup ## The unit tests only: no servers, no training (under a minute)
	$(BIN)/pytest -m "unit and not slow" -q -p no:cacheprovider

# Debian packages the system tier needs (Chromium, fonts, PostgreSQL, Redis, nginx).
system-deps: ## Install the Debian packages the system tests need (apt-get, as root or with sudo)
	scripts/system_packages.sh

screenshots: system-deps ## Retake the care-team screenshots in docs/img (docs/careteam.md)
	WHAT_MATTERS_SCREENSHOTS=1 $(BIN)/pytest tests/test_careteam_practice_browser.py -q -p no:cacheprovider

security: setup ## Static security checks and the dependency audit
	tools/security_checks.sh

# Ours against Rasa's own starter bot, trained and served in the same run (docs/benchmarks.md).
bench: train ## Benchmark ours against Rasa's starter bot (docs/benchmarks.md)
	$(BIN)/python -m bench

# PostgreSQL, Redis, nginx, two Rasa replicas and two action servers on loopback (docs/deployment.md).
run-scaled: train ## The production profile on loopback: PostgreSQL, Redis, nginx, two replicas
	$(BIN)/python -m scale --model "$$($(BIN)/python scripts/train.py)"

# requirements.in -> requirements.txt, every pin with its hashes (pip-tools, added to .venv if missing).
lock: setup ## Re-resolve requirements.in into requirements.txt with hashes
	test -x $(BIN)/pip-compile || $(BIN)/pip install --quiet "pip-tools==7.4.1"
	$(BIN)/pip-compile --quiet --allow-unsafe --generate-hashes --no-emit-index-url \
	  --output-file=requirements.txt requirements.in

clean: ## Remove models/, results/ and pytest's cache (state in var/ stays)
	rm -rf models results .pytest_cache
