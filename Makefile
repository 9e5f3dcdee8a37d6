# peerscope: build, test and serve.
#
#   make serve      install what is missing, build the web app, serve it on http://127.0.0.1:8080
#   make test       what CI runs: format, lint (native and wasm), the core's freedom from web
#                   crates, native tests of every crate (with the hostile corpus of
#                   tests/hostile/, which cli/tests/hostile_zips.rs writes with python3 and
#                   runs under a 4 GiB address-space limit), in-browser tests, the release
#                   build, end to end in Chromium
#   make build      the web app (dist/) and the CLI, both release
#   make dist       the web app, release, into dist/
#   make cli        the native CLI, target/release/peerscope
#   make doc        the developers' documentation of every crate, private items included,
#                   into target/doc; fails on a broken link (not part of test yet)
#   make tools      install the toolchain only (idempotent: what is there at the right version
#                   is skipped, so a repeated run costs seconds)
#   make browser    install Chromium and ChromeDriver only
#   make bench      peerscope against chat-analytics, NetworkX and graphology, side by side,
#                   plus Criterion micro-benchmarks; table printed and in target/bench/report.md
#                   (installs the peers into the git-ignored .bench/; BENCH_FULL=1 adds the
#                   1 M-message export with chat-analytics on it and the other formats at
#                   1 GB, BENCH_RUNS=N sets the runs per pair, BENCH_EXPORT_1M=FILE reuses
#                   a 1 M export; python3 benches/run.py --help; not part of test)
#   make fuzz       every cargo-fuzz target of fuzz/ (each importer, detection, and zip
#                   archives as a whole), one after the other, FUZZ_SECONDS each (default
#                   60); executions and time per target
#                   printed and appended to target/fuzz/log.md; fails naming any crash input
#                   (installs cargo-fuzz; needs the nightly toolchain; not part of test)
#   make clean      remove build output; `make distclean` also removes .tools/
#
# Tools: the wasm32 target (rustup), Trunk and the wasm-bindgen CLI (cargo install, into
# ~/.cargo/bin, the two in parallel), wasm-opt from npm's binaryen (into the git-ignored
# .tools/), Chromium and ChromeDriver (apt-get, with sudo only when not root).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TRUNK_VERSION := 0.21.14
BINARYEN_VERSION := 132.0.0
# axe-core, injected by the end-to-end tests to check accessibility (tests/e2e/embed.rs).
AXE_VERSION := 4.10.2
WASM_TARGET := wasm32-unknown-unknown
# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock 2>/dev/null)

TOOLS := $(CURDIR)/.tools
CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
# Trunk finds wasm-opt (and everyone finds cargo-installed tools) through PATH.
export PATH := $(TOOLS)/node_modules/.bin:$(CARGO_BIN):$(PATH)

# Where `make serve` listens (`make serve PORT=8081` when 8080 is taken).
ADDRESS := 127.0.0.1
PORT := 8080

CHROMIUM := /usr/bin/chromium

# The web app is built for size: opt-level "z" for the wasm only (the native CLI keeps
# the release profile's opt-level 3). Measured on this code: 627 KB gzip at 3, 496 KB at z.
WASM_OPT_LEVEL := z
TRUNK := env CARGO_PROFILE_RELEASE_OPT_LEVEL=$(WASM_OPT_LEVEL) trunk
CHROMEDRIVER := /usr/bin/chromedriver
# The end-to-end tests on the real samples need ../shared/samples: without it the plain
# `cargo test` reports them ignored with that reason, and the browser run skips them.
# The re-settle measurement on a big export of your choice runs by hand only (it needs
# PEERSCOPE_RESETTLE_EXPORT); the sample tests need ../shared/samples.
E2E_SKIP := --skip resettle::resettle_timing_on_an_export \
	$(if $(wildcard $(CURDIR)/../shared/samples),,--skip samples:: \
	--skip phone::a_long_file_name_stays_inside_a_phone_screen \
	--skip readable::the_telegram_export_reads_at_every_size)

