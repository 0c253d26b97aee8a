#!/usr/bin/env bash
# Times `zelfscan render` on generated mixed Markdown of 10, 100 and 1000
# pages and prints wall time, peak memory and the number of pages set.
#   bench/render_bench.sh BUILD_DIR
set -euo pipefail
build=${1:-build}
bin=$build/zelfscan
gen=$build/bench/make_markdown
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf "%-8s %8s %10s %10s %10s %10s\n" "input" "pages" "wall s" "cpu s" "peak MB" "PDF KB"
for n in 10 100 1000; do
    "$gen" "$n" >"$tmp/in.md"
    /usr/bin/time -v "$bin" render "$tmp/in.md" -o "$tmp/out.pdf" 2>"$tmp/time.txt" >/dev/null
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {split($2,a,":"); print a[1]*60+a[2]}' "$tmp/time.txt")
    cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$tmp/time.txt")
    kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/time.txt")
    pages=$(pdfinfo "$tmp/out.pdf" | awk '/^Pages:/ {print $2}')
    size=$(( $(stat -c %s "$tmp/out.pdf") / 1024 ))
    printf '%-8s %8s %10s %10s %10.1f %10s\n' "$n" "$pages" "$secs" "$cpu" "$(echo "$kb / 1024" | bc -l)" "$size"
done
