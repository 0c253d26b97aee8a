#!/usr/bin/env bash
# Renews the regression pictures in tests/data/pictures/ from the current
# build, after a layout change that is meant. Look at the pictures (and at
# `git diff --stat`) before committing them.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1790000000
python3 "$root/tests/tools/pictures.py" refresh "$build/zelfscan" "$root" "$tmp"
