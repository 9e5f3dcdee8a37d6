#!/usr/bin/env bash
# Runs fuzz targets one after the other, each for SECONDS, and reports per target the
# executions and the time (libFuzzer's final stats), on the terminal and appended to
# target/fuzz/log.md. Exits 1 after the last target when any of them found a crash, a
# timeout or an out-of-memory input, naming each artifact (fuzz/artifacts/<target>/).
#
# Usage: fuzz/run.sh SECONDS MAX_LEN TARGET...   (`make fuzz` passes its variables)
#
# One fuzzing process at a time on one core: no -jobs/-workers (with them libFuzzer forks
# workers and writes their output to fuzz-N.log instead of stderr).
set -euo pipefail

seconds=$1 max_len=$2
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
log_dir="$root/target/fuzz"
log="$log_dir/log.md"
mkdir -p "$log_dir"
if [ ! -f "$log" ]; then
  printf '| started (UTC) | target | seconds | executions | exec/s | result |\n' >"$log"
  printf '|---|---|---:|---:|---:|---|\n' >>"$log"
fi

# Build every target once, before the clock of the first one starts.
cd "$root/fuzz"
cargo +nightly fuzz build --sanitizer none --debug-assertions

# Keeps only the inputs that add coverage (libFuzzer's -merge=1), so a long run leaves a
# corpus of megabytes instead of one near-max_len file per new edge found. Not timed.
minimise() {
  local before after
  before=$(du -sm "corpus/$1" | cut -f1)
  if cargo +nightly fuzz cmin --sanitizer none --debug-assertions "$1" "corpus/$1" -- \
      -max_len="$max_len" -rss_limit_mb=2048 -timeout=30 >"$log_dir/$1.cmin.out" 2>&1; then
    after=$(du -sm "corpus/$1" | cut -f1)
    echo "           corpus minimised: $before MB -> $after MB"
  else
    echo "           corpus left as it is (cmin failed; see target/fuzz/$1.cmin.out)"
  fi
}

failed=()
total_seconds=0
for target in "$@"; do
  out="$log_dir/$target.out"
  dict=()
  # The JSON dictionary helps every target but the text ones.
  if [ "$target" != csv ] && [ "$target" != whatsapp ]; then dict=(-dict=dict/json.dict); fi
  mkdir -p "corpus/$target"
  started=$(date -u '+%Y-%m-%d %H:%M')
  start=$(date +%s)
  status=0
  cargo +nightly fuzz run --sanitizer none --debug-assertions "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -max_len="$max_len" -rss_limit_mb=2048 -timeout=30 \
    -print_final_stats=1 "${dict[@]}" >"$out" 2>&1 || status=$?
  elapsed=$(( $(date +%s) - start ))
  total_seconds=$(( total_seconds + elapsed ))
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out" | tail -n 1)
  runs=${runs:-?}
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$out" | tail -n 1)
  artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$out" | tail -n 1)
  if [ "$status" -eq 0 ]; then
    result="no crash"
  else
    result="FAILED (exit $status${artifact:+, $artifact})"
    failed+=("$target: ${artifact:-no artifact, see $out}")
    tail -n 30 "$out" >&2
  fi
  printf '%-10s %6s s %12s executions  %s\n' "$target" "$elapsed" "$runs" "$result"
  if [ "$status" -eq 0 ]; then minimise "$target"; fi
  printf '| %s | %s | %s | %s | %s | %s |\n' \
    "$started" "$target" "$elapsed" "$runs" "${rate:-?}" "$result" >>"$log"
done

echo "fuzzed $# targets in $total_seconds s; log: target/fuzz/log.md"
if [ "${#failed[@]}" -gt 0 ]; then
  printf 'error: crash in %s\n' "${failed[@]}" >&2
  exit 1
fi
