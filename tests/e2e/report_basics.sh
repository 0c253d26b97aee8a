#!/usr/bin/env bash
# End-to-end: `zelfscan report` on the shipped samples, as a coordinator runs it.
set -euo pipefail
zs=$1 src=$2 tmp=$3
rm -rf "$tmp" && mkdir -p "$tmp"
fail() { echo "FAIL: $*" >&2; exit 1; }
ins=$src/instruments/institutioneel-racisme.toml
answers=("$src"/samples/werk-en-inkomen/*.toml "$src"/samples/werk-en-inkomen/forms/*.pdf)

"$zs" report "$ins" "${answers[@]}" -o "$tmp/nl.pdf" --plan "$tmp/plan.csv" 2>"$tmp/err" || fail "report: $(cat "$tmp/err")"
"$zs" report "$ins" "${answers[@]}" -o "$tmp/en.pdf" --lang en --plan "$tmp/plan.toml"
qpdf --check "$tmp/nl.pdf" >/dev/null || fail "qpdf --check nl"
qpdf --check "$tmp/en.pdf" >/dev/null || fail "qpdf --check en"
for f in nl en; do
  pdftotext "$tmp/$f.pdf" "$tmp/$f.txt" 2>"$tmp/warn"; [ ! -s "$tmp/warn" ] || fail "pdftotext warnings: $(cat "$tmp/warn")"
  pdffonts "$tmp/$f.pdf" >/dev/null 2>"$tmp/warn"; [ ! -s "$tmp/warn" ] || fail "pdffonts warnings"
done
grep -q "Samenvatting" "$tmp/nl.txt" && grep -q "Verbeterplan" "$tmp/nl.txt" && grep -q "Verantwoording" "$tmp/nl.txt" || fail "nl sections"
grep -q "Summary" "$tmp/en.txt" && grep -q "Improvement plan" "$tmp/en.txt" || fail "en sections"
# The summary (after the cover and the one-page contents, pages 3-4) names the red
# flag and the first measures.
pdftotext -f 3 -l 4 "$tmp/nl.pdf" "$tmp/p2.txt"
grep -q "^Samenvatting$" "$tmp/p2.txt" || fail "the summary is not on page 3"
grep -q "Rode vlag: eerst schade voorkomen" "$tmp/p2.txt" || fail "red flag box on the summary"
grep -q "D3.2" "$tmp/p2.txt" || fail "red-flag question D3.2 on the summary"
grep -q "M8" "$tmp/p2.txt" || fail "do-no-harm measure M8 on the summary"
# No respondent code anywhere.
if grep -qE "WI-[0-9]{2}" "$tmp/nl.txt" "$tmp/en.txt"; then fail "a respondent code appears in the report"; fi
# Markdown and template syntax in a note shows literally.
grep -q '\*\*nooit\*\*' "$tmp/nl.txt" || fail "injected Markdown was interpreted"
grep -q '{{naam}}' "$tmp/nl.txt" || fail "injected template syntax was interpreted"
# Both pools are shown (staf 5, praktijk 8); suppressed groups have no (n=…) legend.
grep -q "(n=5)" "$tmp/nl.txt" || fail "shown group missing"
if grep -qE "\(n=[1-4]\)" "$tmp/nl.txt"; then fail "a suppressed group is shown"; fi
# Plan files: columns, and owner/deadline/status left empty.
head -1 "$tmp/plan.csv" | tr -d "\r" | grep -q "^measure,title,questions,priority,quadrant,timeframe,effort,impact,owner,deadline,indicator,status,kind,basis,evidence,indicated,notes,since," || fail "plan.csv header"
# The owner is the instrument's suggestion, the deadline empty, the status open (docs/rounds-and-monitoring.md).
python3 - "$tmp/plan.csv" "$src/instruments/institutioneel-racisme.toml" <<'PY' || fail "plan.csv first row: suggested owner, no deadline, status open"
import csv, sys, tomllib
row = next(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")))
owners = {m["id"]: m.get("owner", {}).get("nl", "") for m in tomllib.load(open(sys.argv[2], "rb"))["measure"]}
assert row["owner"] and row["owner"] == owners[row["measure"]], (row["measure"], row["owner"])
assert row["deadline"] == "" and row["status"] == "open" and row["kind"] == "do-no-harm", row
PY
grep -q "^\[\[action\]\]" "$tmp/plan.toml" && grep -q "^measure = \"M8\"" "$tmp/plan.toml" || fail "plan.toml content"
# Same inputs, same bytes, in any order.
"$zs" report "$ins" "${answers[@]}" -o "$tmp/again.pdf"
cmp -s "$tmp/nl.pdf" "$tmp/again.pdf" || fail "two runs differ"
reversed=(); for ((i=${#answers[@]}-1; i>=0; i--)); do reversed+=("${answers[$i]}"); done
"$zs" report "$ins" "${reversed[@]}" -o "$tmp/rev.pdf"
cmp -s "$tmp/nl.pdf" "$tmp/rev.pdf" || fail "input order changes the report"
# HTML: one self-contained file with the same summary.
"$zs" report "$ins" "${answers[@]}" -o "$tmp/r.html" --format html
grep -q '<html lang="nl"' "$tmp/r.html" || fail "html lang"
grep -q "<svg" "$tmp/r.html" || fail "html charts"
grep -q "M8" "$tmp/r.html" || fail "html plan"
if grep -q "<strong>vet</strong>" "$tmp/r.html"; then fail "html interpreted a note"; fi
# A template edited by a non-programmer: reordered and reworded.
cat >"$tmp/custom.md" <<'MD'
[[cover]]

# Kort gezegd

Kort gezegd: het risico is {{overall_band}}.

# Eerst het plan

[[table:plan]]

# Daarna het risicobeeld

[[chart:domain-risk]]
MD
"$zs" report "$ins" "${answers[@]}" -o "$tmp/custom.pdf" --template "$tmp/custom.md"
pdftotext "$tmp/custom.pdf" "$tmp/custom.txt"
grep -q "Kort gezegd: het risico is Verhoogd." "$tmp/custom.txt" || fail "custom wording: $(head -40 "$tmp/custom.txt")"
plan_line=$(grep -n "Eerst het plan" "$tmp/custom.txt" | head -1 | cut -d: -f1)
picture_line=$(grep -n "Daarna het risicobeeld" "$tmp/custom.txt" | head -1 | cut -d: -f1)
[ "$plan_line" -lt "$picture_line" ] || fail "custom order"
if grep -q "Samenvatting" "$tmp/custom.txt"; then fail "standard template text in custom report"; fi
# A bad template: every problem with line and column, exit 1, nothing written.
printf '# Titel\n\n{{overal_band}}\n\n[[chart:heatmapp]]\n' >"$tmp/bad.md"
set +e; "$zs" report "$ins" "${answers[@]}" -o "$tmp/bad.pdf" --template "$tmp/bad.md" 2>"$tmp/bad.err"; rc=$?; set -e
[ $rc -eq 1 ] || fail "bad template exit $rc"
[ ! -e "$tmp/bad.pdf" ] || fail "bad template wrote output"
grep -q "bad.md:3:1: error: unknown placeholder 'overal_band'" "$tmp/bad.err" || fail "placeholder diagnostic: $(cat "$tmp/bad.err")"
grep -q "did you mean 'overall_band'" "$tmp/bad.err" || fail "placeholder hint"
grep -q "bad.md:5:3: error: unknown directive 'chart:heatmapp'" "$tmp/bad.err" || fail "directive diagnostic"
# Duplicate respondent codes across files are an error naming both files.
cp "$src/samples/werk-en-inkomen/WI-01.toml" "$tmp/copy.toml"
set +e; "$zs" report "$ins" "$src/samples/werk-en-inkomen/WI-01.toml" "$tmp/copy.toml" -o "$tmp/dup.pdf" 2>"$tmp/dup.err"; rc=$?; set -e
[ $rc -eq 1 ] && grep -q "WI-01" "$tmp/dup.err" || fail "duplicate codes: $(cat "$tmp/dup.err")"
[ ! -e "$tmp/dup.pdf" ] || fail "duplicate codes wrote output"
echo "report e2e: all passed"
