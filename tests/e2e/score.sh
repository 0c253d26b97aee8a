#!/usr/bin/env bash
# End-to-end: `zelfscan score` on answer files written here, with figures
# that can be checked by hand (docs/method.md, worked example).
set -euo pipefail
zs=$1 src=$2 tmp=$3
rm -rf "$tmp" && mkdir -p "$tmp"
fail() { echo "FAIL: $*" >&2; exit 1; }
ex=$src/tests/data/instruments/voorbeeld.toml

answer() { # file code role body
  printf 'instrument = "voorbeeld"\nversion = "1.0.0"\nlanguage = "nl"\n[respondent]\ncode = "%s"\nrole = "%s"\n[answers]\n%s\n' "$2" "$3" "$4" >"$tmp/$1"
}
answer a.toml R1 leiding '"P1" = "1000-10000"
"D1.1" = { answer = "ja", evidence = "MT-besluit 2024-12" }
"D2.0" = "ja"
"D2.1" = "ja"'
answer b.toml R2 uitvoering '"P1" = "meer-dan-10000"
"D1.1" = "ja"
"D2.0" = "ja"
"D2.1" = "nee"'
answer c.toml R3 uitvoering '"P1" = "meer-dan-10000"
"D1.1" = "weet-niet"
"D2.0" = "deels"
"D2.1" = { answer = "ja", note = "Sinds dit jaar" }'

# The summary: D1 = (0 + 0.5 + 0.75) / 3 = 41.7 % (R2's ja names no evidence: deels);
# D2.0 is a filter; D2 = 3 x 1/3 / 3 = 33.3 %, lifted to Verhoogd by the critical share (1 of 3 >= 20 %),
# not by R2's red flag (an alert); exposure median(3, 5, 5) = 5. D1's gap (33 %) shows its range 16.7-50 %.
out=$("$zs" score "$ex" "$tmp/a.toml" "$tmp/b.toml" "$tmp/c.toml") || fail "score exit $?"
grep -q 'Voorbeeldscan gelijke behandeling 1.0.0: 3 respondenten' <<<"$out" || fail "header: $out"
grep -q 'Blootstelling: 5/5' <<<"$out" || fail "exposure: $out"
grep -Eq 'D1 Leiderschap +41,7 %  Verhoogd' <<<"$out" || fail "D1: $out"
grep -Eq 'D1 Leiderschap +41,7 %  Verhoogd  bereik 16,7 %–50,0 %: niveau hangt af van wat onbekend is' <<<"$out" || fail "D1 range: $out"
grep -Eq 'D2 Risicoprofielen +33,3 %  Verhoogd  \(kritieke vraag: D2.1\)  \[rode vlag: D2.1\]' <<<"$out" || fail "D2: $out"
grep -q 'Totaal: 37,5 % Matig (hoogste thema: Verhoogd)' <<<"$out" || fail "overall: $out"
grep -q 'D2.1 Zijn nationaliteit en afkomst uitgesloten als criterium?  (1 van 3; controleer binnen 14 dagen)' <<<"$out" || fail "alert: $out"
grep -q '1. M2 Stop met nationaliteit als criterium (niet schaden: direct' <<<"$out" || fail "plan: $out"
grep -q 'Zoek uit: Is er een directeur' <<<"$out" || fail "find out: $out"
grep -q 'Leidinggevende: 1 respondent (verborgen: minder dan 3 respondenten)' <<<"$out" || fail "suppressed: $out"
grep -q 'Uitvoering (contact met klanten): 2 respondenten (verborgen: minder dan 3' <<<"$out" || fail "suppressed: $out"
en=$("$zs" score "$ex" "$tmp/a.toml" "$tmp/b.toml" "$tmp/c.toml" --lang en)
grep -Eq 'D2 Risk profiles +33.3 %  Elevated  \(critical question: D2.1\)  \[red flag: D2.1\]' <<<"$en" || fail "english: $en"