# In-browser tests: wasm-bindgen-test-runner drives ChromeDriver (the runner is also set in
# .cargo/config.toml; naming it here keeps `make test` independent of that file), with the
# browser flags of tests/web/webdriver.json and a generous per-test timeout.
WASM_TEST_ENV := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	CHROMEDRIVER=$(CHROMEDRIVER) \
	WASM_BINDGEN_TEST_WEBDRIVER_JSON=$(CURDIR)/tests/web/webdriver.json \
	WASM_BINDGEN_TEST_TIMEOUT=300

TOOL_TARGETS := tool-target tool-trunk tool-wasm-bindgen tool-wasm-opt tool-axe

# Runs install targets side by side (the two cargo installs take minutes each).
install = start=$$(date +%s); \
	$(MAKE) --no-print-directory -j8 $(1); \
	echo "installs checked in $$(( $$(date +%s) - start )) s"

# Prints a banner, runs the command, prints how long it took.
run = echo "==> $(1)"; start=$$(date +%s); $(1); echo "<== $$(( $$(date +%s) - start )) s"

# $(call cargo-install,name,arguments): `cargo install --force <arguments>`, output in
# .tools/logs/<name>.log (two installs run side by side), the log's end shown on failure.
# CARGO_TARGET_DIR is unset so parallel installs do not wait on one shared target folder.
define cargo-install
mkdir -p '$(TOOLS)/logs'; \
echo "installing $(1): cargo install --force $(2) (log: .tools/logs/$(1).log)"; \
start=$$(date +%s); \
if env -u CARGO_TARGET_DIR cargo install --force $(2) >'$(TOOLS)/logs/$(1).log' 2>&1; then \
  echo "installed $(1) in $$(( $$(date +%s) - start )) s"; \
else \
  echo "error: cargo install $(2) failed after $$(( $$(date +%s) - start )) s; the end of its log:" >&2; \
  tail -n 40 '$(TOOLS)/logs/$(1).log' >&2; \
  exit 1; \
fi
endef

# $(call apt-install,packages): apt-get install, as root or through sudo; on failure
# (a stale or empty package list) update the list once and try again. Installs run side by
# side, so apt waits for the dpkg lock instead of failing on it.
APT_WAIT := -o DPkg::Lock::Timeout=600
define apt-install
sudo=; if [ "$$(id -u)" -ne 0 ]; then sudo=sudo; fi; \
echo "installing $(1) with apt-get"; \
start=$$(date +%s); \
if ! $$sudo env DEBIAN_FRONTEND=noninteractive apt-get $(APT_WAIT) install -y $(1); then \
  echo "apt-get install failed; updating the package list and trying again"; \
  $$sudo apt-get $(APT_WAIT) update; \
  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get $(APT_WAIT) install -y $(1); \
fi; \
echo "installed $(1) in $$(( $$(date +%s) - start )) s"
endef

.PHONY: help serve test build dist cli doc tools browser bench fuzz clean distclean \
	tool-target tool-trunk tool-wasm-bindgen tool-wasm-opt tool-axe tool-python

help:
	@sed -n '3,/^#$$/{/^#$$/d;s/^# \{0,1\}//;p;}' Makefile

serve: tools
	$(TRUNK) serve --release --address $(ADDRESS) --port $(PORT)

build: dist cli

dist: tools
	@$(call run,$(TRUNK) build --release)

cli:
	@$(call run,cargo build --release -p peerscope-cli)

# The docs are for the people changing the code, and module docs link to the private
# helpers they describe: every private item is documented, so those links resolve and the
# lint against linking to private items is off; a broken link fails.
DOC_FLAGS := -D warnings -A rustdoc::private_intra_doc_links

doc:
	@$(call run,env RUSTDOCFLAGS='$(DOC_FLAGS)' cargo doc --workspace --no-deps --document-private-items)

# Peers pinned in benches/run.py (npm into .bench/node, pip into .bench/venv); the release
# CLI and the Criterion benches build in the default target folder.
bench:
	@if [ ! -f dist/index.html ]; then $(call install,$(TOOL_TARGETS)); fi
	@$(call run,python3 benches/run.py)

