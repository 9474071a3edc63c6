# ctxplan: `make run` starts the REPL on the bundled presets; `make test` runs the tests.
PREFIX ?= /usr/local
SWIFT ?= swift
RELEASE_BIN = .build/release/ctxplan
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test build deps install bench figures format lint clean

# libedit's headers are the one system dependency (Debian: libedit-dev).
deps:
	@if ! pkg-config --exists libedit 2>/dev/null; then \
		echo "installing libedit-dev (libedit headers for the REPL)"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libedit-dev pkg-config >/dev/null; \
	fi

build: deps
	$(SWIFT) build -c release --product ctxplan --static-swift-stdlib

run: build
	@$(RELEASE_BIN)

# The whole-program tests run the release binary (CTXPLAN_BINARY), as users do: its speed is
# what the tests time, and a debug build's argument parsing is 50x slower.
test: build
	$(SWIFT) build --build-tests
	CTXPLAN_BINARY=$(abspath $(RELEASE_BIN)) $(SWIFT) test --skip-build --disable-swift-testing

install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/ctxplan
	install -m 755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/ctxplan
	rm -rf $(DESTDIR)$(PREFIX)/share/ctxplan/Presets
	cp -R Presets $(DESTDIR)$(PREFIX)/share/ctxplan/Presets
	install -d $(DESTDIR)$(PREFIX)/share/bash-completion/completions \
		$(DESTDIR)$(PREFIX)/share/zsh/site-functions $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	$(RELEASE_BIN) --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/ctxplan
	$(RELEASE_BIN) --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_ctxplan
	$(RELEASE_BIN) --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/ctxplan.fish
	@echo "installed $(DESTDIR)$(PREFIX)/bin/ctxplan with presets in $(DESTDIR)$(PREFIX)/share/ctxplan/Presets"

# Speed figures: one-shot start-up, planning questions, the fit against SciPy, and a fit of a
# million per-instance rows (time and peak memory).
bench: build
	$(SWIFT) build -c release --product PlanningBench --static-swift-stdlib
	python3 bench/startup.py $(RELEASE_BIN)
	.build/release/PlanningBench
	@python3 -c 'import scipy, numpy' 2>/dev/null || python3 -m pip install -q scipy numpy
	python3 bench/fit_bench.py $(RELEASE_BIN)
	python3 bench/scale_bench.py $(RELEASE_BIN)

# The paper's Figures 2-6 from the bundled data: SVG, and PNG where rsvg-convert is installed.
figures: build
	$(RELEASE_BIN) figures --out figures
	@if command -v rsvg-convert >/dev/null; then \
		for f in figures/*.svg; do rsvg-convert "$$f" -o "$${f%.svg}.png"; done; \
		echo "and PNG beside each"; \
	else echo "rsvg-convert not installed (Debian: librsvg2-bin): SVG only"; fi

# The layout in .swift-format (swift-argument-parser's, with 4 spaces and 120 columns):
# `make format` rewrites the sources in place, `make lint` only reports.
format:
	$(SWIFT) format --in-place --recursive Sources Tests

lint:
	$(SWIFT) format lint --recursive Sources Tests

clean:
	rm -rf .build figures
