#!/usr/bin/env bash
# A form whose respondent ticked a question that an earlier answer skips:
# the import keeps the form, leaves that answer out and says so.
set -euo pipefail
zs=$1 src=$2 tmp=$3
rm -rf "$tmp" && mkdir -p "$tmp"
fail() { echo "FAIL: $*" >&2; exit 1; }
ex=$src/tests/data/instruments/voorbeeld.toml
"$zs" form "$ex" -o "$tmp/form.pdf"
cat >"$tmp/fill.xfdf" <<'XFDF'
<?xml version="1.0" encoding="UTF-8"?>
<xfdf xmlns="http://ns.adobe.com/xfdf/" xml:space="preserve"><fields>
<field name="respondent.code"><value>R1</value></field>
<field name="D1.1"><value>ja</value></field>
<field name="D2.0"><value>nee</value></field>
<field name="D2.1"><value>ja</value></field>
</fields></xfdf>
XFDF
pdftk "$tmp/form.pdf" fill_form "$tmp/fill.xfdf" output "$tmp/filled.pdf"
"$zs" import "$tmp/filled.pdf" -o "$tmp/answers.toml" --instrument "$ex" 2>"$tmp/err" >"$tmp/out" || fail "import failed: $(cat "$tmp/err")"
grep -q "warning: D2.1 was answered, but it only applies when D2.0 is ja or deels; D2.0 was answered 'nee', so the answer to D2.1 is left out" "$tmp/err" \
  || fail "no warning: $(cat "$tmp/err")"
grep -q '^"D2.1" = ""' "$tmp/answers.toml" || fail "D2.1 kept"
grep -q '^"D2.0" = "nee"' "$tmp/answers.toml" || fail "D2.0 lost"
"$zs" check --instrument "$ex" "$tmp/answers.toml" >/dev/null || fail "imported file does not check"
echo "form skip e2e: all passed"
