#!/usr/bin/env bash
# Shows that the README's `npm test` works on a new machine: it runs it in a
# clean clone of the committed HEAD, with an empty HOME, a CARGO_HOME holding
# only rustup's proxies (so the wasm-pack and wasm-bindgen installed here are
# not seen and setup.sh must install them), no npm cache and no node_modules.
# The toolchains of the existing RUSTUP_HOME are reused (nothing downloaded);
# so is Debian's Chromium when it is installed system-wide.
#
# Usage: scripts/new-machine-check.sh [--keep] [--with-worktree-setup]
#   --keep                 keep the temp dir (clone, HOME) and print where it is
#   --with-worktree-setup  test the working tree's scripts/setup.sh, not HEAD's
#                          (to check a set-up change before committing it);
#                          same as WITH_WORKTREE_SETUP=1
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
keep=0
worktree_setup=${WITH_WORKTREE_SETUP:-0}
for arg; do
  case $arg in
    --keep) keep=1 ;;
    --with-worktree-setup) worktree_setup=1 ;;
    *) echo "usage: $0 [--keep] [--with-worktree-setup]" >&2; exit 2 ;;
  esac
done

# Found before PATH is changed: the proxies, and the toolchains they run.
proxy=$(command -v rustup) || { echo "new-machine-check: rustup not found" >&2; exit 1; }
proxy_dir=$(dirname "$proxy")
rustup_home=$(rustup show home)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/new-machine.XXXXXX")
if [ "$keep" = 1 ]; then
  trap 'echo "new-machine-check: kept $tmp"' EXIT
else
  trap 'rm -rf "$tmp"' EXIT
fi
home=$tmp/home
# Not ~/.cargo on purpose: setup.sh must honour CARGO_HOME.
cargo_home=$home/cargo
mkdir -p "$home" "$cargo_home/bin"
for f in "$proxy_dir"/*; do
  # Only rustup's proxies (links to it or copies of it), not installed tools.
  if [ "$(readlink -f "$f")" = "$(readlink -f "$proxy")" ] || cmp -s "$f" "$proxy"; then
    ln -s "$(readlink -f "$proxy")" "$cargo_home/bin/$(basename "$f")"
  fi
done

git clone -q "$repo" "$tmp/repo"
if [ "$worktree_setup" = 1 ]; then
  cp "$repo/scripts/setup.sh" "$tmp/repo/scripts/setup.sh"
fi

# PATH as a rustup install leaves it (its CARGO_HOME/bin first), minus the
# real CARGO_HOME/bin; Cargo, rustup and npm settings of this shell dropped.
path=$cargo_home/bin
IFS=: read -ra dirs <<<"$PATH"
for p in "${dirs[@]}"; do
  [ "$(readlink -f "$p" 2>/dev/null)" = "$(readlink -f "$proxy_dir")" ] || path=$path:$p
done
unset_vars=()
for v in $(compgen -e); do
  case $v in CARGO* | RUSTUP* | RUSTC* | RUSTFLAGS | RUSTDOCFLAGS | npm_* | NPM_* | NODE_OPTIONS) unset_vars+=(-u "$v") ;; esac
done

echo "new-machine-check: $(git -C "$tmp/repo" log -1 --format='%h %s')"
[ "$worktree_setup" = 1 ] && echo "new-machine-check: with the working tree's scripts/setup.sh"
echo "new-machine-check: HOME=$home CARGO_HOME=$cargo_home RUSTUP_HOME=$rustup_home"
# RUSTUP_AUTO_INSTALL=0: a missing toolchain is an error, never a download.
# Each "== step ==" line of test.sh gets the seconds elapsed since the start.
start=$(date +%s)
set +e
(cd "$tmp/repo" && env "${unset_vars[@]}" HOME="$home" CARGO_HOME="$cargo_home" \
  RUSTUP_HOME="$rustup_home" RUSTUP_AUTO_INSTALL=0 PATH="$path" \
  npm_config_cache="$home/.npm" npm test 2>&1) |
  while IFS= read -r line; do
    case $line in "== "*) line="[+$(($(date +%s) - start)) s] $line" ;; esac
    printf '%s\n' "$line"
  done
status=${PIPESTATUS[0]}
set -e
end=$(date +%s)
echo "new-machine-check: npm test exited with status $status after $((end - start)) s"
exit "$status"
