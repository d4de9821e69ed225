# EduApp: `make run` opens the app, `make test` runs the whole suite. Both set up .venv
# first (system packages, the app with its embedded model, the test tools).
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
export CMAKE_BUILD_PARALLEL_LEVEL ?= 2

.PHONY: run test bench translations screenshots clean

$(STAMP): pyproject.toml scripts/setup-system.sh
	bash scripts/setup-system.sh
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[embedded,test]"
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/eduapp

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: $(STAMP)
	for f in bench/bench_*.py; do echo "== $$f"; QT_QPA_PLATFORM=offscreen $(PY) $$f || exit 1; done

translations: $(STAMP)
	$(PY) scripts/translations.py

screenshots: $(STAMP)
	bash scripts/screenshots.sh out/screenshots

clean:
	rm -rf $(VENV) build *.egg-info
