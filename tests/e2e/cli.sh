#!/usr/bin/env bash
# End-to-end: a command line that helps (issue 17 item 4, new-user items 35,
# 37, 32): did-you-mean for commands, options and option values; the report's
# format follows the -o name; import never replaces a file without --force;
# exit codes 0/1/2.
set -euo pipefail
zs=$1 src=$2 tmp=$3
rm -rf "$tmp" && mkdir -p "$tmp"
fail() { echo "FAIL: $*" >&2; exit 1; }
ex=$src/tests/data/instruments/voorbeeld.toml
usage() { # expected-hint args...: exit 2 and the hint on stderr
  local hint=$1; shift
  set +e; "$zs" "$@" >/dev/null 2>"$tmp/err"; local rc=$?; set -e
  [ $rc -eq 2 ] || fail "$*: exit $rc, not 2"
  grep -qF -- "$hint" "$tmp/err" || fail "$*: expected '$hint' in: $(cat "$tmp/err")"
}
usage "unknown command 'reprot'" reprot
usage "did you mean 'report'?" reprot
usage "did you mean 'score'?" socre
usage "unknown option '--lnag'" report "$ex" x.toml -o r.pdf --lnag en
usage "did you mean '--lang'?" report "$ex" x.toml -o r.pdf --lnag en
usage "did you mean '--json'?" score "$ex" x.toml --jsn
usage "did you mean 'letter'?" report "$ex" x.toml -o r.pdf --paper leter
usage "'xx' is not one of nl, en" report "$ex" x.toml -o r.pdf --lang xx

printf 'instrument = "voorbeeld"\nversion = "1.0.0"\n[respondent]\ncode = "R1"\nrole = "leiding"\n[answers]\n"D1.1" = "ja"\n' >"$tmp/a.toml"
# The report's format follows -o; a name that says something else is refused.
"$zs" report "$ex" "$tmp/a.toml" -o "$tmp/r.html" || fail "report -o r.html"
head -c 15 "$tmp/r.html" | grep -qi '<!doctype html' || fail "-o r.html does not write HTML: $(head -c 20 "$tmp/r.html")"
"$zs" report "$ex" "$tmp/a.toml" -o "$tmp/r.pdf" && head -c 5 "$tmp/r.pdf" | grep -q '%PDF-' || fail "-o r.pdf"
usage "the report is written as .pdf or .html" report "$ex" "$tmp/a.toml" -o "$tmp/r.docx"
usage "is a .html file, but --format says pdf" report "$ex" "$tmp/a.toml" -o "$tmp/x.html" --format pdf
usage "the plan is written as .toml or .csv" report "$ex" "$tmp/a.toml" -o "$tmp/y.pdf" --plan "$tmp/plan"
[ ! -e "$tmp/r.docx" ] && [ ! -e "$tmp/x.html" ] && [ ! -e "$tmp/y.pdf" ] || fail "a refused report wrote a file"
usage "no answers are given" report "$ex" -o "$tmp/z.pdf"

# import never replaces an existing answer file without --force.
"$zs" form "$ex" -o "$tmp/form.pdf" >/dev/null
printf '# hand-edited\n' >"$tmp/R03.toml"
set +e; "$zs" import "$tmp/form.pdf" -o "$tmp/R03.toml" --instrument "$ex" >/dev/null 2>"$tmp/err"; rc=$?; set -e
[ $rc -eq 1 ] || fail "import over a file: exit $rc"
grep -q "R03.toml already exists" "$tmp/err" || fail "import over a file: $(cat "$tmp/err")"
[ "$(cat "$tmp/R03.toml")" = "# hand-edited" ] || fail "import replaced a file without --force"
"$zs" import "$tmp/form.pdf" -o "$tmp/R03.toml" --instrument "$ex" --force >/dev/null || fail "import --force"
grep -q '^instrument = "voorbeeld"' "$tmp/R03.toml" || fail "--force did not replace"
echo "cli: ok"
