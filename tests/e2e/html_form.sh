#!/usr/bin/env bash
# End-to-end: `zelfscan form -o FILE.html`, the browser form, in headless
# chromium and firefox-esr (tests/browser/form_test.js): filled by clicking
# and typing, it
# saves an answer file with exactly the bytes `zelfscan import` writes for the
# PDF form filled with the same values by pdftk, and `check` and `score` take
# it. For the example instrument (not shipped) in Dutch and the shipped full
# scan in English; plus the command line: format from -o, a contradicting
# --format, no network in the page's policy, the messages from the catalogue
# in the form's language whatever the coordinator's.
set -euo pipefail
zs=$1 src=$2 tmp=$3
rm -rf "$tmp" && mkdir -p "$tmp"
fail() { echo "FAIL: $*" >&2; exit 1; }
ff=$src/tests/tools/form_fill.py
browser=$src/tests/browser
[ -d "$browser/node_modules/puppeteer-core" ] || fail "tests/browser has no node_modules: run scripts/install-deps.sh"

# The command line: -o .html picks HTML; --format must agree with -o.
"$zs" form "$src/tests/data/instruments/voorbeeld.toml" -o "$tmp/v.html" >/dev/null 2>"$tmp/err" || fail "form -o .html exits $?: $(cat "$tmp/err")"
head -c 15 "$tmp/v.html" | grep -q '<!DOCTYPE html>' || fail "-o .html did not write HTML"
grep -q "default-src 'none'" "$tmp/v.html" || fail "the page's Content-Security-Policy does not forbid the network"
grep -q "script-src 'sha256-" "$tmp/v.html" || fail "the page's script is not pinned by its hash"
set +e
"$zs" form "$src/tests/data/instruments/voorbeeld.toml" -o "$tmp/x.pdf" --format html 2>"$tmp/err"; rc=$?
set -e
[ "$rc" -eq 2 ] || fail "--format html with -o x.pdf exits $rc, not 2"
[ ! -e "$tmp/x.pdf" ] || fail "--format html with -o x.pdf wrote a file"
grep -q "x.pdf" "$tmp/err" || fail "the --format error does not name the file: $(cat "$tmp/err")"
"$zs" form "$src/tests/data/instruments/voorbeeld.toml" -o "$tmp/same.html" >/dev/null 2>&1
cmp -s "$tmp/v.html" "$tmp/same.html" || fail "the same instrument gives different HTML bytes"

# The script's messages are check's, from po/nl.po, in the form's language
# (not the language the program talks in).
LANG=en_US.UTF-8 "$zs" form "$src/tests/data/instruments/voorbeeld.toml" -o "$tmp/nl.html" --lang nl >/dev/null 2>&1
grep -q "{v} valt buiten het bereik voor '{id}'. Verwacht: {min} tot en met {max}." "$tmp/nl.html" ||
  fail "the Dutch form does not say check's Dutch out-of-range message"
grep -q "'{id}' is beantwoord met '{v}', maar zonder reden. Schrijf op waarom." "$tmp/nl.html" ||
  fail "the Dutch form does not say check's Dutch message for a missing reason"
LANG=nl_NL.UTF-8 "$zs" form "$src/tests/data/instruments/voorbeeld.toml" -o "$tmp/en.html" --lang en >/dev/null 2>&1
grep -q "{v} is out of range for '{id}'. Expected {min} to {max}." "$tmp/en.html" ||
  fail "the English form does not say check's English out-of-range message"
grep -q "valt buiten" "$tmp/en.html" && fail "the English form has Dutch messages"

run() { # name instrument lang [browser: chromium (default) or firefox]
  local name=$1 ins=$2 lang=$3 browser_name=${4:-chromium} dir=$tmp/$1
  mkdir -p "$dir/dl" "$dir/shots"
  "$zs" form "$ins" -o "$dir/form.html" --lang "$lang" >/dev/null 2>"$dir/err" || fail "$name: form exits $?: $(cat "$dir/err")"
  python3 "$ff" answers "$ins" full "$dir/answers.json"
  (cd "$browser" && ZS_BROWSER=$browser_name node form_test.js "$dir/form.html" "$dir/answers.json" "$dir/dl" "$dir/shots") >"$dir/browser.out" 2>&1 ||
    fail "$name: browser test: $(grep -v '^ok' "$dir/browser.out" | head -20)"
  local saved=$dir/dl/R07.toml
  [ -f "$saved" ] || fail "$name: no saved answer file"
  # The same values through the PDF form: pdftk fills, zelfscan imports.
  "$zs" form "$ins" -o "$dir/form.pdf" --lang "$lang" >/dev/null 2>&1
  python3 "$ff" xfdf "$dir/answers.json" "$dir/fill.xfdf"
  pdftk "$dir/form.pdf" fill_form "$dir/fill.xfdf" output "$dir/filled.pdf" 2>"$dir/pdftk.err" || fail "$name: pdftk: $(cat "$dir/pdftk.err")"
  "$zs" import "$dir/filled.pdf" -o "$dir/imported.toml" --instrument "$ins" --lang "$lang" >/dev/null 2>"$dir/import.err" ||
    fail "$name: import: $(cat "$dir/import.err")"
  diff -u "$dir/imported.toml" "$saved" >"$dir/diff.txt" || fail "$name: browser file differs from the imported PDF form: $(head -30 "$dir/diff.txt")"
  python3 "$ff" compare "$dir/answers.json" "$saved" >"$dir/compare.txt" || fail "$name: saved answers differ: $(head -20 "$dir/compare.txt")"
  "$zs" check --instrument "$ins" "$saved" >"$dir/check.out" 2>&1 || fail "$name: check rejects the saved file: $(cat "$dir/check.out")"
  "$zs" score "$ins" "$saved" >"$dir/score.out" 2>&1 || fail "$name: score rejects the saved file: $(cat "$dir/score.out")"
  echo "$name: $(grep -c '^ok' "$dir/browser.out") browser checks pass; saved file = imported PDF form, accepted by check and score"
}
run example-nl "$src/tests/data/instruments/voorbeeld.toml" nl
command -v "${FIREFOX:-firefox-esr}" >/dev/null || fail "firefox-esr is missing: run scripts/install-deps.sh"
run example-nl-firefox "$src/tests/data/instruments/voorbeeld.toml" nl firefox
run fullscan-en "$src/instruments/institutioneel-racisme.toml" en
echo "html_form: ok"
