#!/usr/bin/env bash
# One entry point for a fresh machine: sets up what is missing, then
#   start     runs RecDeck (Electron where its binary can be installed, else the browser host)
#   serve     runs the browser host (pass -- --port N --data-dir DIR)
#   emulator  runs the standalone Sandbox (pass -- --port N)
#   test      runs every test: npm test inside a private D-Bus session with gnome-keyring
#   bench     prints the figures (npm run bench, in the same kind of session)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/setup.sh
source scripts/setup.sh
command="${1:-start}"
[ $# -gt 0 ] && shift
# `recdeck.sh serve -- --port N` (the form above): npm adds its own `--`, so drop the operator's.
[ "${1:-}" = "--" ] && shift
case "$command" in
  start)
    if [ -z "${CI:-}" ] && [ ! -f node_modules/electron/path.txt ]; then
      timeout 120 node node_modules/electron/install.js >/dev/null 2>&1 || true
    fi
    exec npm start -- "$@" ;;
  serve) exec npm run serve -- "$@" ;;
  emulator) exec npm run emulator -- "$@" ;;
  test) exec scripts/with-keyring.sh npm test ;;
  bench) exec scripts/with-keyring.sh npm run bench ;;
  *) echo "usage: scripts/recdeck.sh start|serve|emulator|test|bench" >&2; exit 2 ;;
esac
