#!/usr/bin/env bash
# End-to-end: Dutch and English messages (issue 17 item 3). The catalogue is
# complete (every msg("...") of the source has its Dutch text in po/nl.po,
# none stale, none fuzzy, msgfmt --check passes); the language follows
# --lang, then LANGUAGE, LC_ALL, LC_MESSAGES, LANG, Dutch by default; and in
# a set of everyday mistakes no line of the Dutch output is the English one.
set -euo pipefail
zs=$1 src=$2 tmp=$3
rm -rf "$tmp" && mkdir -p "$tmp"
fail() { echo "FAIL: $*" >&2; exit 1; }
for t in xgettext msgfmt msgcmp; do command -v $t >/dev/null || fail "$t is missing (bash scripts/install-deps.sh)"; done

# ---- the catalogue ----
bash "$src/scripts/messages.sh" --pot "$tmp/zelfscan.pot" >/dev/null
n=$(grep -c '^msgid "[^"]' "$tmp/zelfscan.pot" || true)
[ "$n" -gt 400 ] || fail "only $n messages extracted from the source"
msgcmp "$src/po/nl.po" "$tmp/zelfscan.pot" 2>"$tmp/missing" ||
  fail "messages without a Dutch text in po/nl.po (run bash scripts/messages.sh): $(head -20 "$tmp/missing")"
msgcmp --use-untranslated "$tmp/zelfscan.pot" "$src/po/nl.po" 2>"$tmp/stale" ||
  fail "po/nl.po has messages the source no longer says (run bash scripts/messages.sh): $(head -20 "$tmp/stale")"
msgfmt --check --statistics -o /dev/null "$src/po/nl.po" 2>"$tmp/stats" || fail "msgfmt --check: $(cat "$tmp/stats")"
grep -Eq 'fuzzy|untranslated' "$tmp/stats" && fail "po/nl.po: $(cat "$tmp/stats")"
python3 - "$src/po/nl.po" <<'PY' || fail "placeholders differ between msgid and msgstr"
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
def unquote(block):
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', block))
bad = 0
for m in re.finditer(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n?)+)', text, re.M):
    en, nl = unquote(m.group(1)), unquote(m.group(2))
    p = lambda s: re.findall(r"\{\{|\}\}|\{[^{}]*\}", s)
    if en and p(en) != p(nl):
        print(f"placeholders: {en!r} -> {nl!r}", file=sys.stderr); bad += 1
sys.exit(1 if bad else 0)
PY

# ---- which language ----
dutch() { env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LANG "$@"; }
printf '[instrument]\nid = "x"\n' >"$tmp/bad.toml"
run() { # out-file cmd...: what it says (stdout and stderr) and its exit code in out-file.rc
  local out=$1; shift
  set +e; "$@" >"$out" 2>&1; echo $? >"$out.rc"; set -e
}
run "$tmp/nl.txt" dutch "$zs" check "$tmp/bad.toml"
grep -q ': fout: ' "$tmp/nl.txt" || fail "default is not Dutch: $(cat "$tmp/nl.txt")"
[ "$(cat "$tmp/nl.txt.rc")" = 1 ] || fail "check of a bad instrument: exit $(cat "$tmp/nl.txt.rc")"
run "$tmp/en.txt" dutch env LANG=en_US.UTF-8 "$zs" check "$tmp/bad.toml"
grep -q ': error: ' "$tmp/en.txt" || fail "LANG=en_US.UTF-8 is not English: $(cat "$tmp/en.txt")"
run "$tmp/x.txt" dutch env LANG=en_US.UTF-8 LC_MESSAGES=nl_NL.UTF-8 "$zs" check "$tmp/bad.toml"
grep -q ': fout: ' "$tmp/x.txt" || fail "LC_MESSAGES=nl before LANG=en: $(cat "$tmp/x.txt")"
run "$tmp/x.txt" dutch env LC_ALL=C.UTF-8 "$zs" check "$tmp/bad.toml"
grep -q ': fout: ' "$tmp/x.txt" || fail "LC_ALL=C is not the default, Dutch: $(cat "$tmp/x.txt")"
run "$tmp/x.txt" dutch env LANGUAGE=en LC_ALL=nl_NL.UTF-8 "$zs" check "$tmp/bad.toml"
grep -q ': error: ' "$tmp/x.txt" || fail "LANGUAGE=en before LC_ALL: $(cat "$tmp/x.txt")"
# The same errors, the same places: only the words differ.
cut -d: -f1-3 "$tmp/nl.txt" | grep -v '^  ' >"$tmp/nl.where"; cut -d: -f1-3 "$tmp/en.txt" | grep -v '^  ' >"$tmp/en.where"
cmp -s "$tmp/nl.where" "$tmp/en.where" || fail "Dutch and English errors are not at the same places"
[ "$(wc -l <"$tmp/nl.txt")" = "$(wc -l <"$tmp/en.txt")" ] || fail "Dutch and English give a different number of lines"

