#!/usr/bin/env bash
# End-to-end: the HTML report (full scan, Dutch and English; the results
# report) in headless chromium (tests/browser/report_test.js): zero axe-core
# violations at 1280 and 375 px, no sideways scrolling at 375 and 320 px,
# chart text at least 12 px, every scroll region focusable and named, SVG
# text contrast at least 4.5:1. Screenshots are left in the scratch folder.
set -euo pipefail
zs=$1 src=$2 tmp=$3
rm -rf "$tmp" && mkdir -p "$tmp"
fail() { echo "FAIL: $*" >&2; exit 1; }
browser=$src/tests/browser
[ -d "$browser/node_modules/puppeteer-core" ] || fail "tests/browser has no node_modules: run scripts/install-deps.sh"
check() { # name args...
  local name=$1; shift
  "$zs" report "$@" --format html -o "$tmp/$name.html" >/dev/null 2>"$tmp/$name.err" || fail "$name: report exits $?: $(cat "$tmp/$name.err")"
  # No warning: every chart has its description (the cover's rule is an
  # ornament, hidden from screen readers).
  [ ! -s "$tmp/$name.err" ] || fail "$name: report printed: $(cat "$tmp/$name.err")"
  (cd "$browser" && node report_test.js "$tmp/$name.html" "$tmp/shots-$name") >"$tmp/$name.out" 2>&1 ||
    fail "$name: $(head -20 "$tmp/$name.out")"
  cat "$tmp/$name.out"
}
check report-nl "$src/instruments/institutioneel-racisme.toml" "$src"/samples/werk-en-inkomen/*.toml --lang nl
check report-en "$src/instruments/institutioneel-racisme.toml" "$src"/samples/werk-en-inkomen/*.toml --lang en
check results "$src/instruments/procesevaluatie.toml" "$src"/samples/procesevaluatie/*.toml
