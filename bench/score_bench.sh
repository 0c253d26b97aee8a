#!/usr/bin/env bash
# Scoring figures: time of assess + plan and peak memory (maximum resident
# set size, /usr/bin/time -v) for 10, 1,000 and 100,000 generated
# respondents to the full scan, streamed and held in memory.
#   bench/score_bench.sh [build-dir]
set -euo pipefail
build=${1:-build}
bin=$build/bench/score_bench
[ -x "$bin" ] || { echo "build first: cmake --build $build" >&2; exit 2; }
for mode in stream hold; do
  for n in 10 1000 100000; do
    /usr/bin/time -v "$bin" "$n" "$mode" 2>"$build/score_bench.time" || { cat "$build/score_bench.time" >&2; exit 1; }
    wall=$(grep 'Elapsed (wall clock)' "$build/score_bench.time" | awk '{print $NF}')
    rss=$(grep 'Maximum resident set size' "$build/score_bench.time" | awk '{print $NF}')
    echo "  whole process (incl. generating answers): ${wall} wall, peak $((rss / 1024)) MB"
  done
done
