# NTM Assistant — the two commands of the README:
#   make run    set up everything, ingest documents/ and start the app
#   make test   set up everything and run the whole test suite (what CI runs)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PORT ?= 8501
ADDRESS ?= 127.0.0.1

.PHONY: run test setup install model readers browser ingest lint bench clean

# torch first, pinned, so that pip takes the CPU build instead of a multi-GB CUDA build.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

model: install
	$(BIN)/ntm model fetch

setup: model

ingest: setup
	$(BIN)/ntm ingest documents || [ $$? -eq 3 ]

run: readers ingest
	$(BIN)/streamlit run app.py --server.headless true --server.address $(ADDRESS) \
		--server.port $(PORT) --browser.gatherUsageStats false --server.fileWatcherType none

# Debian's Chromium drives the end-to-end tests (Playwright uses it, never downloads one).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

# What the app reads documents with: LibreOffice (else antiword) opens old Word .doc files,
# Tesseract with its Vietnamese model reads scanned PDF pages that poppler draws; LibreOffice
# and poppler also render the tests' downloaded Word brief to page images.
readers:
	@command -v soffice >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends \
			libreoffice-writer-nogui poppler-utils >/dev/null; }
	@command -v antiword >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq antiword >/dev/null; }
	@command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx vie || { \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends \
			tesseract-ocr tesseract-ocr-vie >/dev/null; }

lint: install
	$(BIN)/ruff check .

test: setup readers browser lint
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python benchmarks/bench.py all

clean:
	rm -rf $(VENV) .pytest_cache test-artifacts
