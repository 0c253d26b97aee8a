#!/usr/bin/env bash
# End-to-end: regression pictures (tests/tools/pictures.py): chosen pages of
# the sample report, paper scan and form against tests/data/pictures/.
# Refresh on purpose with scripts/refresh-pictures.sh.
set -euo pipefail
zs=$1 src=$2 tmp=$3
rm -rf "$tmp" && mkdir -p "$tmp"
export SOURCE_DATE_EPOCH=1790000000
exec python3 "$src/tests/tools/pictures.py" check "$zs" "$src" "$tmp"
