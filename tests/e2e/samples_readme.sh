#!/usr/bin/env bash
# End-to-end: the figures samples/README.md gives for the sample answers
# against `zelfscan score --json` (samples_readme.py).
set -euo pipefail
zs=$1 src=$2 tmp=$3
rm -rf "$tmp" && mkdir -p "$tmp"
command -v python3 >/dev/null || { echo "FAIL: python3 not found (scripts/install-deps.sh installs it)" >&2; exit 1; }
exec python3 "$(dirname "$0")/samples_readme.py" "$zs" "$src" "$tmp"
