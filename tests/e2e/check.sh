#!/usr/bin/env bash
# End-to-end: `zelfscan check` and `zelfscan template` as a user runs them.
set -euo pipefail
zs=$1 src=$2 tmp=$3
rm -rf "$tmp" && mkdir -p "$tmp"
fail() { echo "FAIL: $*" >&2; exit 1; }
ex=$src/tests/data/instruments/voorbeeld.toml

# Every shipped instrument is valid: one summary line each, exit 0.
shopt -s nullglob
instruments=("$src"/instruments/*.toml)
if [ ${#instruments[@]} -gt 0 ]; then
  out=$("$zs" check "${instruments[@]}") || fail "shipped instruments do not pass check"
  [ "$(grep -c ': ok: instrument ' <<<"$out")" -eq ${#instruments[@]} ] || fail "expected one summary per instrument: $out"
fi
out=$("$zs" check "$ex")
[[ $out == *"voorbeeld.toml: ok: instrument voorbeeld 1.0.0 (nl, en): 2 domains, 5 questions, 2 measures" ]] || fail "summary: $out"

# Four problems in one file: four diagnostics with their lines, exit 1.
python3 - "$ex" "$tmp/four.toml" <<'PY'
import sys
s = open(sys.argv[1]).read()
s = s.replace('id = "D2.2"', 'id = "D2.1"', 1)
s = s.replace('  scale = "jdn"\n  weight = 3\n  tags = ["LN", "RD"]', '  scale = "jnd"\n  weight = 3\n  tags = ["LN", "RD"]', 1)
s = s.replace('title = { nl = "Risicoprofielen", en = "Risk profiles" }', 'title = { nl = "Risicoprofielen" }', 1)
s = s.replace('first_step = { nl = "Leg de rol', 'frist_step = { nl = "Leg de rol', 1)
open(sys.argv[2], 'w').write(s)
PY
set +e; "$zs" check "$tmp/four.toml" 2>"$tmp/four.err"; rc=$?; set -e
[ $rc -eq 1 ] || fail "four problems: exit $rc"
grep -q "four.toml:96:3: error: question 'D1.1' refers to unknown scale 'jnd'" "$tmp/four.err" || fail "unknown scale"
grep -q "four.toml:108:9: error: 'title' is missing the English text" "$tmp/four.err" || fail "missing English"
grep -q "four.toml:128:3: error: duplicate question id 'D2.1'" "$tmp/four.err" || fail "duplicate id"
grep -q "four.toml:149:1: error: unknown key 'frist_step' in \[\[measure\]\]" "$tmp/four.err" || fail "misspelt key"
grep -q "did you mean 'first_step'?" "$tmp/four.err" || fail "hint"
[ "$(grep -c ': error: ' "$tmp/four.err")" -eq 4 ] || fail "expected exactly four errors: $(cat "$tmp/four.err")"

# Syntax error: line and column.
printf '[instrument]\nid = "x"\nversion = 1.0.0\n' >"$tmp/syntax.toml"
set +e; "$zs" check "$tmp/syntax.toml" 2>"$tmp/syntax.err"; rc=$?; set -e
[ $rc -eq 1 ] || fail "syntax: exit $rc"
grep -q "syntax.toml:3:14: error: TOML syntax" "$tmp/syntax.err" || fail "syntax position: $(cat "$tmp/syntax.err")"

# Missing file, directory, binary, invalid UTF-8: clean errors, exit 1, no crash.
printf 'a = "\xff"\n' >"$tmp/latin1.toml"
set +e; "$zs" check "$tmp/nope.toml" "$tmp" /bin/sh "$tmp/latin1.toml" 2>"$tmp/bad.err"; rc=$?; set -e
[ $rc -eq 1 ] || fail "bad files: exit $rc"
grep -q "nope.toml: error: no such file" "$tmp/bad.err" || fail "missing file"
# A folder stands for the instruments and answers in it (issue 17): its
# files are checked, the broken instrument among them.
grep -q "four.toml:96:3: error" "$tmp/bad.err" || fail "directory: its files are checked"
grep -q "binary file" "$tmp/bad.err" || fail "binary"
grep -q "latin1.toml:1:6: error: invalid UTF-8" "$tmp/bad.err" || fail "utf-8"

# Usage errors exit 2; help and version exit 0.
set +e; "$zs" >/dev/null 2>&1; rc=$?; "$zs" check >/dev/null 2>&1; rc2=$?; "$zs" frobnicate >/dev/null 2>&1; rc3=$?; set -e
[ $rc -eq 2 ] && [ $rc2 -eq 2 ] && [ $rc3 -eq 2 ] || fail "usage errors must exit 2 ($rc $rc2 $rc3)"
"$zs" --help | grep -q check || fail "--help"
"$zs" --version | grep -q '^zelfscan ' || fail "--version"
for sub in check template; do "$zs" "$sub" --help >/dev/null || fail "$sub --help"; done

# Template: valid as it is, and valid once filled with real answers.
for lang in nl en; do
  "$zs" template "$ex" -o "$tmp/t-$lang.toml" --lang "$lang"
  out=$("$zs" check --instrument "$ex" "$tmp/t-$lang.toml") || fail "blank template ($lang) does not check"
  [[ $out == *"0 of 6 questions answered, 6 missing" ]] || fail "blank summary: $out"
  python3 "$src/tests/tools/fill_template.py" "$ex" "$tmp/t-$lang.toml" "$tmp/f-$lang.toml"
  out=$("$zs" check --instrument "$ex" "$tmp/f-$lang.toml") || fail "filled template ($lang) does not check"
  [[ $out == *"6 of 6 questions answered, 0 missing" ]] || fail "filled summary: $out"
done
grep -q "Alleen invullen als u bij D2.0" "$tmp/t-nl.toml" || fail "conditional note (nl)"
grep -q "Only answer if you answered D2.0" "$tmp/t-en.toml" || fail "conditional note (en)"
for f in "${instruments[@]}"; do
  "$zs" template "$f" -o "$tmp/shipped.toml"
  python3 "$src/tests/tools/fill_template.py" "$f" "$tmp/shipped.toml" "$tmp/shipped-filled.toml"
  "$zs" check --instrument "$f" "$tmp/shipped-filled.toml" >/dev/null || fail "filled template of $f does not check"
done

# The template never overwrites its input.
set +e; "$zs" template "$ex" -o "$ex" 2>"$tmp/over.err"; rc=$?; set -e
[ $rc -eq 1 ] && grep -q "overwrite an input" "$tmp/over.err" || fail "overwrite guard"

# Bad answer file: all problems at once, with lines.
cat >"$tmp/bad-answers.toml" <<'TOML'
instrument = "voorbeeld"
version = "0.9.0"
[answers]
"D1.1" = "misschien"
"D9.9" = "ja"
"D2.0" = "nee"
"D2.1" = "ja"
TOML
set +e; "$zs" check --instrument "$ex" "$tmp/bad-answers.toml" 2>"$tmp/ba.err"; rc=$?; set -e
[ $rc -eq 1 ] || fail "bad answers: exit $rc"
[ "$(grep -c ': error: ' "$tmp/ba.err")" -eq 4 ] || fail "bad answers: $(cat "$tmp/ba.err")"
grep -q "bad-answers.toml:2:1: error: this file answers version 0.9.0 of 'voorbeeld', but the instrument is version 1.0.0" "$tmp/ba.err" || fail "version"
echo "check/template e2e: all passed"
