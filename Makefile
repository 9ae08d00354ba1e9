# newsclean: two commands on a fresh machine with Python 3.11+: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_OUT ?= demo-out

.PHONY: demo test install quality benchmarks fuzz clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/newsclean run examples/ --out $(DEMO_OUT)
	@echo
	@echo "Parquet written under: $(abspath $(DEMO_OUT))/articles"
	@echo "DuckDB: select language, count(*) from read_parquet('$(abspath $(DEMO_OUT))/articles/**/*.parquet', hive_partitioning=true) group by 1"
	@$(BIN)/python -c "import duckdb; print(duckdb.sql(\"select language, count(*) as articles from read_parquet('$(abspath $(DEMO_OUT))/articles/**/*.parquet', hive_partitioning=true) group by 1 order by 2 desc\"))"

test: $(STAMP)
	$(BIN)/python -m pytest -q

FUZZ_SECONDS ?= 300
fuzz: $(STAMP)
	$(BIN)/pip install --quiet atheris==3.0.0
	mkdir -p fuzz/findings
	cd fuzz/findings && ../../$(BIN)/python ../fuzz_targets.py readers -max_total_time=$(FUZZ_SECONDS)
	cd fuzz/findings && ../../$(BIN)/python ../fuzz_targets.py cleaner -max_total_time=$(FUZZ_SECONDS)

quality: $(STAMP)
	$(BIN)/python benchmarks/quality.py

clean:
	rm -rf $(VENV) $(DEMO_OUT) .prefect
