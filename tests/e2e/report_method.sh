#!/usr/bin/env bash
# End-to-end: the report's figures against an independent re-implementation
# of docs/method.md (report_method.py: Python 3 standard library, pdftk and
# pdftotext). Extra arguments go to the script, e.g. --binary-instrument FILE
# to show that the test fails when the binary scores with wrong numbers.
set -euo pipefail
zs=$1 src=$2 tmp=$3
shift 3
rm -rf "$tmp" && mkdir -p "$tmp"
command -v python3 >/dev/null || { echo "FAIL: python3 not found (scripts/install-deps.sh installs it)" >&2; exit 1; }
exec python3 "$(dirname "$0")/report_method.py" "$zs" "$src" "$tmp" "$@"
