#!/usr/bin/env bash
# Runs every fuzz target for a number of executions each (default: the
# counts of RELIABILITY.md, 11 million in all), then minimises the corpora.
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
# Usage: scripts/fuzz.sh [scale]   (scale 0.01 = a quick smoke run)
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-1}"
declare -A runs=([validate_json]=1000000 [title]=2000000 [uai]=4000000 [cli_input]=4000000)
for target in validate_json title uai cli_input; do
  n=$(awk -v r="${runs[$target]}" -v s="$scale" 'BEGIN { printf "%d", r * s }')
  mkdir -p "fuzz/corpus/$target"
  echo "== $target: $n executions"
  start=$(date +%s)
  cargo +nightly fuzz run -O "$target" "fuzz/corpus/$target" -- -runs="$n" -max_len=4096 -print_final_stats=1 2>&1 \
    | grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|SUMMARY|panicked|Test unit written" || true
  echo "   $(( $(date +%s) - start )) s"
  cargo +nightly fuzz cmin -O "$target" "fuzz/corpus/$target" >/dev/null 2>&1 || true
  echo "   corpus: $(ls "fuzz/corpus/$target" | wc -l) inputs after minimisation"
done
