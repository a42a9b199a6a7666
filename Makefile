# Tasks for developers and CI. The README's two set-up commands are `make run` and
# `make test`; on a fresh machine they need nothing but python3: the first run creates
# .venv and installs the project into it, later runs reuse it and reinstall only when
# pyproject.toml has changed (a stamp file in .venv remembers the last install).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# Extra arguments for pytest, e.g. `make test ARGS="-k admin -x"`.
ARGS ?=
# A throwaway key for the commands that run with debug off (tests, checks). Never serve with it.
TEST_SECRET_KEY := insecure-throwaway-key-for-tests-only

.DEFAULT_GOAL := help
.PHONY: help run test lint format migrations-check

help:
	@echo "make run               install, migrate, load the fixtures into an empty archive,"
	@echo "                       create an admin account (password printed once), serve"
	@echo "                       http://127.0.0.1:8000 with debug on"
	@echo "make test [ARGS=...]   install the dev dependencies and run the whole suite"
	@echo "make lint              ruff check and ruff format --check"
	@echo "make format            ruff format and ruff check --fix"
	@echo "make migrations-check  fail when a model change has no migration"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

# The dev extra includes everything the plain install has, so it refreshes both stamps.
$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@ $(VENV)/.installed

# Fixtures are loaded only into an empty archive, so a second run keeps the editors' changes.
run: export DJANGO_DEBUG := 1
run: $(VENV)/.installed
	$(MANAGE) migrate --noinput
	$(MANAGE) load_initial_data
	$(MANAGE) create_admin
	$(MANAGE) runserver 127.0.0.1:8000

# Tests always run with debug off, as in production, whatever the shell has set.
test: export DJANGO_SECRET_KEY ?= $(TEST_SECRET_KEY)
test: $(VENV)/.installed-dev
	env -u DJANGO_DEBUG $(BIN)/pytest $(ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

migrations-check: export DJANGO_SECRET_KEY ?= $(TEST_SECRET_KEY)
migrations-check: $(VENV)/.installed
	$(MANAGE) makemigrations --check --dry-run
