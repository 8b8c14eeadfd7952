# imsaudit developer and demo commands. Every target creates .venv when it is missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: demo test lint typecheck check system-deps clean help

help:
	@echo "make demo   - audit the three sample organizations: reports/<sample>/report.pdf"
	@echo "make test   - lint, type-check and run the test suite"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

system-deps:
	@bash scripts/system-deps.sh

SAMPLES := evidence_samples
FORMATS := pdf,html,json,md,csv,xlsx,sarif,junit,oscal

demo: $(STAMP) system-deps
	$(BIN)/imsaudit packs validate
	$(BIN)/imsaudit audit $(SAMPLES)/helix-institute --out reports/helix-institute --format $(FORMATS)
	$(BIN)/imsaudit audit $(SAMPLES)/fenwick-enclosures --out reports/fenwick-enclosures --format $(FORMATS)
	$(BIN)/imsaudit audit $(SAMPLES)/tidewater-institute --pack iso56001-2024 --pack std-integration \
	  --as-of 2026-11-01 --out reports/tidewater-institute --format $(FORMATS)
	$(BIN)/imsaudit checklist --pack iso56001-2024 --pack std-integration --format pdf \
	  --out reports/tidewater-institute/checklist.pdf
	@mkdir -p reports/packs
	@for p in iso9001-2015 iso56001-2024 std-integration; do \
	  $(BIN)/imsaudit packs graph $$p --format svg --out reports/packs/$$p.svg; \
	done
	@echo
	@echo "Gap-analysis reports of the three sample organizations (evidence_samples/README.md):"
	@echo "  reports/helix-institute/report.pdf      research institute, mature ISO 56001 + standardization"
	@echo "  reports/fenwick-enclosures/report.pdf   manufacturer, ISO 9001 with typical gaps"
	@echo "  reports/tidewater-institute/report.pdf  new research institution, almost nothing yet"
	@echo "  reports/tidewater-institute/checklist.pdf  what it should set up first, in order"
	@echo "Each folder also holds report.html, audit.json, findings.xlsx, SARIF, JUnit and OSCAL."

lint: $(STAMP)
	$(BIN)/ruff check .

typecheck: $(STAMP)
	$(BIN)/mypy

test: $(STAMP) system-deps lint typecheck
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
