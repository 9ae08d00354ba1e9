# newsclean: two commands on a fresh machine with Python 3.11+: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_OUT ?= demo-out

.PHONY: demo test install lock compat quality benchmarks fuzz clean chromium

# The tested set: constraints.txt pins every package; pyproject.toml only declares ranges.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e ".[test]"
	touch $(STAMP)

# Re-resolve the newest versions within pyproject.toml's ranges into constraints.txt (then run make test).
lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock && .venv-lock/bin/pip install --quiet ".[test]"
	{ sed -n 1,2p constraints.txt; .venv-lock/bin/pip freeze --exclude newsclean; } > constraints.txt.new
	mv constraints.txt.new constraints.txt && rm -rf .venv-lock

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/newsclean run examples/ --out $(DEMO_OUT) --embedded-prefect
	@echo
	@echo "Parquet written under: $(abspath $(DEMO_OUT))/articles"
	@echo "Run report (open in a browser): $$(ls -t $(abspath $(DEMO_OUT))/runs/*.html | head -1)"
	@echo "DuckDB: select language, count(*) from read_parquet('$(abspath $(DEMO_OUT))/articles/**/*.parquet', hive_partitioning=true) group by 1"
	@$(BIN)/python -c "import duckdb; print(duckdb.sql(\"select language, count(*) as articles from read_parquet('$(abspath $(DEMO_OUT))/articles/**/*.parquet', hive_partitioning=true) group by 1 order by 2 desc\"))"

test: $(STAMP) chromium
	$(BIN)/python -m pytest -q

# Headless Chromium for the browser tests of the HTML pages (tests/test_report_html.py): Debian's
# package, installed when it is missing and we are root; otherwise nothing, and those tests skip saying why.
chromium:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
		&& { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
		|| echo "chromium not installed (needs root and apt-get): the browser tests will skip"; }

FUZZ_SECONDS ?= 300
fuzz: $(STAMP)
	$(BIN)/pip install --quiet atheris==3.0.0
	mkdir -p fuzz/findings
	cd fuzz/findings && ../../$(BIN)/python ../fuzz_targets.py readers -max_total_time=$(FUZZ_SECONDS)
	cd fuzz/findings && ../../$(BIN)/python ../fuzz_targets.py cleaner -max_total_time=$(FUZZ_SECONDS)

# Installs newsclean next to a user's own packages: pyarrow of the previous major and the newest
# Prefect 3.x first, then `pip install .` (no constraints) must keep them; the fast tests then run.
COMPAT_PYARROW ?= pyarrow<26
compat:
	rm -rf .venv-compat && $(PYTHON) -m venv .venv-compat
	.venv-compat/bin/pip install --quiet --upgrade pip
	.venv-compat/bin/pip install --quiet "$(COMPAT_PYARROW)" "prefect>=3,<4"
	.venv-compat/bin/pip freeze | grep -iE '^(pyarrow|prefect)==' > .venv-compat/before.txt
	.venv-compat/bin/pip install --quiet ".[test]"
	.venv-compat/bin/pip freeze | grep -iE '^(pyarrow|prefect)==' > .venv-compat/after.txt
	diff .venv-compat/before.txt .venv-compat/after.txt && cat .venv-compat/after.txt
	.venv-compat/bin/python -m pytest -q -m "not slow" -p no:cacheprovider

quality: $(STAMP)
	$(BIN)/python benchmarks/quality.py

clean:
	rm -rf $(VENV) .venv-compat $(DEMO_OUT) .prefect
