#!/usr/bin/env bash
# Times `zelfscan import` of 200 filled forms (the full instrument, 58
# questions) into a folder and prints wall time, CPU time, peak memory and
# time per form. Target: under 2 s for 200 forms.
#   bench/import_bench.sh [BUILD_DIR] [N]
# With CALLGRIND=1 it also profiles the import of 5 forms with valgrind and
# prints the top functions (inclusive cost).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
n=${2:-200}
bin=$build/zelfscan
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bash "$here/bench/make_filled_forms.sh" "$bin" "$here" "$tmp/forms" "$n"
ins=$here/instruments/institutioneel-racisme.toml
for run in 1 2 3; do
  rm -rf "$tmp/out"
  /usr/bin/time -v "$bin" import "$tmp"/forms/*.pdf -o "$tmp/out" --instrument "$ins" >"$tmp/import.out" 2>"$tmp/time.txt" ||
    { cat "$tmp/time.txt" >&2; exit 1; }
  [ "$(ls "$tmp/out" | wc -l)" -eq "$n" ] || { echo "expected $n answer files" >&2; exit 1; }
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {split($2,a,":"); print a[1]*60+a[2]}' "$tmp/time.txt")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$tmp/time.txt")
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/time.txt")
  printf 'run %d: %d forms: wall %.2f s, cpu %.2f s, peak %.1f MB, %.1f ms per form\n' \
    "$run" "$n" "$secs" "$cpu" "$(echo "$kb / 1024" | bc -l)" "$(echo "$secs * 1000 / $n" | bc -l)"
done
du -sh "$tmp/forms" | awk '{print "input: " $1 " of PDF"}'
if [ "${CALLGRIND:-0}" = 1 ]; then
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$bin" import "$tmp"/forms/form-00{1..5}.pdf \
    -o "$tmp/cg" --instrument "$ins" >/dev/null 2>&1
  callgrind_annotate --inclusive=yes "$tmp/cg.out" 2>/dev/null | head -45 | cut -c1-200
fi
