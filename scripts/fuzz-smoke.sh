#!/usr/bin/env bash
# Fuzz smoke run: each cargo-fuzz target for a few seconds, starting from the committed
# corpus in fuzz/seeds/<target>/ (new inputs go to a temporary directory, not to git).
#
#   scripts/fuzz-smoke.sh            # every target, 15 s each (scripts/test.sh: 12 s)
#   FUZZ_SECONDS=60 scripts/fuzz-smoke.sh analyze input
#
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`); without them it
# prints why and exits 0, so that machines without nightly skip it. Crashes are written to
# fuzz/artifacts/<target>/ and make the script exit 1.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
SECONDS_EACH=${FUZZ_SECONDS:-15}
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
    TARGETS=(analyze decode input docx html doc ofd pdf layout superlinear)
fi

if ! cargo +nightly --version >/dev/null 2>&1; then
    echo "fuzz-smoke: SKIPPED: the nightly toolchain is not installed (rustup toolchain install nightly)"
    exit 0
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "fuzz-smoke: SKIPPED: cargo-fuzz is not installed (cargo install cargo-fuzz)"
    exit 0
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Build everything first so that the time limits measure fuzzing, not compiling.
# `superlinear` measures time: it is built without sanitizers.
echo "fuzz-smoke: building targets"
build() {
    if ! cargo +nightly fuzz build --fuzz-dir "$ROOT/fuzz" "$@" >"$WORK/build.log" 2>&1; then
        tail -n 40 "$WORK/build.log"
        echo "fuzz-smoke: FAILED to build the fuzz targets ($*)"
        exit 1
    fi
}
build
build -s none superlinear

failed=()
for t in "${TARGETS[@]}"; do
    args=(-max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1)
    sanitizer=()
    case "$t" in
        superlinear) args+=(-max_len=256) sanitizer=(-s none) ;;
        *) args+=(-max_len=16384) ;;
    esac
    mkdir -p "$WORK/$t"
    log="$WORK/$t.log"
    if cargo +nightly fuzz run --fuzz-dir "$ROOT/fuzz" "${sanitizer[@]}" "$t" \
        "$WORK/$t" "$ROOT/fuzz/seeds/$t" -- "${args[@]}" >"$log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        echo "fuzz-smoke: $t ok (${runs:-?} runs in ${SECONDS_EACH} s)"
    else
        echo "fuzz-smoke: $t FAILED; log follows"
        grep -vE '^#[0-9]+' "$log" | tail -n 40
        failed+=("$t")
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz-smoke: failures in ${failed[*]}; inputs are in fuzz/artifacts/"
    exit 1
fi
echo "fuzz-smoke: all ${#TARGETS[@]} targets ok"
