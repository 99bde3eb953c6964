# Tasks a maintainer runs; CI (.ci/run) runs lint, types and db-check before the README's
# test command. Everything uses the project's venv (.venv), made by `make venv`.
PY      ?= .venv/bin/python
BIN     := $(dir $(PY))
DBCHECK := $(CURDIR)/instance/db-check.sqlite3

.PHONY: venv lint format types test-unit test translations db-check lock check

venv:
	python3.11 -m venv .venv && .venv/bin/pip install -q -e '.[test]'

lint:                 ## ruff: errors, imports, bugbear, modern syntax, and the house format
	$(BIN)ruff check vve tests benchmarks deploy wsgi.py setup.py
	$(BIN)ruff format --check vve tests benchmarks deploy wsgi.py setup.py

format:               ## rewrite the code in the house format, with ruff's safe fixes
	$(BIN)ruff check --fix vve tests benchmarks deploy wsgi.py setup.py
	$(BIN)ruff format vve tests benchmarks deploy wsgi.py setup.py

types:                ## mypy: strict on the pure core, checked everywhere else
	$(BIN)mypy

test-unit:            ## the core and the writer, no database (seconds)
	$(PY) -m pytest -q tests/unit --no-cov

test:                 ## everything, with coverage of vve/ (as the README's test command)
	$(PY) -m pytest

translations:         ## extract the messages, update both catalogs, compile them
	$(BIN)pybabel extract -F babel.cfg -k _l -k lazy_gettext -k N_ -k lazy_pgettext:1c,2 --no-location --sort-output \
	    -o translations/messages.pot .
	$(BIN)pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching
	$(BIN)pybabel compile -d translations

db-check:             ## the models and the migrations describe the same schema
	mkdir -p instance && rm -f $(DBCHECK)
	DATABASE_URL=sqlite:///$(DBCHECK) $(BIN)flask --app wsgi db upgrade
	DATABASE_URL=sqlite:///$(DBCHECK) $(BIN)flask --app wsgi db check
	rm -f $(DBCHECK)

# The hashed lock files of the deployment (docs/deploy.md, "Dependencies"), resolved on
# Python 3.11 against PyPI alone (no local wheel folders or constraints), with pip-tools in
# a venv of its own. `make lock` keeps the pins and adds what is new (after changing
# install_requires or build-system.requires); `make lock UPGRADE=--upgrade` takes the newest
# releases (monthly, for security fixes). Then `make test` and read the diff.
LOCK_VENV := .venv-lock
LOCK_ENV  := env -u PIP_FIND_LINKS -u PIP_CONSTRAINT PIP_CONFIG_FILE=/dev/null CUSTOM_COMPILE_COMMAND="make lock"
LOCK_ARGS := -q $(UPGRADE) --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url
lock:
	test -x $(LOCK_VENV)/bin/pip-compile || (python3.11 -m venv $(LOCK_VENV) \
	    && $(LOCK_ENV) $(LOCK_VENV)/bin/pip install -q 'pip-tools==7.6.2')
	$(LOCK_ENV) $(LOCK_VENV)/bin/pip-compile $(LOCK_ARGS) -o requirements/deploy.txt setup.cfg
	$(LOCK_ENV) $(LOCK_VENV)/bin/pip-compile $(LOCK_ARGS) --build-deps-for=wheel --only-build-deps \
	    -o requirements/build.txt pyproject.toml

check: lint types db-check test
