#!/usr/bin/env bash
# Times `zelfscan report` (PDF) for the shipped sample (10 respondents: 8
# answer files and 2 filled forms) and for 1,000 generated answer files to
# the full scan. Prints the fastest and the median of RUNS runs (wall
# clock) and the peak memory (maximum resident set size). The target for
# 1,000 respondents: under 300 ms and under 200 MB.
#   bench/report_bench.sh [BUILD_DIR] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
runs=${2:-9}
bin=$build/zelfscan
gen=$build/bench/make_answers
[ -x "$bin" ] && [ -x "$gen" ] || { echo "build first: cmake --build $build" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ins=$here/instruments/institutioneel-racisme.toml
"$gen" 1000 "$tmp/answers" "$ins"

measure() { # label, then the report arguments
  local label=$1; shift
  : >"$tmp/times"
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f '%e %M' -o "$tmp/one" "$bin" report "$ins" "$@" -o "$tmp/report.pdf" >/dev/null 2>"$tmp/err" ||
      { cat "$tmp/err" >&2; exit 1; }
    cat "$tmp/one" >>"$tmp/times"
  done
  local pages
  pages=$(pdfinfo "$tmp/report.pdf" | awk '/^Pages:/ {print $2}')
  sort -n "$tmp/times" | awk -v label="$label" -v pages="$pages" -v size="$(stat -c %s "$tmp/report.pdf")" '
    { t[NR] = $1; if ($2 > m) m = $2 }
    END { printf "%-28s fastest %4.0f ms, median %4.0f ms, peak %5.1f MB; %d pages, %d KB\n",
          label, t[1] * 1000, t[int((NR + 1) / 2)] * 1000, m / 1024, pages, size / 1024 }'
}

measure "sample (10 respondents)" "$here"/samples/werk-en-inkomen/*.toml "$here"/samples/werk-en-inkomen/forms/*.pdf
measure "1,000 respondents" "$tmp"/answers/*.toml
echo "input: $(du -sh "$tmp/answers" | cut -f1) in 1,000 answer files; $(nproc) cores; $runs runs each"
