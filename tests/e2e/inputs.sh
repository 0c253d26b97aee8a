#!/usr/bin/env bash
# End-to-end: one input rule for every command that takes answers (issue 17
# item 1, issue 14 item 1): TOML files, filled forms and folders alike in
# check, score, report and import; the instrument named on the command line >
# --instrument > search path; check applies the set rules of score (duplicate
# codes, mixed versions) per file; dates in any common spelling become ISO.
set -euo pipefail
zs=$1 src=$2 tmp=$3
rm -rf "$tmp" && mkdir -p "$tmp/ronde" "$tmp/elders"
fail() { echo "FAIL: $*" >&2; exit 1; }
ex=$src/tests/data/instruments/voorbeeld.toml

answer() { # file code role date body
  printf 'instrument = "voorbeeld"\nversion = "1.0.0"\nlanguage = "nl"\n[respondent]\ncode = "%s"\nrole = "%s"\ndate = "%s"\n[answers]\n%s\n' \
    "$2" "$3" "$4" "$5" >"$1"
}
answer "$tmp/ronde/a.toml" R1 leiding "2026-10-01" '"D1.1" = "ja"
"D2.0" = "ja"
"D2.1" = "ja"'
answer "$tmp/ronde/b.toml" R2 uitvoering "15-09-2025" '"D1.1" = "nee"
"D2.0" = "ja"
"D2.1" = "nee"'
answer "$tmp/ronde/c.toml" R3 uitvoering "1 oktober 2026" '"D1.1" = "weet-niet"'
echo "not an answer" >"$tmp/ronde/notes.txt"   # ignored: not .toml or .pdf
mkdir "$tmp/ronde/sub" && cp "$tmp/ronde/a.toml" "$tmp/ronde/sub/" # ignored: not recursive

# A filled form (pdftk from XFDF) with a Dutch date, among the TOML files.
"$zs" form "$ex" -o "$tmp/form.pdf" >/dev/null
cat >"$tmp/fill.xfdf" <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<xfdf xmlns="http://ns.adobe.com/xfdf/" xml:space="preserve"><fields>
<field name="respondent.code"><value>R4</value></field>
<field name="respondent.role"><value>uitvoering</value></field>
<field name="respondent.date"><value>1-10-2026</value></field>
<field name="D1.1"><value>ja</value></field>
</fields></xfdf>
X
pdftk "$tmp/form.pdf" fill_form "$tmp/fill.xfdf" output "$tmp/ronde/d.pdf"

# check: a folder = every .toml and .pdf in it; all four ok, dates accepted.
out=$("$zs" check "$ex" "$tmp/ronde") || fail "check folder: $out"
[ "$(grep -c ': ok: answers to voorbeeld 1.0.0' <<<"$out")" -eq 4 ] || fail "check folder: four answers expected: $out"
grep -q 'd.pdf: ok: answers to voorbeeld 1.0.0 by R4' <<<"$out" || fail "check reads the form: $out"
grep -q 'sub/a.toml' <<<"$out" && fail "check folder is not recursive: $out"

# The instrument named on the command line is used (no ./instruments here).
cp "$ex" "$tmp/elders/mijn-scan.toml"
cd "$tmp"
out=$(ZELFSCAN_INSTRUMENTS=/nonexistent "$zs" check elders/mijn-scan.toml ronde/a.toml) || fail "named instrument: $out"
grep -q 'ronde/a.toml: ok: answers' <<<"$out" || fail "named instrument not used: $out"
out=$(ZELFSCAN_INSTRUMENTS=/nonexistent "$zs" check ronde/a.toml --instrument elders/mijn-scan.toml) || fail "--instrument: $out"
out=$(ZELFSCAN_INSTRUMENTS="$tmp/nowhere:$src/tests/data/instruments" "$zs" check ronde/a.toml) || fail "search path: $out"
# Not found: the hint names the file name that is searched for and where.
set +e; err=$(ZELFSCAN_INSTRUMENTS=/nonexistent "$zs" check ronde/a.toml 2>&1); rc=$?; set -e
[ $rc -eq 1 ] || fail "missing instrument: exit $rc"
grep -q "cannot find instrument 'voorbeeld'" <<<"$err" || fail "missing instrument message: $err"
grep -q "'voorbeeld.toml'" <<<"$err" || fail "missing instrument hint names voorbeeld.toml: $err"
cd - >/dev/null

