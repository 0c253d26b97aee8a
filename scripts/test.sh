#!/usr/bin/env bash
# The README's test command: install, build, run every test, then the
# sanitizer run (scripts/sanitize.sh: clang ASan + UBSan over the unit
# tests, every fuzz regression file and the hostile-input suite, in
# build-asan/). ZELFSCAN_NO_SANITIZE=1 skips that second part for a quick
# local run; CI never sets it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh"
(cd "$build" && ctest --output-on-failure -j "$(nproc)")
if [ "${ZELFSCAN_NO_SANITIZE:-0}" != 1 ]; then
  bash "$root/scripts/sanitize.sh"
fi
