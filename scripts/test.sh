#!/usr/bin/env bash
# Every test of the project, in order: native (Rust), then the npm package
# through wasm (Node), then the package as users install it, then the
# browser tests (Debian's Chromium driven by playwright-core).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
step() { printf '\n== %s ==\n' "$*"; }

step "setup"
bash scripts/setup.sh
step "build (wasm + npm package, and the test-hooks variant for the panic guard)"
node scripts/build.mjs
node scripts/build.mjs --test-hooks
step "Rust: unit, integration and doc tests"
cargo test --locked --quiet
step "Node: the package through wasm"
node --test tests/js/
step "package: npm pack, Node ESM/CJS, TypeScript, Vite, webpack, plain browser page"
node --test tests/package/
if [ -d tests/e2e ]; then
  step "browser: Chromium"
  node --test tests/e2e/
fi
step "all tests passed"
