#!/usr/bin/env bash
# End-to-end: two rounds of the example instrument with known differences,
# compared by `score --json --previous` (folder and JSON file), `compare`
# (text, CSV, JSON) and `report --previous`. The expected figures are worked
# out by hand below and recomputed in Python from the two rounds' own
# `score --json` output by the rule in docs/method.md ("Comparing two rounds").
set -euo pipefail
zs=$1 src=$2 tmp=$3
rm -rf "$tmp" && mkdir -p "$tmp/r1" "$tmp/r2"
fail() { echo "FAIL: $*" >&2; exit 1; }
ex=$src/tests/data/instruments/voorbeeld.toml
export SOURCE_DATE_EPOCH=1798761600 # 2027-01-01

answer() { # dir file code date body
  printf 'instrument = "voorbeeld"\nversion = "1.0.0"\nlanguage = "nl"\n[respondent]\ncode = "%s"\nrole = "uitvoering"\norganisation = "Gemeente Voorbeeld"\nunit = "Werk"\ndate = "%s"\n[answers]\n%s\n' "$3" "$4" "$5" >"$tmp/$1/$2"
}
# Round 1 (June 2026), six people:
#  D1.1 (weight 3): nee x4 (risk 1), weet-niet x2 (0.75)  -> D1 = 5.5/6 = 91.67 %, knowledge gap 2/6: find out
#  D2.0: ja x6 (a filter, unscored); D2.1 (weight 3): nee x1 (red flag), ja x5  -> D2 = 3 x (1/6) / 3 = 16.67 %,
#  laag: a red flag is an alert and does not lift the band (docs/method.md)
for i in 1 2 3 4 5 6; do
  d11=nee; [ $i -le 2 ] && d11=weet-niet
  d21=ja; [ $i -eq 6 ] && d21=nee
  answer r1 a$i.toml R1-$i 2026-06-0$i "\"P1\" = \"1000-10000\"
\"D1.1\" = \"$d11\"
\"D2.0\" = \"ja\"
\"D2.1\" = \"$d21\""
done
# Round 2 (December 2026), six people: D1.1 ja with evidence x6 (0), D2.0 ja, D2.1 ja -> D1 = 0 %, D2 = 0 %.
for i in 1 2 3 4 5 6; do
  answer r2 b$i.toml R2-$i 2026-12-0$i "\"P1\" = \"1000-10000\"
\"D1.1\" = { answer = \"ja\", evidence = \"Besluit 2026-11\" }
\"D2.0\" = \"ja\"
\"D2.1\" = \"ja\""
done

