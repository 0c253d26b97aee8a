#!/usr/bin/env bash
# Builds the libFuzzer harnesses (fuzz/) with clang and runs each in turn.
#   scripts/fuzz.sh [SECONDS-PER-HARNESS] [HARNESS...]
# FUZZ_TIMEOUT (default 10 s) is wall-clock: raise it when the machine is
# busy, since the fuzzers run at the lowest priority.
# Default: 60 s each, every harness. Runs at the lowest priority, one
# harness at a time. The growing corpus lives in build-asan/corpus/NAME
# (not committed); a crash, leak or slow input is written to
# fuzz/findings/NAME/. Turn each into a regression file: fix the bug, then
# move the input to fuzz/regressions/NAME/ (the normal test run replays it).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(instrument answers template form logo plan scan)

source "$root/scripts/sanitizer-build.sh"
configure_sanitizer_build
targets=()
for h in "${harnesses[@]}"; do targets+=(--target "fuzz_$h"); done
nice -n 19 cmake --build "$build" -j "${FUZZ_JOBS:-1}" "${targets[@]}"

export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for h in "${harnesses[@]}"; do
  corpus="$build/corpus/$h"
  findings="$root/fuzz/findings/$h"
  mkdir -p "$corpus" "$findings"
  # A filled form is about 150 KB (its fonts): the form harness needs room.
  max_len=${FUZZ_MAX_LEN:-65536}
  [ "$h" != form ] || max_len=${FUZZ_MAX_LEN:-262144}
  seeds=()
  for d in "$root/fuzz/corpus/$h" "$root/fuzz/regressions/$h"; do [ -d "$d" ] && seeds+=("$d"); done
  echo "fuzz: $h for ${seconds}s"
  # -rss_limit_mb and -timeout turn runaway memory and slow inputs into
  # findings; -max_len keeps mutations near real file sizes.
  nice -n 19 "$build/fuzz/fuzz_$h" "$corpus" "${seeds[@]}" \
    -max_total_time="$seconds" -rss_limit_mb=1024 -timeout="${FUZZ_TIMEOUT:-10}" -max_len="$max_len" \
    -artifact_prefix="$findings/" -print_final_stats=1 2>&1 | tee "$build/fuzz-$h.log" | grep -E "^(#[0-9]+.*(INITED|DONE|NEW)|stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY)" | tail -n 5 || true
done
