# Tasks a maintainer runs; CI (.ci/run) runs lint, types and db-check before the README's
# test command. Everything uses the project's venv (.venv), made by `make venv`.
PY      ?= .venv/bin/python
BIN     := $(dir $(PY))
DBCHECK := $(CURDIR)/instance/db-check.sqlite3

.PHONY: venv lint format types test-unit test translations db-check check

venv:
	python3.11 -m venv .venv && .venv/bin/pip install -q -e '.[test]'

lint:                 ## ruff: errors, imports, bugbear, modern syntax, and the house format
	$(BIN)ruff check vve tests benchmarks wsgi.py setup.py
	$(BIN)ruff format --check vve tests benchmarks wsgi.py setup.py

format:               ## rewrite the code in the house format, with ruff's safe fixes
	$(BIN)ruff check --fix vve tests benchmarks wsgi.py setup.py
	$(BIN)ruff format vve tests benchmarks wsgi.py setup.py

types:                ## mypy: strict on the pure core, checked everywhere else
	$(BIN)mypy

test-unit:            ## the core and the writer, no database (seconds)
	$(PY) -m pytest -q tests/unit --no-cov

test:                 ## everything, with coverage of vve/ (as the README's test command)
	$(PY) -m pytest

translations:         ## extract the messages, update both catalogs, compile them
	$(BIN)pybabel extract -F babel.cfg -k _l -k lazy_gettext -k N_ --no-location --sort-output \
	    -o translations/messages.pot .
	$(BIN)pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching
	$(BIN)pybabel compile -d translations

db-check:             ## the models and the migrations describe the same schema
	mkdir -p instance && rm -f $(DBCHECK)
	DATABASE_URL=sqlite:///$(DBCHECK) $(BIN)flask --app wsgi db upgrade
	DATABASE_URL=sqlite:///$(DBCHECK) $(BIN)flask --app wsgi db check
	rm -f $(DBCHECK)

check: lint types db-check test
