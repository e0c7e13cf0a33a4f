#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring (the Secret Service
# keytar talks to), so tests use a real keychain without touching the operator's own.
set -euo pipefail
if [ "${RECDECK_IN_KEYRING_SESSION:-}" != 1 ]; then
  export RECDECK_IN_KEYRING_SESSION=1
  exec dbus-run-session -- "$0" "$@"
fi
# A throw-away keyring home: the daemon creates and unlocks a fresh "login" collection there (it needs
# a non-empty password to do so without a prompt), and the operator's own keyrings stay untouched.
keyring_home="$(mktemp -d)"
trap 'rm -rf "$keyring_home"' EXIT
export XDG_DATA_HOME="$keyring_home"
printf 'recdeck-test-keyring' | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
"$@"
