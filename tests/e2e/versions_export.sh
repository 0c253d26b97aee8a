#!/usr/bin/env bash
# End-to-end: answers to another patch version are accepted with one note;
# another minor version is a clear error. `export` honours the anonymity
# rule: no codes, dates or file names, small role groups hidden, rows in an
# order that says nothing about who answered; --all gives everything with a
# warning.
set -euo pipefail
zs=$1 src=$2 tmp=$3
rm -rf "$tmp" && mkdir -p "$tmp/a"
fail() { echo "FAIL: $*" >&2; exit 1; }
ex=$src/tests/data/instruments/voorbeeld.toml
sed 's/^version = "1.0.0"/version = "1.0.1"/' "$ex" >"$tmp/voorbeeld-101.toml"
sed 's/^version = "1.0.0"/version = "1.1.0"/' "$ex" >"$tmp/voorbeeld-110.toml"

answer() { # file code role D1.1 note
  printf 'instrument = "voorbeeld"\nversion = "1.0.0"\nlanguage = "nl"\n[respondent]\ncode = "%s"\nrole = "%s"\ndate = "2026-06-01"\n[answers]\n"D1.1" = { answer = "%s", note = "%s" }\n"D2.0" = "ja"\n"D2.1" = "ja"\n' "$2" "$3" "$4" "$5" >"$tmp/a/$1"
}
answer a1.toml ZZ-1 uitvoering nee "Geen eigenaar"
answer a2.toml AA-2 uitvoering ja ""
answer a3.toml MM-3 uitvoering deels ""
answer a4.toml BB-4 leiding nee "=HYPERLINK(\\\"x\\\")"

# Patch version: accepted, one note for all files.
"$zs" score "$tmp/voorbeeld-101.toml" "$tmp"/a/*.toml >"$tmp/101.out" 2>"$tmp/101.err" || fail "patch version rejected: $(cat "$tmp/101.err")"
[ "$(grep -c 'note:' "$tmp/101.err")" -eq 1 ] || fail "one note expected: $(cat "$tmp/101.err")"
grep -q "note: 4 answer files answer version 1.0.0 of 'voorbeeld' and the instrument is 1.0.1" "$tmp/101.err" || fail "note: $(cat "$tmp/101.err")"
"$zs" report "$tmp/voorbeeld-101.toml" "$tmp"/a/*.toml -o "$tmp/r.pdf" 2>"$tmp/r.err" || fail "report patch: $(cat "$tmp/r.err")"
"$zs" score "$ex" "$tmp"/a/*.toml >"$tmp/100.out"
cmp <(sed 1d "$tmp/101.out") <(sed 1d "$tmp/100.out") || fail "patch version scores differently"
# Minor version: an error that names both versions.
set +e; "$zs" score "$tmp/voorbeeld-110.toml" "$tmp"/a/*.toml 2>"$tmp/110.err"; rc=$?; set -e
[ $rc -eq 1 ] || fail "minor version: exit $rc"
grep -q "a1.toml:2:1: error: this file answers version 1.0.0 of 'voorbeeld', but the instrument is version 1.1.0" "$tmp/110.err" || fail "minor: $(cat "$tmp/110.err")"

# Export, anonymity by default (threshold 3 in the example: leiding has 1).
"$zs" export "$ex" "$tmp/a" -o "$tmp/answers.csv" 2>"$tmp/export.err" || fail "export: $(cat "$tmp/export.err")"
python3 - "$tmp/answers.csv" <<'PY'
import csv, sys
text = open(sys.argv[1], encoding="utf-8").read()
for secret in ("ZZ-1", "AA-2", "MM-3", "BB-4", "2026-06-01", "a1.toml", "leiding", "uitvoering"):
    assert secret not in text, secret
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
assert len(rows) == 4, rows
# leiding (1) is below the threshold; uitvoering (3) is hidden too, or it
# would give leiding away as the rest of the total (docs/method.md, section 5).
assert [r["role"] for r in rows] == ["hidden"] * 4, rows
assert sorted(r["D1.1"] for r in rows) == ["deels", "ja", "nee", "nee"], rows
notes = sorted(r["D1.1 note"] for r in rows)
assert "'=HYPERLINK(\"x\")" in notes and "Geen eigenaar" in notes, notes   # a formula is never run
assert all(r["participants"] == "1" for r in rows), rows
assert "code" not in rows[0], rows[0].keys()
PY
[ $? -eq 0 ] || fail "export content"
"$zs" export "$ex" "$tmp"/a/*.toml -o "$tmp/answers.json" || fail "export json"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d)==4 and 'code' not in d[0], d" "$tmp/answers.json" || fail "json"
"$zs" export "$ex" "$tmp/a" --all -o "$tmp/all.csv" 2>"$tmp/all.err" || fail "export --all"
grep -q "warning: --all: the file holds respondent codes" "$tmp/all.err" || fail "--all warning: $(cat "$tmp/all.err")"
grep -q "ZZ-1" "$tmp/all.csv" && grep -q ",leiding," "$tmp/all.csv" || fail "--all content"
set +e; "$zs" export "$ex" "$tmp/a" -o "$tmp/a/a1.toml" 2>/dev/null; rc=$?; set -e
[ $rc -ne 0 ] || fail "export overwrote an input"
echo "versions_export: ok"
