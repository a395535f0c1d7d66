#!/usr/bin/env bash
# Tests how scripts/setup.sh picks the browser for the browser tests (ensure_chromium):
# $CHROMIUM wins; then /usr/bin/chromium; then a preinstalled Chrome ($CHROME_BIN, google-chrome,
# google-chrome-stable); Debian (and derivatives other than Ubuntu's family) without a browser
# gets `apt install chromium`; any other system gets a message saying what to install and a
# non-zero exit. Everything is fake: browsers are tiny scripts in a temporary folder, PATH holds
# only them and the few tools setup.sh needs, os-release and /usr/bin/chromium are temporary
# files (REPORT_LENS_OS_RELEASE, REPORT_LENS_SYSTEM_CHROMIUM), and apt is a script that records
# what it was asked to install (REPORT_LENS_APT_INSTALL). Nothing is installed; no browser runs.
#
#   tests/setup/pick_browser.sh      (scripts/test.sh runs it as the pick-browser step)
# shellcheck disable=SC2016 # case names and the inner script name $VARIABLES literally
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SETUP="$ROOT/scripts/setup.sh"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# Only these tools are on the PATH the cases run with, so no real browser can be found.
mkdir -p "$TMP/tools" "$TMP/home"
for tool in awk cat chmod dirname head id sed sha256sum; do
    ln -s "$(command -v "$tool")" "$TMP/tools/$tool"
done

# fake NAME PATH: a browser that only answers --version.
fake_browser() {
    mkdir -p "$(dirname "$2")"
    printf '#!/bin/sh\necho "%s 1.0"\n' "$1" >"$2"
    chmod +x "$2"
}

# The fake apt: records its arguments, and "installs" chromium where Debian's package puts it.
cat >"$TMP/tools/fake-apt" <<'APT'
#!/bin/sh
printf '%s\n' "$*" >>"$FAKE_APT_LOG"
for pkg in "$@"; do
    if [ "$pkg" = chromium ]; then
        printf '#!/bin/sh\necho "Debian Chromium 1.0"\n' >"$REPORT_LENS_SYSTEM_CHROMIUM"
        chmod +x "$REPORT_LENS_SYSTEM_CHROMIUM"
    fi
done
APT
chmod +x "$TMP/tools/fake-apt"

# fc-list that knows a Chinese font, unless FAKE_NO_CJK is set.
cat >"$TMP/tools/fc-list" <<'FC'
#!/bin/sh
[ -n "${FAKE_NO_CJK:-}" ] || echo "/usr/share/fonts/wqy-microhei.ttc: WenQuanYi Micro Hei:style=Regular"
FC
chmod +x "$TMP/tools/fc-list"

# What the browser suite sees: a child process reading CHROMIUM from its environment.
cat >"$TMP/tools/print-chromium" <<'PRINT'
#!/bin/sh
echo "CHOSEN=${CHROMIUM:-}"
PRINT
chmod +x "$TMP/tools/print-chromium"

os_release() {
    printf '%s\n' "$@" >"$TMP/os-release"
}

# A clean world for each case: no browsers anywhere, Debian, fonts present.
CASE_DIR=""
new_case() {
    CASE_DIR=$(mktemp -d "$TMP/case.XXXX")
    mkdir -p "$CASE_DIR/bin" "$CASE_DIR/usr-bin"
    : >"$CASE_DIR/apt.log"
    os_release 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"' 'ID=debian'
}

# run [VAR=value...]: ensure_chromium in a fresh bash with only the given environment, then a
# child process prints the CHROMIUM it inherits (CHOSEN=...); sets OUT (stdout + stderr), RC, and
# APT (what the fake apt was asked to install, one call a line).
run() {
    set +e
    OUT=$(env -i HOME="$TMP/home" PATH="$CASE_DIR/bin:$TMP/tools" \
        REPORT_LENS_OS_RELEASE="$TMP/os-release" \
        REPORT_LENS_SYSTEM_CHROMIUM="$CASE_DIR/usr-bin/chromium" \
        REPORT_LENS_APT_INSTALL="$TMP/tools/fake-apt" \
        FAKE_APT_LOG="$CASE_DIR/apt.log" \
        "$@" "$BASH" -c 'source "$1"; ensure_chromium; print-chromium' _ "$SETUP" 2>&1)
    RC=$?
    set -e
    APT=$(cat "$CASE_DIR/apt.log")
}

FAILURES=0
CASE=""
check() {
    local what=$1
    shift
    if "$@"; then
        printf '  ok    %s: %s\n' "$CASE" "$what"
    else
        FAILURES=$((FAILURES + 1))
        printf '  FAIL  %s: %s\n' "$CASE" "$what"
        printf '        exit %s; output:\n' "$RC"
        # shellcheck disable=SC2001 # every line of a multi-line value
        sed 's/^/        | /' <<<"$OUT"
        printf '        apt calls: %s\n' "${APT:-none}"
    fi
}
chose() { [[ $RC -eq 0 ]] && grep -qxF "CHOSEN=$1" <<<"$OUT"; }
no_apt() { [[ -z $APT ]]; }
apt_was() { [[ $APT == "$1" ]]; }
failed_with() { [[ $RC -ne 0 ]] && grep -qF "$1" <<<"$OUT"; }