# Same answers in another order: byte-identical JSON and plans.
"$zs" score "$ex" "$tmp/a.toml" "$tmp/b.toml" "$tmp/c.toml" --json --plan "$tmp/p1.csv" >"$tmp/1.json"
"$zs" score "$ex" "$tmp/c.toml" "$tmp/a.toml" "$tmp/b.toml" --json --plan "$tmp/p2.csv" >"$tmp/2.json"
cmp "$tmp/1.json" "$tmp/2.json" || fail "JSON depends on file order"
cmp "$tmp/p1.csv" "$tmp/p2.csv" || fail "CSV plan depends on file order"
"$zs" score "$ex" "$tmp/b.toml" "$tmp/a.toml" "$tmp/c.toml" --plan "$tmp/p1.toml" >/dev/null
"$zs" score "$ex" "$tmp/c.toml" "$tmp/b.toml" "$tmp/a.toml" --plan "$tmp/p2.toml" >/dev/null
cmp "$tmp/p1.toml" "$tmp/p2.toml" || fail "TOML plan depends on file order"
python3 - "$tmp/1.json" "$tmp/p1.csv" "$tmp/p1.toml" <<'PY'
import csv, json, sys, tomllib
j = json.load(open(sys.argv[1]))
assert j["respondents"] == 3 and j["exposure"]["level"] == 5, j["exposure"]
d2 = [d for d in j["domains"] if d["id"] == "D2"][0]
assert abs(d2["risk"] - 33.3333) < 1e-3 and d2["band"] == "verhoogd" and d2["score_band"] == "matig", d2
assert d2["lifted_critical"] and not d2["lifted_red_flag"] and d2["red_flag_questions"] == ["D2.1"], d2
d1 = [d for d in j["domains"] if d["id"] == "D1"][0]
assert abs(d1["risk_low"] - 16.6667) < 1e-3 and abs(d1["risk_high"] - 50) < 1e-9 and d1["show_range"] and not d1["band_holds"], d1
assert abs(j["overall"]["risk"] - 37.5) < 1e-9 and not j["heat_map"], j["overall"]
q = {x["id"]: x for x in j["questions"]}
assert not q["D2.0"]["scored"] and q["D2.0"]["mean_risk"] is None and not q["D2.0"]["disagreement"], q["D2.0"]
rows = list(csv.DictReader(open(sys.argv[2], newline="")))
assert [r["measure"] for r in rows] == ["M2", "find-out:D1.1"], rows
assert rows[0]["priority"] == "5.00" and rows[0]["timeframe"] == "now" and rows[0]["owner"] == "Afdelingshoofd", rows[0]
assert rows[0]["status"] == "open" and rows[0]["deadline"] == "" and rows[0]["indicated"] == "ja", rows[0]
t = tomllib.load(open(sys.argv[3], "rb"))
assert [a["measure"] for a in t["action"]] == ["M2", "find-out:D1.1"]
assert t["action"][1]["evidence"] == ["MT-besluit 2024-12"] and t["action"][1]["priority"] == 5.0, t["action"][1]
PY

# Bad input: exit 1 with located diagnostics.
sed 's/code = "R3"/code = "R1"/' "$tmp/c.toml" >"$tmp/dup.toml"
set +e; "$zs" score "$ex" "$tmp/a.toml" "$tmp/dup.toml" 2>"$tmp/dup.err"; rc=$?; set -e
[ $rc -eq 1 ] || fail "duplicate code: exit $rc"
grep -q "dup.toml: error: respondent code 'R1' is also used in $tmp/a.toml" "$tmp/dup.err" || fail "duplicate: $(cat "$tmp/dup.err")"
sed 's/version = "1.0.0"/version = "1.1.0"/' "$tmp/c.toml" >"$tmp/v11.toml"
set +e; "$zs" score "$ex" "$tmp/a.toml" "$tmp/v11.toml" 2>"$tmp/ver.err"; rc=$?; set -e
[ $rc -eq 1 ] || fail "mixed versions: exit $rc"
grep -q "v11.toml:2:1: error: answers to 'voorbeeld' 1.1.0 ($tmp/v11.toml) are mixed with answers to 'voorbeeld' 1.0.0 ($tmp/a.toml)" "$tmp/ver.err" || fail "versions: $(cat "$tmp/ver.err")"
sed 's/"D2.0" = "deels"/"D2.0" = "deel"/' "$tmp/c.toml" >"$tmp/typo.toml"
set +e; "$zs" score "$ex" "$tmp/typo.toml" 2>"$tmp/typo.err"; rc=$?; set -e
[ $rc -eq 1 ] || fail "bad option: exit $rc"
grep -q "typo.toml:10:1: error: 'deel' is not an option of 'D2.0'" "$tmp/typo.err" || fail "option: $(cat "$tmp/typo.err")"

# Bad usage: exit 2; an input is never overwritten.
set +e; "$zs" score "$ex" "$tmp/a.toml" --plan "$tmp/plan.pdf" 2>/dev/null; rc=$?; set -e
[ $rc -eq 2 ] || fail "plan extension: exit $rc"
set +e; "$zs" score "$ex" 2>/dev/null; rc=$?; set -e
[ $rc -eq 2 ] || fail "no answers: exit $rc"
cp "$tmp/a.toml" "$tmp/keep.toml"
set +e; "$zs" score "$ex" "$tmp/a.toml" --plan "$tmp/a.toml" 2>/dev/null; rc=$?; set -e
[ $rc -ne 0 ] || fail "overwrote an input"
cmp "$tmp/a.toml" "$tmp/keep.toml" || fail "input changed"
echo "score: ok"