# score reads the form and the folder as report does; the same result as
# naming every file.
s1=$("$zs" score "$ex" "$tmp/ronde" --json) || fail "score folder"
s2=$("$zs" score "$ex" "$tmp/ronde/a.toml" "$tmp/ronde/b.toml" "$tmp/ronde/c.toml" "$tmp/ronde/d.pdf" --json) || fail "score files"
[ "$s1" = "$s2" ] || fail "score: folder and files differ"
python3 -c 'import json,sys; j=json.loads(sys.argv[1]); assert j["respondents"]==4, j["respondents"]' "$s1" || fail "score: 4 respondents"
s3=$("$zs" score "$tmp/ronde" --instrument "$ex" --json) || fail "score --instrument"
[ "$s1" = "$s3" ] || fail "score: --instrument differs"
"$zs" report "$ex" "$tmp/ronde" -o "$tmp/r.pdf" || fail "report folder"
pdfinfo "$tmp/r.pdf" >/dev/null || fail "report PDF"

# import: a folder of forms; the date is written ISO, and check accepts the file.
"$zs" import "$tmp/ronde" --instrument "$ex" -o "$tmp/imported" >/dev/null || fail "import folder"
grep -q '^date = "2026-10-01"' "$tmp/imported/d.toml" || fail "import writes ISO dates: $(grep date "$tmp/imported/d.toml")"
"$zs" check "$ex" "$tmp/imported/d.toml" >/dev/null || fail "check on the imported file"

# check applies score's set rules: a duplicate code is an error per file.
mkdir "$tmp/dup" && cp "$tmp/ronde/a.toml" "$tmp/dup/a.toml"
sed 's/"R2"/"R1"/' "$tmp/ronde/b.toml" >"$tmp/dup/b.toml"
set +e; out=$("$zs" check "$ex" "$tmp/dup" 2>"$tmp/dup.err"); rc=$?; set -e
[ $rc -eq 1 ] || fail "check duplicate codes: exit $rc"
grep -q "b.toml: error: respondent code 'R1' is also used in .*a.toml" "$tmp/dup.err" || fail "duplicate code: $(cat "$tmp/dup.err")"
grep -q 'a.toml: ok' <<<"$out" || fail "the first file stays ok: $out"
set +e; "$zs" score "$ex" "$tmp/dup" >/dev/null 2>"$tmp/dup-score.err"; rc=$?; set -e
[ $rc -eq 1 ] || fail "score duplicate: exit $rc"

# Mixed versions: check says so per file, as score does.
mkdir "$tmp/mixed" && cp "$tmp/ronde/a.toml" "$tmp/mixed/"
sed -e 's/"1.0.0"/"1.1.0"/' -e 's/"R2"/"R9"/' "$tmp/ronde/b.toml" >"$tmp/mixed/b.toml"
set +e; "$zs" check "$ex" "$tmp/mixed" >/dev/null 2>"$tmp/mixed.err"; rc=$?; set -e
[ $rc -eq 1 ] || fail "check mixed: exit $rc"
grep -q "are mixed with answers to" "$tmp/mixed.err" || fail "mixed versions: $(cat "$tmp/mixed.err")"

# A bad date is still an error, with the spellings that work in the hint.
answer "$tmp/bad.toml" R5 leiding "gisteren" '"D1.1" = "ja"'
set +e; "$zs" check "$ex" "$tmp/bad.toml" 2>"$tmp/bad.err"; rc=$?; set -e
[ $rc -eq 1 ] || fail "bad date: exit $rc"
grep -q "bad.toml:7:8: error: date 'gisteren' is not a date" "$tmp/bad.err" || fail "bad date: $(cat "$tmp/bad.err")"
grep -q "1 oktober 2026" "$tmp/bad.err" || fail "bad date hint: $(cat "$tmp/bad.err")"

# A missing path and an empty folder are errors naming them.
mkdir "$tmp/leeg"
set +e; "$zs" score "$ex" "$tmp/leeg" "$tmp/missing.toml" >/dev/null 2>"$tmp/missing.err"; rc=$?; set -e
[ $rc -eq 1 ] || fail "missing inputs: exit $rc"
grep -q "leeg: error: the folder holds no answers" "$tmp/missing.err" || fail "empty folder: $(cat "$tmp/missing.err")"
grep -q "missing.toml: error: no such file or folder" "$tmp/missing.err" || fail "missing file: $(cat "$tmp/missing.err")"
echo "inputs: ok"
