# The single entry point: `make serve` to try the playground, `make test` to check it.
# Every target runs `setup` first, which installs only what is missing.

SHELL := /bin/bash
.DEFAULT_GOAL := serve
PORT ?= 8080
HOST ?= 127.0.0.1

# --- Toolchain: the one place it is chosen ------------------------------------------------
# Threaded wasm needs std rebuilt with atomics (-Z build-std), so the compiler must come with
# its std sources. Debian's rustc-web does (rust-web-src) and is preferred; RUSTC_BOOTSTRAP
# lets its stable compiler take -Z flags. Failing that, a rustup nightly with rust-src and
# the wasm32 target will do. Native builds and tests use the same compiler, so that both
# share one target/ directory without rebuilding each other's dependencies.
ifneq ($(wildcard /usr/bin/rustc /usr/lib/rustlib/src/rust/library),)
CARGO := env PATH=/usr/bin:$(PATH) RUSTC_BOOTSTRAP=1 cargo
else ifeq ($(shell rustup +nightly component list --installed 2>/dev/null | grep -c -e '^rust-src' -e '^rust-std-wasm32-unknown-unknown'),2)
CARGO := cargo +nightly
else
CARGO := env PATH=/usr/bin:$(PATH) RUSTC_BOOTSTRAP=1 cargo
endif
WASM_TARGET := wasm32-unknown-unknown
# Only the wasm build gets -Z build-std: a native `cargo test` must not.
# The page's builds use their own profile, `web` (Cargo.toml says why).
WASM_CARGO_FLAGS := --target $(WASM_TARGET) -Z build-std=panic_abort,std -p playground --profile web
CARGO_HOME ?= $(HOME)/.cargo
WASM_BINDGEN := $(CARGO_HOME)/bin/wasm-bindgen
WASM_BINDGEN_VERSION = $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/[^0-9.]/, ""); print}' Cargo.lock)
# rust-web-llvm brings `rust-lld`, the wasm linker: a Recommends of rustc-web, which
# `--no-install-recommends` skips, so it is named. python3-numpy: for `make bench`, which
# times the Python originals (Debian's python3).
APT_PACKAGES := rustc-web cargo-web rust-web-src rust-web-llvm rust-web-clippy rustfmt-web lld-22 chromium python3-numpy
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

# --- Outputs ---------------------------------------------------------------------------------
PKG := www/pkg
# The same crate without threads, for pages that are not cross-origin isolated (an embed in
# a course page): www/js/build.js picks one of the two. Its own target directory, so that
# the two builds do not keep invalidating each other.
PKG_SINGLE := www/pkg-single
WASM_SINGLE_OUT := target/single/$(WASM_TARGET)/web/playground.wasm
# RUSTFLAGS replaces the target's rustflags of .cargo/config.toml: no atomics, no shared
# memory; SIMD and the getrandom backend as there.
SINGLE_RUSTFLAGS := -C target-feature=+simd128 --cfg getrandom_backend="wasm_js"
GENERATED := www/generated
WASM_OUT := target/$(WASM_TARGET)/web/playground.wasm
RUST_SOURCES := $(shell find crate/src crate/kernel -name '*.rs') crate/Cargo.toml crate/kernel/Cargo.toml \
	Cargo.toml Cargo.lock .cargo/config.toml
# What the code panes show: each example's own files, not its test files (tools/bundle.mjs
# cuts the test modules inside them).
DEMO_SOURCES := $(shell find crate/src/demos -name '*.rs' -not -path '*/tests/*' -not -name tests.rs -not -path crate/src/demos/mod.rs)

# A recipe that fails leaves no half-made target behind to be taken as up to date.
.DELETE_ON_ERROR:

.PHONY: setup check-tools build serve test test-native test-e2e bench soak lint fmt clean

setup:
	@missing=""; for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
		echo "setup: installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@test -f Cargo.lock || $(CARGO) generate-lockfile
	@want="$(WASM_BINDGEN_VERSION)"; \
	have=$$($(WASM_BINDGEN) --version 2>/dev/null | awk '{print $$2}'); \
	if [ "$$have" != "$$want" ]; then \
		echo "setup: installing wasm-bindgen-cli $$want (a few minutes, once)"; \
		$(CARGO) install wasm-bindgen-cli --version "=$$want" --root $(CARGO_HOME) --force; \
	fi
	@if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then \
		npm ci --no-audit --no-fund --loglevel=error; \
	fi
	@$(MAKE) --no-print-directory check-tools

