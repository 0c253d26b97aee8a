#!/usr/bin/env bash
# End-to-end: the review's scenarios (reviews/content-2026-12.md 3.3 and
# 3.6) give what docs/method.md says. Each builds its answer set and checks
# `zelfscan score --json` (and the report's words where they matter).
set -euo pipefail
zs=$1 src=$2 tmp=$3
rm -rf "$tmp" && mkdir -p "$tmp"
fail() { echo "FAIL: $*" >&2; exit 1; }
ins=$src/tests/data/instruments/scenario.toml

answer() { # dir code role body
  mkdir -p "$tmp/$1"
  printf 'instrument = "scenario"\nversion = "1.0.0"\nlanguage = "nl"\n[respondent]\ncode = "%s"\nrole = "%s"\n[answers]\n%b\n' "$2" "$3" "$4" >"$tmp/$1/$2.toml"
}
json() { "$zs" score "$ins" "$tmp/$1"/*.toml --json >"$tmp/$1.json" || fail "$1: score exit $?"; }

# A: five "deels" on the do-no-harm question D3.2 (its red flag lists "deels"):
# the flag is raised, shown as "5 van 5", and does not move the band.
for i in 1 2 3 4 5; do answer a "A$i" leiding '"P4" = "algoritme"\n"D3.0" = "ja"\n"D3.2" = "deels"\n"D3.3" = "ja"\n"D4.1" = "ja"\n"D4.2" = "ja"'; done
json a
python3 - "$tmp/a.json" <<'PY' || fail "scenario A"
import json, sys
j = json.load(open(sys.argv[1]))
q = {x["id"]: x for x in j["questions"]}
d3 = [d for d in j["domains"] if d["id"] == "D3"][0]
assert q["D3.2"]["red_flag"] and q["D3.2"]["red_flags"] == 5, q["D3.2"]
# D3 = 3 x 0.5 / (3 + 2) = 30 %: matig from the score, not lifted by the flag
assert abs(d3["risk"] - 30.0) < 1e-6 and d3["band"] == "matig" and not d3["lifted_red_flag"], d3
assert d3["red_flag_questions"] == ["D3.2"], d3
a = j["plan"]["actions"][0]
assert a["id"] == "M8" and a["kind"] == "do-no-harm", a
PY
"$zs" report "$ins" "$tmp/a"/*.toml -o "$tmp/a.pdf" || fail "report A"
pdftotext -layout "$tmp/a.pdf" - | tr -s ' \n' ' ' >"$tmp/a.txt"
grep -q 'D3.2 (5 van 5)' "$tmp/a.txt" || fail "A: count in the alert"
grep -qi 'controleer binnen 14 dagen' "$tmp/a.txt" || fail "A: deadline"
grep -q 'Herstel besluiten en informeer klanten' "$tmp/a.txt" || fail "A: redress"

# B: everyone "nee" on the filter gate D3.0 while the profile says "algoritme":
# D3 is not applicable (not 0 % laag), and the contradiction is a finding.
for i in 1 2 3 4 5; do answer b "B$i" uitvoering '"P4" = "algoritme"\n"D3.0" = "nee"\n"D4.1" = "ja"\n"D4.2" = "ja"'; done
json b
python3 - "$tmp/b.json" <<'PY' || fail "scenario B"
import json, sys
j = json.load(open(sys.argv[1]))
d3 = [d for d in j["domains"] if d["id"] == "D3"][0]
assert d3["not_applicable"] and d3["risk"] is None and d3["band"] == "", d3
assert j["overall"]["not_applicable"] == 1, j["overall"]
assert j["contradictions"] == [{"rule": "P4-D3.0", "when": 5, "contradicts": 5, "both": 5}], j["contradictions"]
q = {x["id"]: x for x in j["questions"]}
assert not q["D3.0"]["scored"] and not q["D3.0"]["disagreement"] and q["D3.0"]["mean_risk"] is None, q["D3.0"]
PY
"$zs" report "$ins" "$tmp/b"/*.toml -o "$tmp/b.pdf" || fail "report B"
pdftotext -layout "$tmp/b.pdf" - | tr -s ' \n' ' ' >"$tmp/b.txt"
grep -q 'Het profiel noemt een algoritme' "$tmp/b.txt" || fail "B: contradiction on the agenda"
grep -q 'niet van toepassing' "$tmp/b.txt" || fail "B: not applicable"

# C: everyone "weet ik niet" on D3.2 and D3.3, all from a role that cannot know
# (D3 is owned by leiding and beleid): no risk, a knowledge gap of 100 %, a
# range of 0..100 %, no find-out action (owners were not asked).
for i in 1 2 3 4 5; do answer c "C$i" uitvoering '"P4" = "algoritme"\n"D3.0" = "ja"\n"D3.2" = "weet-niet"\n"D3.3" = "weet-niet"\n"D4.1" = "ja"\n"D4.2" = "ja"'; done
json c
python3 - "$tmp/c.json" <<'PY' || fail "scenario C"
import json, sys
j = json.load(open(sys.argv[1]))
d3 = [d for d in j["domains"] if d["id"] == "D3"][0]
assert d3["risk"] is None and d3["knowledge_gap"] == 1, d3
assert d3["risk_low"] == 0 and d3["risk_high"] == 100 and not d3["band_holds"] and d3["show_range"], d3
assert d3["owners_answered"] == 0 and "D3" in j["confidence"]["uncovered_domains"], (d3, j["confidence"])
q = {x["id"]: x for x in j["questions"]}
assert q["D3.2"]["cannot_know"] == 5 and not q["D3.2"]["find_out"] and not q["D3.2"]["red_flag"], q["D3.2"]
assert all(a["kind"] != "find-out" for a in j["plan"]["actions"]), j["plan"]
PY
# ... the same from the owners: 0.75 each, a find-out action, the range shown.
for i in 1 2 3 4 5; do answer c2 "K$i" leiding '"P4" = "algoritme"\n"D3.0" = "ja"\n"D3.2" = "weet-niet"\n"D3.3" = "weet-niet"\n"D4.1" = "ja"\n"D4.2" = "ja"'; done
json c2
python3 - "$tmp/c2.json" <<'PY' || fail "scenario C2"
import json, sys
j = json.load(open(sys.argv[1]))
d3 = [d for d in j["domains"] if d["id"] == "D3"][0]
assert abs(d3["risk"] - 75) < 1e-6 and d3["band"] == "hoog", d3
assert d3["risk_low"] == 0 and d3["risk_high"] == 100 and d3["band_low"] == "laag" and d3["band_high"] == "hoog", d3
assert [a["id"] for a in j["plan"]["actions"] if a["kind"] == "find-out"] == ["find-out:D3.2", "find-out:D3.3"], j["plan"]
PY

# D: one "nee" in twelve on the critical question D4.1: the red flag is raised
# ("1 van 12"), but 1/12 is below the critical share (20 %), so D4 stays at
# its score's band: (3 x 1/12) / 4 = 6.25 % laag.
for i in $(seq 1 11); do answer d "D$i" uitvoering '"P4" = "geen"\n"D3.0" = "nee"\n"D4.1" = "ja"\n"D4.2" = "ja"'; done
answer d D12 uitvoering '"P4" = "geen"\n"D3.0" = "nee"\n"D4.1" = "nee"\n"D4.2" = "ja"'
json d
python3 - "$tmp/d.json" <<'PY' || fail "scenario D"
import json, sys
j = json.load(open(sys.argv[1]))
d4 = [d for d in j["domains"] if d["id"] == "D4"][0]
assert abs(d4["risk"] - 6.25) < 1e-6 and d4["band"] == "laag" and not d4["lifted_critical"] and d4["critical_questions"] == [], d4
assert d4["red_flag_questions"] == ["D4.1"] and d4["likelihood"] == 1, d4
q = {x["id"]: x for x in j["questions"]}
assert q["D4.1"]["red_flags"] == 1 and q["D4.1"]["critical_answers"] == 1 and not q["D4.1"]["disagreement"], q["D4.1"]
PY
"$zs" score "$ins" "$tmp/d"/*.toml | grep -q 'D4.1 Wordt elk besluit gemotiveerd?  (1 van 12' || fail "D: 1 van 12 in score"
# ... three "nee" in twelve (25 %) do lift it to verhoogd.
for i in 10 11; do answer d "D$i" uitvoering '"P4" = "geen"\n"D3.0" = "nee"\n"D4.1" = "nee"\n"D4.2" = "ja"'; done
json d
python3 -c 'import json,sys; d=[d for d in json.load(open(sys.argv[1]))["domains"] if d["id"]=="D4"][0]; assert d["band"]=="verhoogd" and d["lifted_critical"], d' "$tmp/d.json" || fail "D: three of twelve"

# E: 2 + 1 hidden respondents (leiding 2, beleid 1) next to uitvoering 5,
# threshold 5: the hidden groups together (3) stay below it, so uitvoering
# is hidden too; nothing in the JSON, the report or the plan shows a group.
for i in 1 2; do answer e "L$i" leiding '"P4" = "algoritme"\n"D3.0" = "ja"\n"D3.2" = "ja"\n"D3.3" = "ja"\n"D4.1" = "ja"\n"D4.2" = "ja"'; done
answer e B1 beleid '"P4" = "algoritme"\n"D3.0" = "ja"\n"D3.2" = "ja"\n"D3.3" = "nee"\n"D4.1" = "nee"\n"D4.2" = "ja"'
for i in 1 2 3 4 5; do answer e "U$i" uitvoering '"P4" = "algoritme"\n"D3.0" = "ja"\n"D3.2" = "ja"\n"D3.3" = "deels"\n"D4.1" = "ja"\n"D4.2" = "nee"'; done
json e
python3 - "$tmp/e.json" <<'PY' || fail "scenario E"
import json, sys
j = json.load(open(sys.argv[1]))
g = {x["role"]: x for x in j["groups"]}
assert g["leiding"]["suppressed"] and g["beleid"]["suppressed"], g
assert g["uitvoering"]["suppressed"] and g["uitvoering"]["complementary"], g
assert all("domains" not in x for x in j["groups"]) and j["differences"] == [], j["groups"]
PY
"$zs" report "$ins" "$tmp/e"/*.toml -o "$tmp/e.pdf" || fail "report E"
pdftotext -layout "$tmp/e.pdf" - | tr -s ' \n' ' ' >"$tmp/e.txt"
grep -q 'niet apart getoond, ter bescherming van een andere kleine groep' "$tmp/e.txt" || fail "E: uitvoering hidden in the report"
grep -q 'Geen rolgroep heeft genoeg deelnemers' "$tmp/e.txt" || fail "E: no group chart"
echo ok