"$zs" score "$ex" "$tmp"/r1/*.toml --json >"$tmp/r1.json" || fail "score r1"
"$zs" score "$ex" "$tmp"/r2/*.toml --json >"$tmp/r2.json" || fail "score r2"
"$zs" score "$ex" "$tmp"/r2/*.toml --json --previous "$tmp/r1" >"$tmp/with-folder.json" || fail "score --previous folder"
"$zs" score "$ex" "$tmp"/r2/*.toml --json --previous "$tmp/r1.json" >"$tmp/with-json.json" || fail "score --previous json"
"$zs" compare "$tmp/r1.json" "$tmp/r2.json" --json >"$tmp/compare.json" || fail "compare --json"
"$zs" compare "$tmp/r1.json" "$tmp/r2.json" --csv -o "$tmp/compare.csv" || fail "compare --csv"
"$zs" compare "$tmp/r1.json" "$tmp/r2.json" >"$tmp/compare.txt" || fail "compare"

python3 - "$tmp" <<'PY'
import csv, json, math, sys
tmp = sys.argv[1]
r1, r2 = (json.load(open(f"{tmp}/{n}.json")) for n in ("r1", "r2"))
cmp = json.load(open(f"{tmp}/compare.json"))
a = json.load(open(f"{tmp}/with-folder.json"))["comparison"]
b = json.load(open(f"{tmp}/with-json.json"))["comparison"]
# The same comparison whichever way the previous round is given (the JSON
# file holds figures to 4 decimals, so margins may differ in the 3rd).
def same(x, y):
    if isinstance(x, dict): return x.keys() == y.keys() and all(same(x[k], y[k]) for k in x)
    if isinstance(x, list): return len(x) == len(y) and all(same(i, j) for i, j in zip(x, y))
    if isinstance(x, float) or isinstance(y, float): return abs(x - y) < 0.01
    return x == y
assert same(a, b) and same(b, cmp), "folder, JSON file and compare disagree"

# Hand-worked figures.
dom = {d["id"]: d for d in cmp["domains"]}
assert abs(dom["D1"]["then"] - 91.6667) < 1e-3 and dom["D1"]["now"] == 0, dom["D1"]
assert abs(dom["D2"]["then"] - 16.6667) < 1e-3 and dom["D2"]["now"] == 0, dom["D2"]
assert dom["D2"]["band_then"] == "laag", dom["D2"]
assert cmp["red_flags_resolved"] == ["D2.1"] and cmp["red_flags_new"] == [], cmp
assert cmp["knowledge_gaps_closed"] == ["D1.1"], cmp
assert "M2" in cmp["measures_no_longer_indicated"] and "find-out:D1.1" in cmp["measures_no_longer_indicated"], cmp
assert cmp["respondents_then"] == 6 and cmp["respondents_now"] == 6

# The margin recomputed from each round's own figures (docs/method.md).
def se(r, d):
    qs = [q for q in r["questions"] if q["domain"] == d and q["mean_risk"] is not None]
    spread = sum(q["spread"] for q in qs) / len(qs)
    n = sum(q["scored_answers"] for q in qs) / len(qs)
    return spread / math.sqrt(n), n
for d in ("D1", "D2"):
    (s1, n1), (s2, n2) = se(r1, d), se(r2, d)
    g1 = [x for x in r1["domains"] if x["id"] == d][0]["knowledge_gap"]
    g2 = [x for x in r2["domains"] if x["id"] == d][0]["knowledge_gap"]
    margin = 100 * (2 * math.sqrt(s1 * s1 + s2 * s2) + (g1 + g2) / 4)
    got = dom[d]
    assert abs(got["margin"] - margin) < 1e-3, (d, got["margin"], margin)
    change = got["now"] - got["then"]
    assert got["beyond_margin"] == (abs(change) > margin and min(n1, n2) >= 3), (d, got, margin)
# D1: spread 0.1179, 6 answers -> margin 100 x (2 x 0.0481 + 0.3333 / 4) = 17.96: -91.7 is a real change.
# D2 (D2.0 is a filter): D2.1's spread 0.3727 / sqrt(6) = 0.1521 in round 1, 0 in round 2
# -> margin 100 x 2 x 0.1521 = 30.43: -16.7 is not.
assert dom["D1"]["beyond_margin"] and not dom["D2"]["beyond_margin"], dom
assert abs(dom["D1"]["margin"] - 17.96) < 0.01 and abs(dom["D2"]["margin"] - 30.43) < 0.01, dom

rows = list(csv.DictReader(open(f"{tmp}/compare.csv", newline="")))
d1 = [r for r in rows if r["level"] == "domain" and r["id"] == "D1"][0]
assert d1["then"] == "91.7" and d1["now"] == "0.0" and d1["change"] == "-91.7" and d1["beyond_margin"] == "true", d1
print("rounds: figures ok")
PY
grep -q "Rode vlaggen opgelost: D2.1" "$tmp/compare.txt" || fail "compare text: $(cat "$tmp/compare.txt")"
grep -Eq "D1 +91,7 % +→ +0,0 % +−91,7 +±18,0 +echt lager" "$tmp/compare.txt" || fail "compare D1: $(cat "$tmp/compare.txt")"
grep -q "binnen de onzekerheid" "$tmp/compare.txt" || fail "compare D2: $(cat "$tmp/compare.txt")"

# The report: the section, with the plan's progress from the kept plan.
"$zs" score "$ex" "$tmp"/r1/*.toml --plan "$tmp/plan.csv" >/dev/null
python3 - "$tmp/plan.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
for r in rows:
    if r["measure"] == "M2": r["status"], r["deadline"], r["owner"] = "afgerond", "2026-09-01", "Afdelingshoofd Werk"
    if r["measure"] == "M1": r["status"], r["deadline"] = "bezig", "2026-10-01"
w = csv.DictWriter(open(sys.argv[1], "w", newline="", encoding="utf-8"), fieldnames=rows[0].keys(), lineterminator="\r\n")
w.writeheader(); w.writerows(rows)
PY
"$zs" report "$ex" "$tmp"/r2/*.toml --previous "$tmp/r1" --plan "$tmp/plan.csv" -o "$tmp/report.pdf" 2>"$tmp/report.err" || fail "report --previous: $(cat "$tmp/report.err")"
pdftotext -layout "$tmp/report.pdf" "$tmp/report.txt"
grep -q "Wat is veranderd sinds de vorige meting" "$tmp/report.txt" || fail "no changes section"
grep -q "Rode vlaggen opgelost: D2.1" "$tmp/report.txt" || fail "red flags resolved in report"
grep -q "ja, lager risico" "$tmp/report.txt" || fail "real change in report"
grep -q "Afgerond en niet meer nodig volgens de antwoorden: M2 Stop met" "$tmp/report.txt" || fail "plan progress: $(grep -A5 'Hoe staat' "$tmp/report.txt")"
# Plan actions are named for the reader (number and title, or 'Zoek uit: D1.1'), never by their raw id.
if grep -q "find-out:" "$tmp/report.txt"; then fail "raw action id in the report: $(grep 'find-out:' "$tmp/report.txt")"; fi
grep -q "Over de deadline en nog niet afgerond" "$tmp/report.txt" || fail "overdue in report"
qpdf --check "$tmp/report.pdf" >/dev/null || fail "qpdf"
"$zs" report "$ex" "$tmp"/r2/*.toml --previous "$tmp/r1.json" --lang en -o "$tmp/report-en.pdf" || fail "report en"
pdftotext "$tmp/report-en.pdf" "$tmp/report-en.txt"
grep -q "What changed since the last round" "$tmp/report-en.txt" || fail "en section"
# Without --previous: no section.
"$zs" report "$ex" "$tmp"/r2/*.toml -o "$tmp/plain.pdf"
pdftotext "$tmp/plain.pdf" "$tmp/plain.txt"
! grep -q "Wat is veranderd" "$tmp/plain.txt" || fail "section without --previous"

# Bad input: a JSON file that is not a round, another instrument.
echo '{"a": 1}' >"$tmp/bad.json"
set +e; "$zs" compare "$tmp/bad.json" "$tmp/r2.json" 2>"$tmp/bad.err"; rc=$?; set -e
[ $rc -eq 1 ] || fail "bad json: exit $rc"
grep -q "bad.json: error: this JSON file is not the output of 'zelfscan score --json'" "$tmp/bad.err" || fail "bad json: $(cat "$tmp/bad.err")"
printf '{"instrument": "x",\n  "domains": [}' >"$tmp/broken.json"
set +e; "$zs" compare "$tmp/broken.json" "$tmp/r2.json" 2>"$tmp/broken.err"; rc=$?; set -e
[ $rc -eq 1 ] || fail "broken json: exit $rc"
grep -q "broken.json:2:15: error: not valid JSON" "$tmp/broken.err" || fail "broken: $(cat "$tmp/broken.err")"
echo "rounds: ok"
