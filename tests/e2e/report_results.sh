#!/usr/bin/env bash
# End-to-end: `zelfscan report` on a questionnaire without a risk model
# (instruments/procesevaluatie.toml, samples/procesevaluatie): the results
# report, with no risk wording, numbers summarised and open answers literal.
set -euo pipefail
zs=$1 src=$2 tmp=$3
rm -rf "$tmp" && mkdir -p "$tmp"
fail() { echo "FAIL: $*" >&2; exit 1; }
ins=$src/instruments/procesevaluatie.toml
answers=("$src"/samples/procesevaluatie/*.toml)
[ ${#answers[@]} -eq 5 ] || fail "expected 5 sample answer files, found ${#answers[@]}"

"$zs" report "$ins" "${answers[@]}" -o "$tmp/nl.pdf" 2>"$tmp/err" || fail "report nl: $(cat "$tmp/err")"
[ ! -s "$tmp/err" ] || fail "report nl printed: $(cat "$tmp/err")"
"$zs" report "$ins" "${answers[@]}" --lang en -o "$tmp/en.pdf" 2>"$tmp/err" || fail "report en: $(cat "$tmp/err")"
for f in nl en; do
  qpdf --check "$tmp/$f.pdf" >/dev/null || fail "qpdf --check $f"
  pdftotext "$tmp/$f.pdf" "$tmp/$f.txt" 2>"$tmp/warn"; [ ! -s "$tmp/warn" ] || fail "pdftotext warnings: $(cat "$tmp/warn")"
done

# Cover: kicker and title name the results, not a risk report.
# (the 30 pt cover title wraps: lines joined with a space)
pdftotext -f 1 -l 1 "$tmp/nl.pdf" - | tr '\n' ' ' | tr -s ' ' >"$tmp/nl-cover.txt"
pdftotext -f 1 -l 1 "$tmp/en.pdf" - | tr '\n' ' ' | tr -s ' ' >"$tmp/en-cover.txt"
grep -q "UITKOMSTEN · VRAGENLIJST" "$tmp/nl-cover.txt" || fail "nl kicker"
grep -q "Uitkomsten: Procesevaluatie van de zelfscan" "$tmp/nl-cover.txt" || fail "nl title"
grep -q "RESULTS · QUESTIONNAIRE" "$tmp/en-cover.txt" || fail "en kicker"
grep -q "Results: Process evaluation of the self-scan" "$tmp/en-cover.txt" || fail "en title"
pdfinfo "$tmp/nl.pdf" | grep -q "^Title: *Uitkomsten: Procesevaluatie" || fail "nl document title"

# No risk wording. ("maatregelen" and "verbeterplan" occur in the
# questionnaire's own questions, so the report's phrases are checked.)
for w in "Risicorapport" "RISICORAPPORT" "Rode vlag" "RODE VLAG" "Eerst doen" "belangrijkste maatregelen" "Risicoscore" \
         "Risicobeeld" "risicobeeld" "Verhoogd" "Matig" "Kennisgat" "Hoe zeker is dit beeld"; do
  if grep -q "$w" "$tmp/nl.txt"; then fail "risk wording in the nl results report: $w"; fi
done
for w in "Risk report" "RISK REPORT" "Red flag" "RED FLAG" "Do first" "most important measures" "Risk score" \
         "Elevated" "Moderate" "Knowledge gap" "How certain"; do
  if grep -q "$w" "$tmp/en.txt"; then fail "risk wording in the en results report: $w"; fi
done

# Summary: answer sets, people, response per question in words, empty share.
grep -q "We kregen 5 antwoordsets (5 personen)." "$tmp/nl.txt" || fail "nl summary count"
grep -q "E6.3 Wilt u verder nog iets kwijt? (1 van 5)" "$tmp/nl.txt" || fail "nl low response E6.3"
grep -q "We received 5 answer sets (5 individuals)." "$tmp/en.txt" || fail "en summary count"

# Number questions: E1.3 minutes 45, 60, 75, 90, 120 -> mean 78, median 75;
# E3.5 marks 5.5 .. 8 -> mean 6,7 (Dutch comma), median 7.
pdftotext -layout "$tmp/nl.pdf" "$tmp/nl-layout.txt"
pdftotext -layout "$tmp/en.pdf" "$tmp/en-layout.txt"
grep -qE "5 van 5 +78 +75 +45 +120" "$tmp/nl-layout.txt" || fail "nl E1.3 figures (count, mean, median, lowest, highest)"
grep -qE "5 van 5 +6,7 +7 +5,5 +8" "$tmp/nl-layout.txt" || fail "nl E3.5 mean with a decimal comma"
grep -qE "5 of 5 +6\.7 +7 +5\.5 +8" "$tmp/en-layout.txt" || fail "en E3.5 mean"
grep -q "Gemiddeld" "$tmp/nl.txt" && grep -q "Mediaan" "$tmp/nl.txt" || fail "nl number table header"

# Open answers literally: Dutch characters, Markdown and template syntax
# as written; duplicates once with a count.
grep -q 'Bij D3.2 staat \*\*vet\*\* het woord ‘proxy’' "$tmp/nl.txt" || fail "open answer with **vet** not literal"
grep -q '# geen kop' "$tmp/nl.txt" || fail "open answer heading-like line not literal"
grep -q '{{naam}}' "$tmp/nl.txt" || fail "open answer template syntax not literal"
grep -q '\[geen link\](https://voorbeeld.nl)' "$tmp/nl.txt" || fail "open answer link syntax not literal"
grep -q "Collega’s durfden" "$tmp/nl.txt" || fail "open answer with a typographic apostrophe"
grep -q "cliëntenraad’" "$tmp/nl.txt" || fail "open answer with ë"
grep -q "Een vaste begeleider van buiten de afdeling. (2×)" "$tmp/nl.txt" || fail "duplicate open answer with its count"
grep -q '\*\*vet\*\*' "$tmp/en.txt" || fail "en: open answers are shown as written"

# No respondent code anywhere.
if grep -qE "PE-[0-9]{2}" "$tmp/nl.txt" "$tmp/en.txt"; then fail "a respondent code appears in the report"; fi

# Same inputs, same bytes, in any order.
"$zs" report "$ins" "${answers[@]}" -o "$tmp/again.pdf"
cmp -s "$tmp/nl.pdf" "$tmp/again.pdf" || fail "two runs differ"
reversed=(); for ((i=${#answers[@]}-1; i>=0; i--)); do reversed+=("${answers[$i]}"); done
"$zs" report "$ins" "${reversed[@]}" -o "$tmp/rev.pdf"
cmp -s "$tmp/nl.pdf" "$tmp/rev.pdf" || fail "input order changes the report"

# HTML once: title, no risk wording, open answers as text (never markup).
"$zs" report "$ins" "${answers[@]}" -o "$tmp/r.html" --format html
grep -q '<html lang="nl"' "$tmp/r.html" || fail "html lang"
grep -q "Uitkomsten: Procesevaluatie van de zelfscan" "$tmp/r.html" || fail "html title"
grep -q "<svg" "$tmp/r.html" || fail "html charts"
grep -q '\*\*vet\*\*' "$tmp/r.html" || fail "html open answer"
if grep -q "<strong>vet</strong>" "$tmp/r.html"; then fail "html interpreted an open answer"; fi
if grep -qE "Risicorapport|Rode vlag|PE-[0-9]{2}" "$tmp/r.html"; then fail "html risk wording or respondent code"; fi

# --template still wins: the risk template on a questionnaire is a located
# error at its first risk-only directive, and nothing is written.
rm -f "$tmp/risk.pdf"
if "$zs" report "$ins" "${answers[@]}" -o "$tmp/risk.pdf" --template "$src/report-templates/rapport.nl.md" 2>"$tmp/err"; then
  fail "risk template on a questionnaire should fail"
fi
[ ! -e "$tmp/risk.pdf" ] || fail "a report was written despite errors"
line=$(grep -n '^\[\[table:top-measures\]\]' "$src/report-templates/rapport.nl.md" | cut -d: -f1)
grep -q "rapport.nl.md:$line:1: error: \[\[table:top-measures\]\] needs a risk model" "$tmp/err" || fail "located error: $(cat "$tmp/err")"
# A custom results template works with --template.
cat >"$tmp/custom.md" <<'MD'
[[cover]]

# Kort

{{respondents_phrase}}.

{{#domains}}
## {{id}} {{title}}

[[table:numbers {{id}}]]

[[answers {{id}}]]
{{/domains}}
MD
"$zs" report "$ins" "${answers[@]}" -o "$tmp/custom.pdf" --template "$tmp/custom.md" 2>"$tmp/err" || fail "custom template: $(cat "$tmp/err")"
pdftotext "$tmp/custom.pdf" "$tmp/custom.txt"
grep -q "5 antwoordsets." "$tmp/custom.txt" || fail "custom template text"
echo "ok"
