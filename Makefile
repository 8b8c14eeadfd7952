# imsaudit developer and demo commands. Every target creates .venv when it is missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: demo test lint typecheck check system-deps clean help

help:
	@echo "make demo   - validate the packs, audit the example organization, write reports/gapcorp/report.pdf"
	@echo "make test   - lint, type-check and run the test suite"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

system-deps:
	@bash scripts/system-deps.sh

demo: $(STAMP) system-deps
	$(BIN)/imsaudit packs validate
	$(BIN)/imsaudit packs list
	@mkdir -p reports/packs
	@for p in iso9001-2015 iso56001-2024 std-integration; do \
	  $(BIN)/imsaudit packs graph $$p --format mermaid --out reports/packs/$$p.mmd; \
	  $(BIN)/imsaudit packs graph $$p --format dot --out reports/packs/$$p.dot; \
	done
	$(BIN)/imsaudit packs crosswalk --format json > reports/packs/crosswalk.json
	@echo "Pack graphs and the HS crosswalk are in reports/packs/"
	$(BIN)/imsaudit audit tests/e2e/gapcorp --pack iso9001-2015 --out reports/gapcorp \
	  --format pdf,html,json,md,csv,xlsx,sarif,junit,oscal
	$(BIN)/imsaudit explain reports/gapcorp/audit.json QMS-9.2.2-01
	@echo "The gap-analysis report is reports/gapcorp/report.pdf (and report.html, findings.xlsx ...)"

lint: $(STAMP)
	$(BIN)/ruff check .

typecheck: $(STAMP)
	$(BIN)/mypy

test: $(STAMP) system-deps lint typecheck
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
