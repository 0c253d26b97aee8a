#!/usr/bin/env bash
# Benchmark: mark accuracy and speed of `zelfscan scan` on synthetic scans of
# the full scan. Fills in COPIES copies per round with the synthetic scanner
# (tests/tools/synthetic_scanner.py), scans them, and scores every box
# against the truth (tests/tools/scan_score.py): right, listed for review,
# or wrong without being listed. Rounds alternate grey scans and copier
# 1-bit (55 %) scans, turned by up to 3 degrees.
#   bench/scan_bench.sh [ZELFSCAN] [OUT_DIR]
#   env: COPIES (20), ROUNDS (16 at 200 dpi), ROUNDS_150 (2), ROUNDS_300 (2)
# Targets (issue 15): zero wrong silent answers; >= 99.5 % of boxes read
# automatically at 200 dpi.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
zs=${1:-$here/build/zelfscan}
out=${2:-$(mktemp -d)}
copies=${COPIES:-20}
mkdir -p "$out"
# Python with numpy and Pillow (Debian: python3-numpy, python3-pil); a
# python3 earlier on PATH without them falls back to the system one.
py=python3
"$py" -c "import numpy, PIL" 2>/dev/null || py=/usr/bin/python3
ins=$here/instruments/institutioneel-racisme.toml
tools=$here/tests/tools
"$zs" paper "$ins" --copies "$copies" -o "$out/copies.pdf" --layout-json "$out/layout.json"
per=$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["pages"])' "$out/layout.json")
now() { date +%s.%N; }

run() { # dpi round threshold
  local dpi=$1 r=$2 th=$3 dir=$out/r$1-$2
  "$py" "$tools/synthetic_scanner.py" "$out/copies.pdf" "$out/layout.json" -o "$dir.pdf" --truth "$dir.json" \
    --dpi "$dpi" --seed "$((dpi * 1000 + r))" --rotate 3 --threshold "$th" --double 0.005 --cancel 0.05 \
    --cache "$out/cache"
  local t0 t1
  t0=$(now)
  "$zs" scan "$dir.pdf" -o "$dir" --review "$dir-review.pdf" --dpi 200 2>"$dir.err" || true
  t1=$(now)
  "$py" "$tools/scan_score.py" "$dir.json" "$out/layout.json" "$dir" --json >"$dir.score" || true
  "$py" - "$dir.score" "$dpi" "$th" "$(echo "$t1 - $t0" | bc)" "$((copies * per))" <<'PY' | tee -a "$out/rounds.txt"
import json, sys
c = json.load(open(sys.argv[1]))
print(json.dumps({"dpi": int(sys.argv[2]), "threshold": float(sys.argv[3]), "seconds": float(sys.argv[4]),
                  "pages": int(sys.argv[5]), **c}))
PY
  rm -f "$dir.pdf"
}

: >"$out/rounds.txt"
for r in $(seq 1 "${ROUNDS:-16}"); do run 200 "$r" "$([ $((r % 2)) -eq 0 ] && echo 0.55 || echo 0)"; done
for r in $(seq 1 "${ROUNDS_150:-2}"); do run 150 "$r" "$([ $((r % 2)) -eq 0 ] && echo 0.55 || echo 0)"; done
for r in $(seq 1 "${ROUNDS_300:-2}"); do run 300 "$r" 0; done

"$py" - "$out/rounds.txt" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
for dpi in sorted({r["dpi"] for r in rows}):
    rs = [r for r in rows if r["dpi"] == dpi]
    boxes = sum(r["boxes"] for r in rs)
    right = sum(r["right"] for r in rs)
    listed = sum(r["listed"] for r in rs)
    by_resp = sum(r["listed_by_respondent"] for r in rs)
    wrong = sum(r["wrong"] for r in rs)
    pages = sum(r["pages"] for r in rs)
    secs = sum(r["seconds"] for r in rs)
    print(f"{dpi} dpi: {boxes} boxes on {pages} pages: right {right}, listed {listed} "
          f"(of which {by_resp} in questions with two ticks), wrong {wrong}; "
          f"automatic {(right + wrong) / boxes:.3%}, without double ticks {(right + wrong) / (boxes - by_resp):.3%}; "
          f"{secs / pages * 1000:.0f} ms per page")
PY