test:
	@$(call install,$(TOOL_TARGETS) browser tool-python)
	@$(call run,cargo fmt --all -- --check)
	@$(call run,cargo clippy --workspace --all-targets -- -D warnings)
	@$(call run,cargo clippy --target $(WASM_TARGET) -p peerscope-core -p peerscope-web -p peerscope-all-formats --lib --bins -- -D warnings)
	@# The page's wasm as Trunk builds it: the core without its five rarest formats (alone,
	@# since Cargo unifies features over the packages of one run).
	@$(call run,cargo clippy --target $(WASM_TARGET) -p peerscope-web --lib --bins -- -D warnings)
	@# The developers' docs, private items included: a broken link fails the run.
	@$(call run,env RUSTDOCFLAGS='$(DOC_FLAGS)' cargo doc --workspace --no-deps --document-private-items)
	@$(call run,./tests/core_has_no_web_crate.sh)
	@$(call run,python3 tests/hostile/texts.py target/hostile-texts --scale 0.1)
	@$(call run,cargo test --workspace)
	@# The core as the page's wasm has it: a rare format is detected and named, not read.
	@$(call run,cargo test -p peerscope-core --no-default-features --features bundled-sample --lib rare::)
	@$(call run,env $(WASM_TEST_ENV) cargo test --target $(WASM_TARGET) -p peerscope-web --test web)
	@$(call run,$(TRUNK) build --release)
	@# Last, and with no trailer, so the run ends on the test runner's own summary line.
	@# One binary, tests/e2e/main.rs, a module per part of the page; its browser tests are
	@# the ignored ones.
	@echo "==> end to end: tests/e2e/"
	@env CHROMEDRIVER=$(CHROMEDRIVER) CHROMIUM=$(CHROMIUM) \
	  cargo test -p peerscope-web --test e2e -- --ignored --test-threads=1 $(E2E_SKIP)

# ---- fuzzing ---------------------------------------------------------------------------

CARGO_FUZZ_VERSION := 0.13.2
FUZZ_SECONDS := 60
# Large enough for a real export's structure, small enough to keep executions fast.
FUZZ_MAX_LEN := 262144
FUZZ_TARGETS := detect discord slack telegram whatsapp discourse reddit youtube github mastodon \
  youtube_live_chat messenger matrix zulip csv zips

# Corpora (git-ignored) are seeded from tests/fixtures/ and /work/shared/samples/ when
# present; fuzz/run.sh runs the targets (cargo +nightly fuzz run) and writes the log.
fuzz:
	@if [ "$$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $(CARGO_FUZZ_VERSION)" ]; then \
	  $(call cargo-install,cargo-fuzz,--locked cargo-fuzz --version $(CARGO_FUZZ_VERSION)); \
	fi
	@python3 fuzz/seed.py
	@fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_MAX_LEN) $(FUZZ_TARGETS)

clean:
	cargo clean
	rm -rf dist

distclean: clean
	rm -rf '$(TOOLS)'

# ---- tools -----------------------------------------------------------------------------

tools:
	@$(call install,$(TOOL_TARGETS))

tool-target:
	@command -v rustup >/dev/null || { echo "error: rustup is needed (https://rustup.rs)" >&2; exit 1; }
	@if rustup target list --installed | grep -qx '$(WASM_TARGET)'; then \
	  echo "ok: rust target $(WASM_TARGET)"; \
	else \
	  rustup target add $(WASM_TARGET); \
	fi
	@for component in rustfmt clippy; do \
	  if rustup component list --installed | grep -q "^$$component"; then \
	    echo "ok: rustup component $$component"; \
	  else \
	    rustup component add $$component; \
	  fi; \
	done

tool-trunk:
	@if [ "$$(trunk --version 2>/dev/null)" = "trunk $(TRUNK_VERSION)" ]; then \
	  echo "ok: trunk $(TRUNK_VERSION)"; \
	else \
	  $(call cargo-install,trunk,--locked trunk --version $(TRUNK_VERSION)); \
	fi

