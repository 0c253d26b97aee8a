#!/usr/bin/env bash
# End-to-end: paper --copies -> the synthetic scanner -> scan -> check and
# report. Pages in reverse order, a missing page, an upside-down page, blank
# backs, a page of another instrument, filled-in cancellations; PNG and
# 1-bit TIFF input; exit codes and review entries checked.
set -euo pipefail
zs=$1 src=$2 tmp=$3
rm -rf "$tmp" && mkdir -p "$tmp"
# Python with numpy and Pillow (Debian: python3-numpy, python3-pil); a
# python3 earlier on PATH without them falls back to the system one.
py=python3
"$py" -c "import numpy, PIL" 2>/dev/null || py=/usr/bin/python3
fail() { echo "FAIL: $*" >&2; exit 1; }
ex=$src/tests/data/instruments/voorbeeld.toml
other=$src/instruments/institutioneel-racisme-quickscan.toml
tools=$src/tests/tools
export ZELFSCAN_INSTRUMENTS=$src/tests/data/instruments:$src/instruments

"$zs" paper "$ex" --copies 3 -o "$tmp/copies.pdf" --layout-json "$tmp/layout.json"
per=$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["pages"])' "$tmp/layout.json")
"$zs" paper "$other" -o "$tmp/other.pdf"
# Copy 2 misses its page 2; copy 3's first page is upside down; the stack
# is scanned back to front with blank backs, and a page of the quick scan
# is among them.
"$py" "$tools/synthetic_scanner.py" "$tmp/copies.pdf" "$tmp/layout.json" -o "$tmp/scans.pdf" --truth "$tmp/truth.json" \
  --dpi 200 --seed 7 --order reverse --drop $((per + 2)) --upside-down $((2 * per + 1)) --blank-backs \
  --foreign "$tmp/other.pdf" --cancel 0.3 --cache "$tmp/cache"

set +e
"$zs" scan "$tmp/scans.pdf" -o "$tmp/answers" --review "$tmp/review.pdf" --instrument "$ex" 2>"$tmp/scan.err"; rc=$?
set -e
[ $rc -eq 0 ] || fail "scan exits $rc: $(cat "$tmp/scan.err")"
ls "$tmp/answers"/voorbeeld-000{1,2,3}.toml >/dev/null || fail "answer files: $(ls "$tmp/answers")"
[ "$(ls "$tmp/answers" | wc -l)" -eq 3 ] || fail "expected 3 answer files: $(ls "$tmp/answers")"
# Every box read right or listed; nothing wrong without being listed.
"$py" "$tools/scan_score.py" "$tmp/truth.json" "$tmp/layout.json" "$tmp/answers" >"$tmp/score.txt" ||
  fail "silent errors: $(cat "$tmp/score.txt")"
# The upside-down page was read (its questions are answered, not listed).
"$py" - "$tmp/truth.json" "$tmp/layout.json" "$tmp/answers/voorbeeld-0003.toml" <<'PY' || fail "upside-down page not read"
import json, sys, tomllib
truth, layout, path = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3]
on_page = {f["name"] for f in layout["fields"] if f["page"] == 1 and f["kind"] == "choice"}
got = tomllib.load(open(path, "rb"))
assert got["respondent"].get("role"), "no role read from page 1 (upside down)"
PY
# A cancellation: a box filled in and another ticked reads as the tick.
"$py" - "$tmp/truth.json" "$tmp/answers" <<'PY' || fail "no filled-in cancellation read as the other tick"
import json, sys, tomllib, glob
truth = json.load(open(sys.argv[1]))
found = 0
for sheet, t in truth["sheets"].items():
    got = tomllib.load(open(f"{sys.argv[2]}/voorbeeld-{sheet}.toml", "rb")).get("answers", {})
    for q, st in t["boxes"].items():
        ticks = [o for o, s in st.items() if s == "tick"]
        if "filled" in st.values() and len(ticks) == 1 and "." not in q[2:]:
            v = got.get(q)
            v = v.get("answer") if isinstance(v, dict) else v
            if v == ticks[0]:
                found += 1
