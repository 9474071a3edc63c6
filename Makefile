# ctxplan: `make run` starts the REPL on the bundled presets; `make test` runs the tests.
PREFIX ?= /usr/local
SWIFT ?= swift
RELEASE_BIN = .build/release/ctxplan
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# pipefail: a build piped through the filter below still fails when the build does.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
# The static link pulls in Foundation's own createTemporaryFile, whose mktemp call makes GNU ld
# warn on every release build; the code is the toolchain's, not ours, and ld's only switch (-w)
# would hide every linker message, errors too. This drops that one line.
HIDE_TOOLCHAIN_MKTEMP_WARNING = sed -u "/the use of .mktemp. is dangerous/d"

.PHONY: run test build deps install install-files man uninstall bench figures format lint clean

# libedit's headers are the one system dependency (Debian: libedit-dev).
deps:
	@if ! pkg-config --exists libedit 2>/dev/null; then \
		echo "installing libedit-dev (libedit headers for the REPL)"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libedit-dev pkg-config >/dev/null; \
	fi

# SwiftPM and corelibs Foundation leave an empty TemporaryDirectory.* folder in $TMPDIR for each
# atomic write (six a build): builds and tests run in a temporary folder of their own, removed after.
IN_OWN_TMPDIR = tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && export TMPDIR="$$tmp" &&

# The release binary carries the Swift runtime and Foundation (--static-swift-stdlib) and is
# linked position-dependent: its loader then has no 79,000 relative relocations to apply and page
# in, a fifth of a one-shot command's time. Only a static build may: against the shared runtime
# the linker warns that function pointers may compare unequal.
STATIC_LINK = --static-swift-stdlib -Xlinker -no-pie

build: deps
	@$(IN_OWN_TMPDIR) set -x && $(SWIFT) build -c release --product ctxplan $(STATIC_LINK) 2>&1 \
		| $(HIDE_TOOLCHAIN_MKTEMP_WARNING)

run: build
	@$(RELEASE_BIN)

# The whole-program tests run the release binary (CTXPLAN_BINARY), as users do: a debug build's
# argument parsing is 50x slower, which would make them minutes long. No test times anything
# (speed is for `make bench`). The test build is a debug build of its own, beside the release one:
# neither rebuilds the other, so `make run` after `make test` starts at once.
test: build
	@$(IN_OWN_TMPDIR) set -x && $(SWIFT) build --build-tests && \
		CTXPLAN_BINARY=$(abspath $(RELEASE_BIN)) $(SWIFT) test --skip-build --disable-swift-testing

# What `make install` writes, under $(DESTDIR)$(PREFIX); `make uninstall` removes exactly these.
BIN ?= $(RELEASE_BIN)
MANPAGE ?= .build/manual/ctxplan.1
INSTALLED_BIN = $(DESTDIR)$(PREFIX)/bin/ctxplan
INSTALLED_SHARE = $(DESTDIR)$(PREFIX)/share/ctxplan
INSTALLED_MAN = $(DESTDIR)$(PREFIX)/share/man/man1/ctxplan.1
BASH_COMPLETION = $(DESTDIR)$(PREFIX)/share/bash-completion/completions/ctxplan
ZSH_COMPLETION = $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_ctxplan
FISH_COMPLETION = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/ctxplan.fish

install: build man install-files

# The man page, by swift-argument-parser's generate-manual tool from the release binary's own help.
# The package's GenerateManual plugin (`swift package plugin generate-manual`) runs this same tool
# and works offline, but first rebuilds ctxplan without --static-swift-stdlib: a second release
# build. Building the tool alone takes seconds once ArgumentParser is built.
man: build
	$(SWIFT) build --product generate-manual
	mkdir -p .build/manual
	"$$($(SWIFT) build --show-bin-path)/generate-manual" $(RELEASE_BIN) --output-directory .build/manual

# The copying alone, from $(BIN) and $(MANPAGE) as they are (the tests install a debug build).
install-files:
	install -d $(DESTDIR)$(PREFIX)/bin $(INSTALLED_SHARE) $(dir $(INSTALLED_MAN)) $(dir $(BASH_COMPLETION)) \
		$(dir $(ZSH_COMPLETION)) $(dir $(FISH_COMPLETION))
	install -m 755 $(BIN) $(INSTALLED_BIN)
	rm -rf $(INSTALLED_SHARE)/Presets
	cp -R Presets $(INSTALLED_SHARE)/Presets
	install -m 644 $(MANPAGE) $(INSTALLED_MAN)
	$(BIN) --generate-completion-script bash > $(BASH_COMPLETION)
	$(BIN) --generate-completion-script zsh > $(ZSH_COMPLETION)
	$(BIN) --generate-completion-script fish > $(FISH_COMPLETION)
	@echo "installed $(INSTALLED_BIN) with presets in $(INSTALLED_SHARE)/Presets and the man page ctxplan(1)"

# Removes what install wrote, and share/ctxplan, which only ctxplan uses; the shared folders stay.
uninstall:
	rm -f $(INSTALLED_BIN) $(INSTALLED_MAN) $(BASH_COMPLETION) $(ZSH_COMPLETION) $(FISH_COMPLETION)
	rm -rf $(INSTALLED_SHARE)

# Speed figures: one-shot start-up and the cost of a piped line (wall and CPU time against the
# targets), scenario tables, planning questions, the fit against SciPy, and reading
# results against their Python peers (pandas + SciPy on 1M and 10M CSV rows, a json.load loop on
# 500 and 5,000 paper-eval files, and a fit of those files), each with its peak memory and the
# ratio. The peers run from a virtual environment made here (ignored by git); when pip cannot
# install pandas, numpy and SciPy their columns say skipped. Every part runs; a missed target
# fails the target at the end.
BENCH_VENV = .build/bench-venv
bench: build
	$(SWIFT) build -c release --product PlanningBench $(STATIC_LINK) 2>&1 | $(HIDE_TOOLCHAIN_MKTEMP_WARNING)
	@if ! $(BENCH_VENV)/bin/python -c 'import pandas, scipy, numpy' 2>/dev/null; then \
		echo "making $(BENCH_VENV) with pandas, numpy and SciPy for the peers"; \
		(python3 -m venv $(BENCH_VENV) && $(BENCH_VENV)/bin/pip install -q pandas numpy scipy) \
			|| echo "pip could not install pandas, numpy and SciPy: the peer figures are skipped"; \
	fi
	@status=0; \
	PEER=$$($(BENCH_VENV)/bin/python -c 'import pandas, scipy, numpy' 2>/dev/null && echo $(BENCH_VENV)/bin/python); \
	python3 bench/startup.py $(RELEASE_BIN) || status=1; \
	python3 bench/scenarios.py $(RELEASE_BIN) || status=1; \
	.build/release/PlanningBench || status=1; \
	if [ -n "$$PEER" ]; then $$PEER bench/fit_bench.py $(RELEASE_BIN) || status=1; \
	else echo "fit against SciPy skipped: no SciPy"; fi; \
	python3 bench/scale_bench.py $(RELEASE_BIN) $$PEER || status=1; \
	python3 bench/import_bench.py $(RELEASE_BIN) $$PEER || status=1; \
	exit $$status

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
