#!/usr/bin/env bash
# Installs what building and testing need, when it is missing, and does
# nothing when it is there: the wasm32 target, wasm-pack, wasm-bindgen-cli at
# exactly the version in Cargo.lock, the npm packages (binaryen gives
# wasm-opt), Debian's Chromium and chromedriver for the browser tests.
# Usage: scripts/setup.sh [--no-browser]
set -euo pipefail
cd "$(dirname "$0")/.."
# cargo install puts its binaries in $CARGO_HOME/bin, which need not be ~/.cargo.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
say() { printf 'setup: %s\n' "$*"; }
# Pinned: a new machine gets the wasm-pack the project was built and tested with.
WASM_PACK_VERSION=0.15.1

# Everything below goes through rustup (the target, the toolchain's cargo).
command -v rustup >/dev/null || { say "rustup not found: install Rust with rustup (https://rustup.rs)" >&2; exit 1; }

# --locked builds with the crate's own lock file, but that file can pin a
# dependency the registry no longer serves (wasm-bindgen-cli 0.2.130 pins such
# a webpki-roots); then build the same exact version with fresh dependencies.
install() { # crate version [cargo install options]
  local crate=$1 version=$2
  shift 2
  cargo install --locked "$@" "$crate" --version "$version" || {
    say "the locked install of $crate $version failed; retrying without --locked"
    cargo install "$@" "$crate" --version "$version"
  }
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! command -v wasm-pack >/dev/null; then
  say "installing wasm-pack $WASM_PACK_VERSION (a few minutes)"
  install wasm-pack "$WASM_PACK_VERSION"
fi

# wasm-pack uses the wasm-bindgen on PATH only when its version is exactly
# the one in Cargo.lock; otherwise it would try to download one.
[ -f Cargo.lock ] || cargo generate-lockfile
bindgen=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$bindgen" ]; then
  say "installing wasm-bindgen-cli $bindgen (found '${have:-none}'; a few minutes)"
  install wasm-bindgen-cli "$bindgen" --force
fi

# npm packages: install when node_modules is missing or older than the lock.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  # --ignore-scripts: no package here needs its install script (esbuild ships its
  # binary as a dependency), and @gouvfr/dsfr's postinstall fails outside a DSFR project.
  npm ci --no-audit --no-fund --ignore-scripts
fi

if [ "${1:-}" != "--no-browser" ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  say "installing Debian's chromium and chromium-driver"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
fi
say "ready"
