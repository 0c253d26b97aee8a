#!/usr/bin/env bash
# Every job of issue 19 beside its floor, measured in one run: wall and CPU
# time (medians of RUNS runs), peak memory (the highest maximum resident set
# size), and the ratio of the job's median wall time to the median of its
# floor. The floor (bench/floor.cpp) is a static binary that reads the same
# inputs, deflates the job's stream data at the level zelfscan uses (on one
# core) and writes a file of the same size.
#   bench/run.sh [BUILD_DIR] [RUNS]
# The generated answer files (up to 100,000, about 4 GB) are kept in
# $BENCH_DATA (default /tmp/zelfscan-bench) for the next run; JOBS="score
# report" runs only some of the jobs (render paper form report score
# import).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
runs=${2:-5}
jobs=${JOBS:-render paper form report score import}
bin=$build/zelfscan
floor=$build/bench/floor
data=${BENCH_DATA:-/tmp/zelfscan-bench}
for tool in "$bin" "$floor" "$build/bench/make_answers" "$build/bench/make_markdown"; do
  [ -x "$tool" ] || { echo "build first: cmake --build $build ($tool is missing)" >&2; exit 2; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ins=$here/instruments/institutioneel-racisme.toml
mkdir -p "$data"

# answers N: a folder of N generated answer files (made once, then kept).
answers() {
  local dir=$data/answers-$1
  if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir"
    "$build/bench/make_answers" "$1" "$dir" "$ins" >/dev/null
    touch "$dir/.complete"
  fi
  echo "$dir"
}

# times LABEL CMD...: runs CMD $runs times; sets wall, cpu (medians, s) and peak (MB).
times() {
  local label=$1; shift
  : >"$tmp/times"
  for ((i = 0; i < runs; i++)); do
    local t0=$EPOCHREALTIME
    /usr/bin/time -f '%U %S %M' -o "$tmp/one" "$@" >"$tmp/stdout" 2>"$tmp/stderr" ||
      { echo "$label failed:" >&2; cat "$tmp/stderr" >&2; exit 1; }
    local t1=$EPOCHREALTIME
    # /usr/bin/time's wall clock has 10 ms steps: the shell's clock instead.
    echo "$(echo "$t1 - $t0" | bc -l) $(cat "$tmp/one")" >>"$tmp/times"
  done
  median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
  wall=$(awk '{ print $1 }' "$tmp/times" | median)
  cpu=$(awk '{ print $2 + $3 }' "$tmp/times" | median)
  peak=$(awk '$4 > m { m = $4 } END { printf "%.1f", m / 1024 }' "$tmp/times")
}

printf '%-34s %9s %9s %9s %9s %7s\n' "job" "wall ms" "cpu ms" "peak MB" "floor ms" "ratio"
# row LABEL OUTPUT INPUTS... -- CMD...: times the job, then its floor for OUTPUT and INPUTS.
row() {
  local label=$1 output=$2; shift 2
  local inputs=()
  while [ "$1" != "--" ]; do inputs+=("$1"); shift; done
  shift
  times "$label" "$@"
  local jw=$wall jc=$cpu jp=$peak size=0 raw=-
  if [ "$output" != "-" ]; then
    size=$(du -sb "$output" | cut -f1)
    if [ -f "$output" ] && head -c 5 "$output" | grep -q '%PDF-'; then
      qpdf --stream-data=uncompress --object-streams=disable "$output" "$tmp/raw.pdf"
      raw=$tmp/raw.pdf
    fi
  fi
  times "$label (floor)" "$floor" "$tmp/floor.out" "$size" "$raw" "${inputs[@]}"
  awk -v l="$label" -v jw="$jw" -v jc="$jc" -v jp="$jp" -v fw="$wall" \
    'BEGIN { printf "%-34s %9.0f %9.0f %9.1f %9.0f %7.2f\n", l, jw * 1000, jc * 1000, jp, fw * 1000, jw / fw }' 
}

for job in $jobs; do
  case $job in
  render)
    for pages in 20 500; do
      "$build/bench/make_markdown" "$pages" >"$tmp/doc-$pages.md"
      "$bin" render "$tmp/doc-$pages.md" -o "$tmp/doc-$pages.pdf" >/dev/null
      n=$(pdfinfo "$tmp/doc-$pages.pdf" | awk '/^Pages:/ {print $2}')
      row "render Markdown, $n pages" "$tmp/doc-$pages.pdf" "$tmp/doc-$pages.md" -- \
        "$bin" render "$tmp/doc-$pages.md" -o "$tmp/doc-$pages.pdf"
    done ;;
  paper)
    "$bin" paper "$ins" -o "$tmp/paper.pdf" >/dev/null
    n=$(pdfinfo "$tmp/paper.pdf" | awk '/^Pages:/ {print $2}')
    row "paper scan, $n pages" "$tmp/paper.pdf" "$ins" -- "$bin" paper "$ins" -o "$tmp/paper.pdf" ;;
  form)
    "$bin" form "$ins" -o "$tmp/form.pdf" >/dev/null
    n=$(pdfinfo "$tmp/form.pdf" | awk '/^Pages:/ {print $2}')
    row "form, $n pages" "$tmp/form.pdf" "$ins" -- "$bin" form "$ins" -o "$tmp/form.pdf" ;;
  report)
    sample=("$here"/samples/werk-en-inkomen/*.toml "$here"/samples/werk-en-inkomen/forms/*.pdf)
    tpl=$here/report-templates/rapport.nl.md
    "$bin" report "$ins" "${sample[@]}" -o "$tmp/report.pdf" >/dev/null 2>&1
    row "report, sample (10 respondents)" "$tmp/report.pdf" "$ins" "$tpl" "${sample[@]}" -- \
      "$bin" report "$ins" "${sample[@]}" -o "$tmp/report.pdf"
    for n in 1000 10000; do
      dir=$(answers "$n")
      "$bin" report "$ins" "$dir" -o "$tmp/report-$n.pdf" >/dev/null 2>&1
      row "report, $n respondents" "$tmp/report-$n.pdf" "$ins" "$tpl" "$dir" -- "$bin" report "$ins" "$dir" -o "$tmp/report-$n.pdf"
    done ;;
  score)
    dir=$(answers 100000)
    row "score, 100000 respondents" - "$ins" "$dir" -- "$bin" score "$ins" "$dir" ;;
  import)
    [ -d "$data/forms-200" ] || bash "$here/bench/make_filled_forms.sh" "$bin" "$here" "$data/forms-200" 200 >/dev/null
    rm -rf "$tmp/imported"
    "$bin" import "$data/forms-200" -o "$tmp/imported" --instrument "$ins" >/dev/null
    row "import, 200 filled forms" "$tmp/imported" "$data/forms-200" -- \
      bash -c 'rm -rf "$1" && exec "$2" import "$3" -o "$1" --instrument "$4"' _ "$tmp/imported" "$bin" "$data/forms-200" "$ins" ;;
  *) echo "unknown job '$job'" >&2; exit 2 ;;
  esac
done
echo "$(nproc) cores; $runs runs each; commit $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo '?')"