# Without --locked: wasm-bindgen-cli's own lock file wants a crate version the registry
# mirror lacks.
tool-wasm-bindgen:
	@if [ -z '$(WASM_BINDGEN_VERSION)' ]; then \
	  echo "error: no wasm-bindgen package in Cargo.lock; run cargo generate-lockfile" >&2; exit 1; \
	fi
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $(WASM_BINDGEN_VERSION)" ] && \
	    [ "$$(wasm-bindgen-test-runner --version 2>/dev/null)" = "wasm-bindgen-test-runner $(WASM_BINDGEN_VERSION)" ]; then \
	  echo "ok: wasm-bindgen $(WASM_BINDGEN_VERSION)"; \
	else \
	  $(call cargo-install,wasm-bindgen,wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)); \
	fi

tool-wasm-opt:
	@if ! command -v npm >/dev/null; then $(call apt-install,nodejs npm); fi
	@if [ "$$('$(TOOLS)/node_modules/.bin/wasm-opt' --version 2>/dev/null)" = \
	      "wasm-opt version $(firstword $(subst ., ,$(BINARYEN_VERSION))) (version_$(firstword $(subst ., ,$(BINARYEN_VERSION))))" ]; then \
	  echo "ok: wasm-opt $(BINARYEN_VERSION) in .tools/"; \
	else \
	  mkdir -p '$(TOOLS)'; \
	  [ -f '$(TOOLS)/package.json' ] || echo '{"name": "peerscope-tools", "private": true}' >'$(TOOLS)/package.json'; \
	  echo "installing wasm-opt: npm install binaryen@$(BINARYEN_VERSION) into .tools/"; \
	  start=$$(date +%s); \
	  npm install --prefix '$(TOOLS)' --save-exact --no-audit --no-fund 'binaryen@$(BINARYEN_VERSION)'; \
	  '$(TOOLS)/node_modules/.bin/wasm-opt' --version; \
	  echo "installed wasm-opt in $$(( $$(date +%s) - start )) s"; \
	fi

# After tool-wasm-opt: two npm installs into one .tools/ at once would undo each other, and
# --save-exact keeps both packages in .tools/package.json so neither install prunes the other.
tool-axe: tool-wasm-opt
	@if [ "$$(node -p "require('$(TOOLS)/node_modules/axe-core/package.json').version" 2>/dev/null)" = '$(AXE_VERSION)' ]; then \
	  echo "ok: axe-core $(AXE_VERSION) in .tools/"; \
	else \
	  [ -f '$(TOOLS)/package.json' ] || echo '{"name": "peerscope-tools", "private": true}' >'$(TOOLS)/package.json'; \
	  echo "installing axe-core: npm install axe-core@$(AXE_VERSION) into .tools/"; \
	  start=$$(date +%s); \
	  npm install --prefix '$(TOOLS)' --save-exact --no-audit --no-fund 'axe-core@$(AXE_VERSION)'; \
	  echo "installed axe-core in $$(( $$(date +%s) - start )) s"; \
	fi

# The hostile corpus (tests/hostile/zips.py) is written by python3, standard library only.
tool-python:
	@if command -v python3 >/dev/null; then \
	  echo "ok: python3"; \
	else \
	  $(call apt-install,python3); \
	fi

# Chromium and its driver come from the same Debian source package, so their versions match.
browser:
	@if [ -x '$(CHROMIUM)' ] && [ -x '$(CHROMEDRIVER)' ]; then \
	  echo "ok: chromium and chromedriver in /usr/bin"; \
	else \
	  $(call apt-install,chromium chromium-driver); \
	fi
	@browser=$$({ '$(CHROMIUM)' --version 2>/dev/null || true; } | grep -oE '[0-9]+(\.[0-9]+)+' | head -n 1 || true); \
	driver=$$({ '$(CHROMEDRIVER)' --version 2>/dev/null || true; } | grep -oE '[0-9]+(\.[0-9]+)+' | head -n 1 || true); \
	if [ -z "$$browser" ] || [ "$$browser" != "$$driver" ]; then \
	  echo "error: Chromium '$$browser' and ChromeDriver '$$driver' differ; run apt-get install -y chromium chromium-driver" >&2; \
	  exit 1; \
	fi; \
	echo "ok: Chromium and ChromeDriver $$browser"