# Every tool the build and the tests call, run once: a package that installed without the
# program (or a program that cannot start) is named here, not deep inside a build.
check-tools:
	@missing=""; \
	rust-lld -flavor wasm --version >/dev/null 2>&1 || missing="$$missing rust-lld(rust-web-llvm)"; \
	$(CARGO) --version >/dev/null 2>&1 || missing="$$missing cargo(cargo-web)"; \
	test -d "$$(env PATH=/usr/bin:$$PATH rustc --print sysroot)/lib/rustlib/src/rust/library" || \
		[ "$(CARGO)" = "cargo +nightly" ] || missing="$$missing std-sources(rust-web-src)"; \
	[ "$$($(WASM_BINDGEN) --version 2>/dev/null | awk '{print $$2}')" = "$(WASM_BINDGEN_VERSION)" ] || \
		missing="$$missing wasm-bindgen($(WASM_BINDGEN_VERSION))"; \
	chromium --version >/dev/null 2>&1 || missing="$$missing chromium"; \
	node --version >/dev/null 2>&1 || missing="$$missing node(nodejs)"; \
	test -x node_modules/.bin/serve && test -x node_modules/.bin/esbuild && test -d node_modules/playwright-core || \
		missing="$$missing npm-packages(npm ci)"; \
	if [ -n "$$missing" ]; then \
		echo "setup: these tools are missing or do not run:$$missing" >&2; \
		echo "setup: install them (the package is in brackets), or run make setup again" >&2; \
		exit 1; \
	fi

build: setup $(PKG)/playground_bg.wasm $(PKG_SINGLE)/playground_bg.wasm $(GENERATED)/.stamp $(GENERATED)/crate.js www/_headers
	@# The site as served, in dist/: www/ with its modules bundled (the script says why).
	node tools/bundle.mjs

$(WASM_OUT): $(RUST_SOURCES)
	$(CARGO) build $(WASM_CARGO_FLAGS)
	@touch $@

# Without the name section (function names, 30 % of the module): a panic reports its own
# message and place, and every learner downloads the module.
WASM_BINDGEN_FLAGS := --target web --remove-name-section

$(PKG)/playground_bg.wasm: $(WASM_OUT) tools/patch-rayon-helper.mjs Makefile
	$(WASM_BINDGEN) $(WASM_BINDGEN_FLAGS) --out-dir $(PKG) $(WASM_OUT)
	node tools/patch-rayon-helper.mjs $(PKG)

$(WASM_SINGLE_OUT): $(RUST_SOURCES)
	RUSTFLAGS='$(SINGLE_RUSTFLAGS)' $(CARGO) build $(WASM_CARGO_FLAGS) \
		--no-default-features --target-dir target/single
	@touch $@

$(PKG_SINGLE)/playground_bg.wasm: $(WASM_SINGLE_OUT) Makefile
	$(WASM_BINDGEN) $(WASM_BINDGEN_FLAGS) --out-dir $(PKG_SINGLE) $(WASM_SINGLE_OUT)

# The code view shows the very sources that were compiled, copied at build time.
$(GENERATED)/.stamp: $(DEMO_SOURCES)
	@rm -rf $(GENERATED)/rust && mkdir -p $(GENERATED)/rust
	cd crate/src/demos && cp --parents $(DEMO_SOURCES:crate/src/demos/%=%) $(CURDIR)/$(GENERATED)/rust/
	@touch $@

# What the page takes from the crate: every example's parameters and the lanes' names
# (crate/src/examples.rs).
$(GENERATED)/crate.js: $(RUST_SOURCES)
	@mkdir -p $(GENERATED)
	$(CARGO) run --quiet --example export_page_module > $@

# The deploy headers for hosts that read a _headers file (Netlify, Cloudflare Pages), made
# from serve.json so that the dev server and a deployment send the same headers.
www/_headers: serve.json
	node -e 'const { headers } = require("./serve.json"); const rules = headers.flatMap((h) => ["/*", ...h.headers.map((x) => "  " + x.key + ": " + x.value)]); require("fs").writeFileSync("$@", rules.join("\n") + "\n");'

serve: build
	@echo "Serving the playground at http://$(HOST):$(PORT)/  (Ctrl-C stops)"
	node_modules/.bin/serve --config serve.json --no-clipboard --listen tcp://$(HOST):$(PORT)

test: test-native test-e2e

test-native: setup
	$(CARGO) test

test-e2e: build
	node --test --test-concurrency=1 tests/

# Not part of `make test` (which does a few rounds): 100 runs of every example in one page,
# with the live workers, JS heap and wasm memories after the first round and the last.
SOAK_RUNS ?= 100
soak: build
	SOAK_RUNS=$(SOAK_RUNS) node --test --test-reporter=spec tests/soak.test.mjs

# Not part of `make test`: figures, not verdicts (bench/report.md). BENCH_FLAGS=--quick
# checks that it runs.
bench: build
	node bench/bench.mjs $(BENCH_FLAGS)

lint: setup
	$(CARGO) fmt --all --check
	$(CARGO) clippy --all-targets -- -D warnings
	$(CARGO) clippy $(WASM_CARGO_FLAGS) -- -D warnings
	RUSTFLAGS='$(SINGLE_RUSTFLAGS)' $(CARGO) clippy $(WASM_CARGO_FLAGS) \
		--no-default-features --target-dir target/single -- -D warnings

fmt: setup
	$(CARGO) fmt --all

clean:
	rm -rf $(PKG) $(PKG_SINGLE) $(GENERATED) www/_headers dist target
