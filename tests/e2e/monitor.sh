#!/usr/bin/env bash
# End-to-end: `zelfscan monitor` over fixture plans with fixed dates.
# "Today" is SOURCE_DATE_EPOCH = 2027-01-01. Expected counts by hand:
#   Werk (two rounds; the later, 2026-12-01, counts): M1 bezig deadline 2026-12-01 (31 days late),
#        M2 afgerond, M3 open red flag since 2026-06-01 (214 days open), find-out open without a deadline
#   Zorg (CSV, Dutch Excel dialect): M1 gepland deadline 2027-02-01 (not late), M2 vervallen deadline 2026-01-01 (not late: dropped)
#   Jeugd: a folder without a plan
set -euo pipefail
zs=$1 src=$2 tmp=$3
rm -rf "$tmp" && mkdir -p "$tmp/plans/werk" "$tmp/plans/zorg" "$tmp/plans/jeugd"
fail() { echo "FAIL: $*" >&2; exit 1; }
export SOURCE_DATE_EPOCH=1798761600 # 2027-01-01

cat >"$tmp/plans/werk/plan-2026-06.toml" <<'T'
instrument = "voorbeeld"
version = "1.0.0"
language = "nl"
organisation = "Gemeente Voorbeeld"
unit = "Werk"
round = "2026-06-01"
updated = "2026-06-02"
domains = { D1 = "hoog", D2 = "hoog" }

[[action]]
measure = "M1"
status = "open"
kind = "measure"
since = "2026-06-01"

[[action]]
measure = "M2"
status = "bezig"
kind = "do-no-harm"
since = "2026-06-01"

[[action]]
measure = "M3"
status = "open"
kind = "do-no-harm"
since = "2026-06-01"
T
cat >"$tmp/plans/werk/plan-2026-12.toml" <<'T'
instrument = "voorbeeld"
version = "1.0.0"
language = "nl"
organisation = "Gemeente Voorbeeld"
unit = "Werk"
round = "2026-12-01"
updated = "2026-12-15"
domains = { D1 = "hoog", D2 = "matig" }

[[action]]
measure = "M1"
title = "Wijs een eigenaar aan"
owner = "Mevr. Jansen"
status = "bezig"
deadline = "2026-12-01"
kind = "measure"
since = "2026-06-01"

[[action]]
measure = "M2"
indicated = false
status = "afgerond"
deadline = "2026-09-01"
kind = "do-no-harm"
since = "2026-06-01"

[[action]]
measure = "M3"
status = "open"
kind = "do-no-harm"
since = "2026-06-01"

[[action]]
measure = "find-out:D1.1"
status = ""
kind = "find-out"
since = "2026-12-01"
T
printf '\xEF\xBB\xBFmeasure;title;owner;deadline;status;kind;since;organisation;unit;round;updated;instrument;version;domain_bands\r\nM1;Wijs een eigenaar aan;Teamleider;1-2-2027;gepland;measure;2026-10-01;Gemeente Voorbeeld;Zorg;2026-10-01;2026-10-20;voorbeeld;1.0.0;D1=hoog D2=laag\r\nM2;Stop;;01-01-2026;vervallen;do-no-harm;2026-10-01;Gemeente Voorbeeld;Zorg;2026-10-01;2026-10-20;voorbeeld;1.0.0;D1=hoog D2=laag\r\n' >"$tmp/plans/zorg/plan.csv"