assert found > 0
PY
# The review names the missing page, the foreign page and what was read.
review=$(pdftotext "$tmp/review.pdf" - | tr '\n' ' ' | tr -s ' ')
[[ $review == *"Ontbrekende pagina · vel 0002"* ]] || fail "review: no missing page of sheet 0002"
[[ $review == *"Vreemde pagina"*"institutioneel-racisme-quickscan"* ]] || fail "review: no foreign page"
grep -q "^# Nakijken: pagina 2: ontbreekt" "$tmp/answers/voorbeeld-0002.toml" || fail "answer file 0002 does not say page 2 is missing"
grep -q "^# Van papier gelezen door zelfscan scan: vel 0001" "$tmp/answers/voorbeeld-0001.toml" || fail "answer file header"
grep -q "vreemde\|quickscan" "$tmp/scan.err" || fail "scan does not warn about the foreign page: $(cat "$tmp/scan.err")"
# The answer files go into check and report like any other.
"$zs" check --instrument "$ex" "$tmp/answers"/*.toml >"$tmp/check.out" 2>&1 || fail "check: $(cat "$tmp/check.out")"
"$zs" report "$ex" "$tmp/answers"/*.toml -o "$tmp/report.pdf" 2>"$tmp/report.err" || fail "report: $(cat "$tmp/report.err")"
qpdf --check "$tmp/review.pdf" >/dev/null || fail "review.pdf: qpdf --check"

# Answer files are never overwritten: a second scan into the same folder fails.
set +e
"$zs" scan "$tmp/scans.pdf" -o "$tmp/answers" --review "$tmp/review2.pdf" 2>"$tmp/again.err"; rc=$?
set -e
[ $rc -eq 1 ] || fail "scan over existing answer files: exit $rc, expected 1"
grep -q "not overwritten" "$tmp/again.err" || fail "no 'not overwritten' message: $(cat "$tmp/again.err")"

# PNG and 1-bit TIFF pages at 300 dpi, copier-thresholded, in any order.
"$zs" paper "$ex" --copies 1 --first 9 -o "$tmp/one.pdf"
"$py" "$tools/synthetic_scanner.py" "$tmp/one.pdf" "$tmp/layout.json" -o "$tmp/one-scan.pdf" --truth "$tmp/one-truth.json" \
  --dpi 300 --seed 3 --threshold 0.55 --order shuffle --cache "$tmp/cache"
pdftoppm -r 300 -gray -png "$tmp/one-scan.pdf" "$tmp/png"
"$py" - "$tmp" <<'PY'
import glob, sys
from PIL import Image
pages = [Image.open(p).convert("1") for p in sorted(glob.glob(sys.argv[1] + "/png-*.png"))]
pages[0].save(sys.argv[1] + "/pages.tif", save_all=True, append_images=pages[1:], compression="group4")
PY
"$zs" scan "$tmp/pages.tif" -o "$tmp/tiff" --review "$tmp/tiff-review.pdf" 2>"$tmp/tiff.err" || fail "TIFF scan: $(cat "$tmp/tiff.err")"
"$py" "$tools/scan_score.py" "$tmp/one-truth.json" "$tmp/layout.json" "$tmp/tiff" >"$tmp/tiff-score.txt" || fail "TIFF: $(cat "$tmp/tiff-score.txt")"
rm -f "$tmp"/png-*.png
pdftoppm -r 150 -gray -png -f 1 -l 2 "$tmp/one-scan.pdf" "$tmp/p150"
"$zs" scan "$tmp"/p150-*.png -o "$tmp/png" --review "$tmp/png-review.pdf" 2>"$tmp/png.err" || fail "PNG scan: $(cat "$tmp/png.err")"
grep -q "Ontbrekende pagina" <(pdftotext "$tmp/png-review.pdf" -) || fail "PNG scan: pages 3.. are not listed as missing"

# Exit codes: an unreadable scan is an error (1); bad usage is 2.
echo "geen scan" >"$tmp/not-a-scan.png"
set +e
"$zs" scan "$tmp/not-a-scan.png" -o "$tmp/bad" 2>"$tmp/bad.err"; rc1=$?
"$zs" scan "$tmp/scans.pdf" 2>/dev/null; rc2=$?
"$zs" scan "$tmp/scans.pdf" -o "$tmp/x" --lang de 2>/dev/null; rc3=$?
set -e
[ $rc1 -eq 1 ] || fail "unreadable scan: exit $rc1, expected 1"
grep -q "not-a-scan.png" "$tmp/bad.err" || fail "unreadable scan: the error does not name the file: $(cat "$tmp/bad.err")"
[ $rc2 -eq 2 ] && [ $rc3 -eq 2 ] || fail "usage errors: exit $rc2 and $rc3, expected 2"
echo "scan e2e: all passed"
