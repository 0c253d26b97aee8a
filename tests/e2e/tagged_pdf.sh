#!/usr/bin/env bash
# End-to-end: every PDF zelfscan writes is tagged (PDF/UA-1); see tagged_pdf.py.
set -euo pipefail
zs=$1 src=$2 tmp=$3
rm -rf "$tmp" && mkdir -p "$tmp"
exec python3 "$(dirname "$0")/tagged_pdf.py" "$zs" "$src" "$tmp"
