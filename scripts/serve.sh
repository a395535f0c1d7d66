#!/usr/bin/env bash
# Build and serve the report-lens web app on http://127.0.0.1:8080/ (set PORT to change it).
#
#   scripts/serve.sh            setup, then `trunk serve --release` (rebuilds on change)
#   scripts/serve.sh --static   setup, `trunk build --release`, then serve dist/ as plain files
#                               with python3 -m http.server (what GitHub Pages or an intranet
#                               folder would serve)
#
# Until the web app exists (www/index.html), it runs the CLI on a sample report instead.
set -euo pipefail

# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$REPO_ROOT"

ADDRESS=127.0.0.1
PORT="${PORT:-8080}"
SAMPLE=tests/fixtures/000_4650dba7b757251d.txt

serve_cli_fallback() {
    setup_main --core
    printf "[serve] %s\n" "www/index.html does not exist yet: no web app to serve." \
        "Showing the CLI on $SAMPLE instead:"
    cargo run --release --quiet --bin report-lens -- analyze --format table "$SAMPLE"
}

serve_trunk() {
    printf '\nreport-lens: http://%s:%s/  (open it and press 示例报告 for a sample report)\n\n' \
        "$ADDRESS" "$PORT"
    # No live-reload: its inline script would be blocked by the strict CSP.
    exec trunk serve --release --no-autoreload --address "$ADDRESS" --port "$PORT"
}

serve_static() {
    trunk build --release
    printf '\nreport-lens: http://%s:%s/  (open it and press 示例报告 for a sample report)\n\n' \
        "$ADDRESS" "$PORT"
    exec python3 -m http.server "$PORT" --bind "$ADDRESS" --directory dist
}

main() {
    local mode=trunk
    case "${1:-}" in
        "") ;;
        --static) mode=static ;;
        -h | --help)
            sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
            return 0
            ;;
        *) die "unknown option '$1' (use --static or nothing)" ;;
    esac
    if [[ ! -f www/index.html ]]; then
        serve_cli_fallback
        return
    fi
    setup_main --no-browser
    "serve_$mode"
}

main "$@"