# ---- everyday mistakes: every line is said in Dutch ----
ex=$src/tests/data/instruments/voorbeeld.toml
printf 'instrument = "voorbeeld"\nversion = "1.0.0"\n[respondent]\ncode = "R1"\nrole = "leiding"\ndate = "gisteren"\n[answers]\n"D1.1" = "jaa"\n"D9.9" = "ja"\n' >"$tmp/a.toml"
printf 'instrument = "voorbeeld"\nversion = "1.0.0"\n[respondent]\ncode = "R1"\nrole = "leiding"\n[answers]\n"D1.1" = "ja"\n' >"$tmp/ok.toml"
printf '[plan]\ninstrument = "voorbeeld"\n[[measure]]\nmeasure = "M1"\nstatus = "klaarr"\ndeadline = "morgen"\n' >"$tmp/plan.toml"
i=0
case_() { # exit-code cmd-args...: the Dutch output differs from the English on every line
  local want=$1; shift; i=$((i + 1))
  run "$tmp/c$i.nl" dutch "$zs" "$@"
  run "$tmp/c$i.en" dutch env LANGUAGE=en "$zs" "$@"
  [ "$(cat "$tmp/c$i.nl.rc")" = "$want" ] || fail "zelfscan $*: exit $(cat "$tmp/c$i.nl.rc"), not $want: $(cat "$tmp/c$i.nl")"
  [ -s "$tmp/c$i.nl" ] || fail "zelfscan $*: nothing said"
  local same
  same=$(grep -Fxf "$tmp/c$i.en" "$tmp/c$i.nl" || true)
  [ -z "$same" ] || fail "zelfscan $*: lines still in English: $same"
}
case_ 2 reprot
case_ 2 report "$ex" "$tmp/ok.toml" -o "$tmp/r.pdf" --lnag en
case_ 2 report "$ex" "$tmp/ok.toml" -o "$tmp/r.docx"
case_ 2 report "$ex" -o "$tmp/r.pdf"
case_ 2 report "$ex" "$tmp/ok.toml" --paper leter -o "$tmp/r.pdf"
case_ 2 report "$ex" "$tmp/ok.toml"
case_ 1 check "$ex" "$tmp/a.toml"
case_ 1 score "$ex" "$tmp/a.toml"
case_ 1 check "$tmp/plan.toml" --instrument "$ex"
case_ 1 report "$ex" "$tmp/nothing-here.toml" -o "$tmp/r.pdf"
case_ 1 render "$tmp/missing.md" -o "$tmp/r.pdf"
case_ 0 check "$ex" "$tmp/ok.toml"
[ ! -e "$tmp/r.pdf" ] && [ ! -e "$tmp/r.docx" ] || fail "a refused command wrote a report"

# --lang en speaks English whatever the environment says.
run "$tmp/x.txt" dutch env LANG=nl_NL.UTF-8 "$zs" report "$ex" "$tmp/a.toml" -o "$tmp/r.pdf" --lang en
grep -q ': error: ' "$tmp/x.txt" || fail "--lang en: $(cat "$tmp/x.txt")"
echo "messages: ok ($n messages; $i mistakes said in Dutch)"