CASE='$CHROMIUM wins'
new_case
fake_browser "My Chromium" "$CASE_DIR/opt/my-chromium"
fake_browser "Debian Chromium" "$CASE_DIR/usr-bin/chromium"
fake_browser "Google Chrome" "$CASE_DIR/bin/google-chrome"
fake_browser "Chrome for Testing" "$CASE_DIR/opt/chrome/chrome"
run CHROMIUM="$CASE_DIR/opt/my-chromium" CHROME_BIN="$CASE_DIR/opt/chrome/chrome"
check "chooses \$CHROMIUM over every other browser" chose "$CASE_DIR/opt/my-chromium"
check "reports its version" grep -qF "My Chromium 1.0" <<<"$OUT"
check "installs nothing" no_apt

CASE='$CHROMIUM as a command'
new_case
fake_browser "Chromium on PATH" "$CASE_DIR/bin/chromium-dev"
run CHROMIUM=chromium-dev
check "resolves a name on PATH to its path" chose "$CASE_DIR/bin/chromium-dev"

CASE='$CHROMIUM wrong'
new_case
fake_browser "Debian Chromium" "$CASE_DIR/usr-bin/chromium"
run CHROMIUM="$CASE_DIR/nowhere/chromium"
check "stops instead of quietly taking another browser" failed_with "CHROMIUM=$CASE_DIR/nowhere/chromium is not an executable"
check "installs nothing" no_apt

CASE='/usr/bin/chromium'
new_case
fake_browser "Debian Chromium" "$CASE_DIR/usr-bin/chromium"
fake_browser "Google Chrome" "$CASE_DIR/bin/google-chrome"
run CHROME_BIN="$CASE_DIR/bin/google-chrome"
check "is preferred to a Chrome" chose "$CASE_DIR/usr-bin/chromium"
check "installs nothing" no_apt

CASE='$CHROME_BIN'
new_case
fake_browser "Chrome for Testing" "$CASE_DIR/opt/chrome/chrome"
fake_browser "Google Chrome" "$CASE_DIR/bin/google-chrome"
run CHROME_BIN="$CASE_DIR/opt/chrome/chrome"
check "is found when there is no Chromium, before google-chrome on PATH" chose "$CASE_DIR/opt/chrome/chrome"
check "installs nothing, even on Debian" no_apt

CASE='google-chrome'
new_case
fake_browser "Google Chrome" "$CASE_DIR/bin/google-chrome"
fake_browser "Google Chrome stable" "$CASE_DIR/bin/google-chrome-stable"
run
check "is found on PATH when there is no Chromium" chose "$CASE_DIR/bin/google-chrome"
check "installs nothing" no_apt

CASE='google-chrome-stable'
new_case
fake_browser "Google Chrome stable" "$CASE_DIR/bin/google-chrome-stable"
os_release 'ID=ubuntu' 'ID_LIKE=debian'
run CHROME_BIN="$CASE_DIR/nowhere/chrome"
check "is found on Ubuntu when \$CHROME_BIN points nowhere" chose "$CASE_DIR/bin/google-chrome-stable"

CASE='Debian, no browser'
new_case
run
check "installs Debian's chromium (not chromium-driver), then uses it" chose "$CASE_DIR/usr-bin/chromium"
check "with one apt call for chromium alone" apt_was "chromium"

CASE='Debian, no browser, no CJK font'
new_case
run FAKE_NO_CJK=1
check "installs chromium and fonts-wqy-microhei" apt_was $'chromium\nfonts-wqy-microhei'

CASE='Raspberry Pi OS, no browser'
new_case
os_release 'ID=raspbian' 'ID_LIKE=debian'
run
check "counts as Debian: apt install chromium" apt_was "chromium"

CASE='Ubuntu, no browser'
new_case
os_release 'ID=ubuntu' 'ID_LIKE=debian'
run
check "says what to install and fails" failed_with "Install Chromium or Google Chrome"
check "does not try apt (Ubuntu has no chromium package)" no_apt

CASE='Linux Mint, no browser'
new_case
os_release 'ID=linuxmint' 'ID_LIKE="ubuntu debian"'
run
check "is Ubuntu's family: the message, no apt" failed_with "Install Chromium or Google Chrome"
check "installs nothing" no_apt

CASE='Fedora, no browser'
new_case
os_release 'ID=fedora'
run
check "says what to install and fails" failed_with "Install Chromium or Google Chrome"
check "installs nothing" no_apt

CASE='no os-release (macOS), no browser'
new_case
rm "$TMP/os-release"
run
check "says what to install and fails" failed_with "/Applications/Google Chrome.app"
check "installs nothing" no_apt

CASE='other system, Chrome present'
new_case
os_release 'ID=fedora'
fake_browser "Google Chrome" "$CASE_DIR/bin/google-chrome"
run FAKE_NO_CJK=1
check "uses the Chrome" grep -qxF "CHOSEN=$CASE_DIR/bin/google-chrome" <<<"$OUT"

if [[ $FAILURES -gt 0 ]]; then
    printf 'pick_browser: %d check(s) failed\n' "$FAILURES"
    exit 1
fi
printf 'pick_browser: all checks passed\n'
