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
.PHONY: help run test test-quick browser-packages lint format migrations-check serve bench \
	soak cluster-test backup restore catalogues

help:
	@echo "make run               install, migrate, load the fixtures into an empty archive,"
	@echo "                       create an admin account (password printed once), serve"
	@echo "                       http://127.0.0.1:8000 with debug on"
	@echo "make test [ARGS=...]   install the dev dependencies (and, as root, Debian's"
	@echo "                       Chromium and CJK fonts for the browser tests) and run"
	@echo "                       the whole suite"
	@echo "make test-quick        the suite without the tests marked slow (-m 'not slow')"
	@echo "make lint              ruff check and ruff format --check"
	@echo "make format            ruff format and ruff check --fix"
	@echo "make migrations-check  fail when a model change has no migration"
	@echo "make serve             production server: gunicorn, debug off, static files"
	@echo "                       collected (needs DJANGO_SECRET_KEY)"
	@echo "make bench             each page's CPU per request as a ratio to a bare view (SQLite,"
	@echo "                       PostgreSQL, 100,000 films); writes docs/benchmarks.md"
	@echo "make soak [ARGS=...]   readers and editors at once against gunicorn for 60 s, then"
	@echo "                       check that no save was lost (ARGS=\"--database-url ...\")"
	@echo "make cluster-test      a PostgreSQL primary and streaming replica, Redis and two"
	@echo "                       gunicorn servers on loopback: edits, replica reads, failover"
	@echo "make catalogues        update locale/*/LC_MESSAGES/django.po from the marked"
	@echo "                       strings (then translate the new entries)"
	@echo "make backup            write backups/archive-<time>.jsonl.gz (natural keys)"
	@echo "make restore FILE=...  load a backup into an empty, migrated database"

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
	$(MANAGE) compile_catalogues
	$(MANAGE) migrate --noinput
	$(MANAGE) load_initial_data
	$(MANAGE) create_admin
	$(MANAGE) runserver 127.0.0.1:8000

# The browser tests drive Debian's Chromium (Playwright downloads no browser) and need CJK
# fonts to lay out the Korean titles. As root the packages are installed when missing
# (apt-get waits for a dpkg lock another install holds); anyone else is told the command.
BROWSER_PACKAGES := chromium fonts-noto-cjk
APT_INSTALL := apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends

browser-packages:
	@missing=""; \
	for package in $(BROWSER_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" \
			|| missing="$$missing $$package"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" -ne 0 ]; then \
		echo "make test: the browser tests need Debian's packages$$missing; install them with:"; \
		echo "    sudo sh -c 'apt-get update && $(APT_INSTALL)$$missing'"; \
		exit 1; \
	fi; \
	echo "Installing$$missing"; \
	apt-get -o DPkg::Lock::Timeout=600 update -qq && \
		DEBIAN_FRONTEND=noninteractive $(APT_INSTALL) -qq$$missing

# Tests always run with debug off, as in production, whatever the shell has set, in one
# worker per core (pytest-xdist).
test: export DJANGO_SECRET_KEY ?= $(TEST_SECRET_KEY)
test: $(VENV)/.installed-dev browser-packages
	env -u DJANGO_DEBUG $(MANAGE) compile_catalogues
	env -u DJANGO_DEBUG $(BIN)/pytest -n auto $(ARGS)

# The tests marked slow (a soak under gunicorn, the browser's walk of every page, grown
# archives) are left out: a check to run while working, `make test` before a commit.
test-quick: ARGS += -m "not slow"
test-quick: test

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

migrations-check: export DJANGO_SECRET_KEY ?= $(TEST_SECRET_KEY)
migrations-check: $(VENV)/.installed
	$(MANAGE) makemigrations --check --dry-run

# Production server: debug off, whitenoise serves the collected, compressed static files,
# gunicorn.conf.py sizes the workers to the cores. Plain HTTP on 127.0.0.1 needs
# DJANGO_SECURE_SSL_REDIRECT=0 (with debug off the site redirects to HTTPS).
serve: $(VENV)/.installed
	@test -n "$$DJANGO_SECRET_KEY" || { echo "make serve: set DJANGO_SECRET_KEY (debug is off)"; exit 2; }
	env -u DJANGO_DEBUG $(MANAGE) compile_catalogues
	env -u DJANGO_DEBUG $(MANAGE) migrate --noinput
	env -u DJANGO_DEBUG $(MANAGE) collectstatic --noinput -v 0
	env -u DJANGO_DEBUG $(BIN)/python -m gunicorn config.wsgi:application

# The benchmark (benchmarks/bench.py): each page's CPU time per request, in-process, as a
# ratio to a bare view, on SQLite and PostgreSQL; writes docs/benchmarks.md. It generates
# the archives on the first run, e.g. ARGS="--databases sqlite" or ARGS="--profile home";
# ARGS="--load" adds a load test with wrk (Debian's package).
bench: $(VENV)/.installed-dev
	DJANGO_SECRET_KEY=$(TEST_SECRET_KEY) $(MANAGE) compile_catalogues
	@case "$(ARGS)" in *--load*) command -v wrk >/dev/null || \
		{ apt-get update -qq && apt-get install -y -qq wrk; } ;; esac
	$(BIN)/python -m benchmarks.bench $(ARGS)

# The soak test (benchmarks/soak.py): gunicorn under reading and editing client processes
# for 60 s on a temporary SQLite file, e.g. ARGS="--duration 300" or
# ARGS="--database-url postgres://postgres@127.0.0.1:5432/soak" (created and dropped if new).
soak: $(VENV)/.installed
	$(BIN)/python benchmarks/soak.py $(ARGS)

# The cluster test (benchmarks/cluster.py): a PostgreSQL primary and a streaming replica
# (the machine's /usr/lib/postgresql/*/bin; as root they run as the postgres user), Redis
# (redis-server) and two gunicorn servers, all on free loopback ports under a temporary
# folder that is removed afterwards; checks an edit across servers, reads on the replica and
# the loss of the replica and of Redis, and prints what it measured. ARGS="--timeout 300".
cluster-test: $(VENV)/.installed
	$(BIN)/python benchmarks/cluster.py $(ARGS)

# The translation catalogues from the strings marked in the code and the public templates
# (archive/catalogues.py; docs/translations.md). Compiling needs no step: run, test and
# serve compile them.
catalogues: export DJANGO_SECRET_KEY ?= $(TEST_SECRET_KEY)
catalogues: $(VENV)/.installed
	$(MANAGE) update_catalogues

# Maintenance commands run with debug on unless the shell gives a secret key.
MAINTENANCE_ENV = $(if $(DJANGO_SECRET_KEY),,DJANGO_DEBUG=1)

backup: $(VENV)/.installed
	$(MAINTENANCE_ENV) $(MANAGE) backup_archive

restore: $(VENV)/.installed
	@test -n "$(FILE)" || { echo "make restore: say which backup, e.g. make restore FILE=backups/archive-20260101T000000Z.jsonl.gz"; exit 2; }
	$(MAINTENANCE_ENV) $(MANAGE) migrate --noinput
	$(MAINTENANCE_ENV) $(MANAGE) restore_archive "$(FILE)"
