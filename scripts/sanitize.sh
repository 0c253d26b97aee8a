#!/usr/bin/env bash
# The sanitizer run of CI: builds zelfscan with AddressSanitizer and
# UndefinedBehaviorSanitizer (clang, the same build as scripts/fuzz.sh, so
# one build serves both) in build-asan/ and runs the unit tests, the replay
# of every fuzz corpus and regression file, and the hostile-input suite
# against the sanitized binary. Any sanitizer report fails the run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/sanitizer-build.sh"
configure_sanitizer_build
nice -n "${SANITIZE_NICE:-0}" cmake --build "$build" -j "${SANITIZE_JOBS:-$(nproc)}" \
  --target zelfscan zelfscan_tests fuzz_replay_instrument fuzz_replay_answers fuzz_replay_template \
           fuzz_replay_form fuzz_replay_logo fuzz_replay_plan fuzz_replay_scan
export ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
cd "$build"
ctest --output-on-failure -j "$(nproc)" -R '^(unit|fuzz_regressions_.*|hostile)$'
