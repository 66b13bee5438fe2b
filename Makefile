# chiso — two commands do everything: `make demo` (web app, job worker + demo data on SQLite) and
# `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
CHISO_PORT ?= 8000
PO_FILES := $(wildcard src/chiso/*/locale/*/LC_MESSAGES/django.po)
MO_FILES := $(PO_FILES:.po=.mo)

.PHONY: install demo test test-db test-browser check bench messages makemessages clean

$(BIN)/.installed: pyproject.toml constraints.txt
	$(BIN)/python -m pip --version >/dev/null 2>&1 || $(PYTHON) -m venv --clear $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

%.mo: %.po
	msgfmt --check -o $@ $<

messages: $(MO_FILES)

install: $(BIN)/.installed node_modules/.installed $(MO_FILES)

demo: install
	DEBUG=1 $(BIN)/chiso migrate --noinput -v 0
	DEBUG=1 $(BIN)/chiso load_demo
	@echo "chiso: http://127.0.0.1:$(CHISO_PORT)/  (demo replays the 2023 plan as of $${CHISO_TODAY-2023-08-15}; Ctrl+C to stop)"
	@# The background-job worker runs beside the web server and stops with it.
	export DEBUG=1 CHISO_TODAY=$${CHISO_TODAY-2023-08-15}; \
	$(BIN)/chiso worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(BIN)/chiso runserver 127.0.0.1:$(CHISO_PORT)

# The whole suite on the configured database (SQLite unless DATABASE_URL is set), browsers included.
test: install
	DEBUG=1 $(BIN)/python -m pytest -q

# Only the tests that touch the database, e.g. DATABASE_URL=postgres://… make test-db
test-db: install
	DEBUG=1 $(BIN)/python -m pytest -q -m "not browser"

check: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	@# The django-stubs plugin loads the settings, which refuse to start without DEBUG or a SECRET_KEY.
	DEBUG=1 $(BIN)/mypy
	$(BIN)/lint-imports
	DEBUG=1 $(BIN)/chiso makemigrations --check --dry-run

bench: install
	DEBUG=1 $(BIN)/python -m pytest benchmarks -q --benchmark-only --benchmark-columns=min,median,mean,max,rounds

# Refresh one app's English catalogue: make makemessages APP=plans
makemessages: install
	cd src/chiso/$(APP) && mkdir -p locale && DEBUG=1 ../../../$(BIN)/django-admin makemessages --settings=chiso.site.settings -l en --ignore='migrations/*'

clean:
	rm -rf $(VENV) node_modules var test-output
