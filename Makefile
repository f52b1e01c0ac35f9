# Two commands do everything on a fresh machine with Python 3.11+ and make:
#   make site   create .venv, install what building needs (requirements.txt), build site/
#   make test   the same, plus the test tools (requirements-test.txt), then every test
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: site test check diff serve golden bench profile clean

$(STAMP): requirements.txt
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is required")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

$(TEST_STAMP): $(STAMP) requirements-test.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $(TEST_STAMP)

# Extra flags for the generator, e.g. make site FLAGS=--accept-removals=jilin-2023
FLAGS ?=

site: $(STAMP)
	$(BIN)/python -m generator build --strict $(FLAGS)

test: $(TEST_STAMP)
	$(BIN)/python -m pytest

check: $(STAMP)
	$(BIN)/python -m generator check --strict $(FLAGS)

diff: $(STAMP)
	$(BIN)/python -m generator diff

serve: $(STAMP)
	$(BIN)/python -m generator serve

# Rewrite the golden Markdown from the current generator; review the diff.
golden: $(TEST_STAMP)
	$(BIN)/python -m pytest tests/test_golden.py --update-golden

# Benchmarks (not tests): figures printed and written to bench/results.json.
BENCH_STAMP := $(VENV)/.bench-installed

$(BENCH_STAMP): $(TEST_STAMP) bench/requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r bench/requirements.txt
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(BIN)/python bench/archive.py
	$(BIN)/python bench/run.py
	$(BIN)/python bench/regenerate.py
	@if command -v npm >/dev/null && [ -f site/index.html ]; then \
		cd bench && npm install --no-audit --no-fund --silent && cd .. && $(BIN)/python bench/lighthouse.py site; \
	else echo "lighthouse: needs npm and a built site/ (make site); skipped"; fi

profile: $(BENCH_STAMP)
	$(BIN)/python bench/run.py --profile

clean:
	rm -rf site docs $(VENV)