"$zs" monitor "$tmp/plans" -o "$tmp/overzicht.json" || fail "monitor json"
python3 - "$tmp/overzicht.json" <<'PY'
import json, sys
o = json.load(open(sys.argv[1]))
assert o["today"] == "2027-01-01", o["today"]
assert o["organisations_with_plan"] == 2 and o["organisations_without_plan"] == 1, o
orgs = {(x["organisation"], x["unit"]): x for x in o["organisations"]}
werk, zorg, jeugd = orgs[("Gemeente Voorbeeld", "Werk")], orgs[("Gemeente Voorbeeld", "Zorg")], orgs[("jeugd", "")]
assert not jeugd["has_plan"], jeugd
assert werk["round"] == "2026-12-01" and werk["updated"] == "2026-12-15", werk
assert werk["by_status"] == {"open": 2, "gepland": 0, "bezig": 1, "afgerond": 1, "vervallen": 0}, werk["by_status"]
assert [(m["measure"], m["days_overdue"]) for m in werk["overdue"]] == [("M1", 31)], werk["overdue"]
assert [(r["measure"], r["days_open"]) for r in werk["red_flags_open"]] == [("M3", 214)], werk["red_flags_open"]
assert zorg["by_status"] == {"open": 0, "gepland": 1, "bezig": 0, "afgerond": 0, "vervallen": 1}, zorg["by_status"]
assert zorg["overdue"] == [] and zorg["red_flags_open"] == [], zorg
assert o["by_status"]["open"] == 2 and o["by_status"]["gepland"] == 1 and o["measures"] == 6, o
assert o["overdue"] == 1 and o["red_flags_open"] == 1, o
# D1 high at both; D2 high at neither in their latest round ("hoog" at Werk was the earlier round).
assert o["high_domains"] == [{"domain": "D1", "organisations": 2, "of": 2}], o["high_domains"]
trend = [(t["unit"], t["round"], t["indicated"], t["done"], t["high_domains"], t["red_flags_open"]) for t in o["trend"]]
assert trend == [("Werk", "2026-06-01", 3, 0, 2, 2), ("Werk", "2026-12-01", 3, 1, 1, 1)], trend
PY
"$zs" monitor "$tmp/plans" -o "$tmp/overzicht.csv" || fail "monitor csv"
python3 - "$tmp/overzicht.csv" <<'PY'
import csv, sys
rows = {r["unit"] or r["organisation"]: r for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8-sig"), delimiter=open(sys.argv[1], encoding="utf-8-sig").readline().count(";") and ";" or ",")}
assert rows["Werk"]["overdue"] == "1" and rows["Werk"]["longest_red_flag_days"] == "214", rows["Werk"]
assert rows["jeugd"]["has_plan"] == "false", rows["jeugd"]
PY
"$zs" monitor "$tmp/plans/werk/plan-2026-12.toml" "$tmp/plans/zorg/plan.csv" "$tmp/plans/jeugd" -o "$tmp/overzicht.pdf" || fail "monitor pdf"
qpdf --check "$tmp/overzicht.pdf" >/dev/null || fail "qpdf"
pdftotext -layout "$tmp/overzicht.pdf" "$tmp/o.txt"
grep -q "Overzicht zelfscan" "$tmp/o.txt" || fail "title"
grep -q "Stand op 1 januari 2027. 2 organisaties met een plan, 1 zonder plan" "$tmp/o.txt" || fail "intro: $(head -20 "$tmp/o.txt")"
grep -q "geen plan" "$tmp/o.txt" || fail "no plan row"
grep -Eq "M1 Wijs een eigenaar aan +Mevr. Jansen +1 december 2026 +31" "$tmp/o.txt" || fail "overdue row: $(grep -A4 'Te laat' "$tmp/o.txt")"
"$zs" monitor "$tmp/plans" -o "$tmp/overzicht2.pdf"
"$zs" monitor "$tmp/plans" -o "$tmp/overzicht3.pdf"
cmp "$tmp/overzicht2.pdf" "$tmp/overzicht3.pdf" || fail "same inputs, different bytes"
"$zs" monitor "$tmp/plans" --lang en -o "$tmp/overview.html" || fail "monitor html"
grep -q "Self-scan overview" "$tmp/overview.html" || fail "html title"
set +e; "$zs" monitor "$tmp/nothing-here" -o "$tmp/x.pdf" 2>/dev/null; rc=$?; set -e
[ $rc -eq 1 ] || fail "missing input: exit $rc"
echo "monitor: ok"
