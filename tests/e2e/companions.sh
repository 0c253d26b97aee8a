#!/usr/bin/env bash
# End-to-end: the companion questionnaires (staff culture survey, client
# questionnaire, process-evaluation follow-up) through the pipeline
# (template, fill, check, score, results report in nl and en), and the
# self-scan's risk report with their results added by --with: their figures
# appear, role groups below the anonymity threshold get no column, and a
# questionnaire with too few answer sets shows only its count.
# (form.sh and paper.sh cover the paper versions and forms of every
# shipped instrument, these included.)
set -euo pipefail
zs=$1 src=$2 tmp=$3
rm -rf "$tmp" && mkdir -p "$tmp"
fail() { echo "FAIL: $*" >&2; exit 1; }
full=$src/instruments/institutioneel-racisme.toml
culture=$src/instruments/cultuurpeiling.toml
clients=$src/instruments/klantervaring.toml
shopt -s nullglob
wi=("$src"/samples/werk-en-inkomen/*.toml)
cp=("$src"/samples/cultuurpeiling/*.toml)
kl=("$src"/samples/klantervaring/*.toml)
[ ${#wi[@]} -ge 5 ] || fail "expected the Werk & Inkomen full-scan samples, found ${#wi[@]}"
[ ${#cp[@]} -eq 18 ] || fail "expected 18 staff culture answer sets, found ${#cp[@]}"
[ ${#kl[@]} -eq 12 ] || fail "expected 12 client answer sets, found ${#kl[@]}"

# --- each questionnaire on its own: template, fill, check, score, results report
for id in cultuurpeiling klantervaring procesevaluatie-vervolg; do
  ins=$src/instruments/$id.toml
  for lang in nl en; do
    "$zs" template "$ins" --lang "$lang" -o "$tmp/$id-$lang.toml"
    python3 "$src/tests/tools/fill_template.py" "$ins" "$tmp/$id-$lang.toml" "$tmp/$id-$lang-filled.toml"
    "$zs" check "$tmp/$id-$lang-filled.toml" >"$tmp/check.out" 2>&1 || fail "$id $lang: check of a filled template: $(cat "$tmp/check.out")"
  done
  answers=("$src"/samples/$id/*.toml)
  [ ${#answers[@]} -ge 2 ] || fail "$id: no sample answers"
  "$zs" score "$ins" "${answers[@]}" --json >"$tmp/$id.json" 2>"$tmp/err" || fail "$id: score: $(cat "$tmp/err")"
  n=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["respondents"])' "$tmp/$id.json")
  [ "$n" = "${#answers[@]}" ] || fail "$id: score counts $n respondents, expected ${#answers[@]}"
  for lang in nl en; do
    "$zs" report "$ins" "${answers[@]}" --lang "$lang" -o "$tmp/$id-$lang.pdf" 2>"$tmp/err" || fail "$id $lang: report: $(cat "$tmp/err")"
    [ ! -s "$tmp/err" ] || fail "$id $lang: report printed: $(cat "$tmp/err")"
    qpdf --check "$tmp/$id-$lang.pdf" >/dev/null || fail "$id $lang: qpdf --check"
    pdftotext "$tmp/$id-$lang.pdf" "$tmp/$id-$lang.txt"
  done
  grep -q "UITKOMSTEN · VRAGENLIJST" "$tmp/$id-nl.txt" || fail "$id: the nl report is not the results report"
  grep -q "RESULTS · QUESTIONNAIRE" "$tmp/$id-en.txt" || fail "$id: the en report is not the results report"
done

# The client questionnaire shows no codes (show_codes = false): on paper and
# in both forms the questions are numbered, and skips and conditions name
# the number; its results keep the codes (checked further on).
"$zs" paper "$clients" -o "$tmp/clients-paper.pdf" 2>"$tmp/err" || fail "clients paper: $(cat "$tmp/err")"
"$zs" form "$clients" -o "$tmp/clients-form.pdf" 2>"$tmp/err" || fail "clients form: $(cat "$tmp/err")"
"$zs" form "$clients" -o "$tmp/clients-form.html" 2>"$tmp/err" || fail "clients HTML form: $(cat "$tmp/err")"
for f in clients-paper clients-form; do
  pdftotext "$tmp/$f.pdf" "$tmp/$f.txt"
  ! grep -qE "K[0-9]\.[0-9]|\bK[0-9]\b" "$tmp/$f.txt" || fail "$f: shows a code: $(grep -m1 -oE ".{20}K[0-9](\.[0-9])?.{10}" "$tmp/$f.txt")"
  tr '\n' ' ' <"$tmp/$f.txt" | grep -q "Ga dan verder met vraag 6 (pagina [0-9])" || fail "$f: the skip after question 4 does not name question 6"
  grep -q "Alleen invullen als u bij vraag 4 ‘Ja’ hebt geantwoord." "$tmp/$f.txt" || fail "$f: the condition of question 5 does not name question 4"
  grep -q "^4. Had u het gevoel" "$tmp/$f.txt" || fail "$f: question 4 is not numbered 4"
done
# A client hands in to whom the instrument says (hand_in_to), not to "the coordinator".
tr '\n' ' ' <"$tmp/clients-paper.txt" | tr -s ' ' | grep -q "Lever de ingevulde vragenlijst in bij de medewerker die u deze lijst gaf." ||
  fail "clients paper: the closing words do not say whom to hand in to"
tr '\n' ' ' <"$tmp/clients-form.txt" | tr -s ' ' | grep -q "lever het in bij de medewerker die u deze lijst gaf." ||
  fail "clients form: the closing words do not say whom to hand in to"
grep -q "Stuur dat bestand naar de medewerker die u deze lijst gaf." "$tmp/clients-form.html" || fail "clients HTML form: whom to send the file to"
! grep -qi "coördinator" "$tmp/clients-paper.txt" "$tmp/clients-form.txt" "$tmp/clients-form.html" || fail "clients: a client is sent to 'the coordinator'"
! grep -q 'class="qid"' "$tmp/clients-form.html" || fail "clients HTML form: shows question codes"
grep -q "Deze vraag hoort bij het antwoord ‘Ja’ op vraag 4." "$tmp/clients-form.html" || fail "clients HTML form: condition does not name question 4"
grep -q '<h2 id="s-K1-h">Hoe u werd behandeld' "$tmp/clients-form.html" || fail "clients HTML form: section heading with a code"
grep -q 'data-q="K1.4"' "$tmp/clients-form.html" || fail "clients HTML form: the answer keeps its code"
# The staff scan keeps its codes.
"$zs" form "$full" -o "$tmp/full-form.html" 2>/dev/null || fail "full HTML form"
grep -q '<span class="qid">D1.1</span>' "$tmp/full-form.html" || fail "full HTML form: codes missing"

# Culture survey, figures: 18 answer sets; C1.2 (kept a concern to oneself)
# in the sample: 5 x never, 6 x once or twice, 5 x sometimes, 2 x often.
grep -q "We kregen 18 antwoordsets (18 personen)." "$tmp/cultuurpeiling-nl.txt" || fail "culture nl: count"
grep -q "We received 18 answer sets (18 individuals)." "$tmp/cultuurpeiling-en.txt" || fail "culture en: count"
pdftotext -layout "$tmp/cultuurpeiling-nl.pdf" "$tmp/cultuurpeiling-nl-layout.txt"
python3 - "$tmp/cultuurpeiling-nl.txt" <<'PY' || fail "culture nl: C1.2 counts"
import sys
t = open(sys.argv[1], encoding="utf-8").read()
i = t.index("C1.2 Hoe vaak hield u een zorg")
part = t[i:i + 600]
for want in ["5 × Nooit", "6 × Een enkele keer", "5 × Soms", "2 × Vaak"]:
    assert want in part, (want, part)
PY
# Clients: the interpreter question and an open answer literally.
grep -q "We kregen 12 antwoordsets (12 personen)." "$tmp/klantervaring-nl.txt" || fail "clients nl: count"
grep -q "2 × Ik had een tolk nodig, maar kreeg er geen" "$tmp/klantervaring-nl.txt" || fail "clients nl: interpreter counts"
grep -q "Mijn dochter moest nu vertalen." "$tmp/klantervaring-nl.txt" || fail "clients nl: open answer"
grep -q "2 × I needed an interpreter, but did not get" "$tmp/klantervaring-en.txt" || fail "clients en: interpreter counts"
if grep -qE "(CP|KL)-[0-9]{2}" "$tmp"/*-nl.txt "$tmp"/*-en.txt; then fail "a respondent code appears in a results report"; fi

# --- the risk report with both companions
"$zs" report "$full" "${wi[@]}" -o "$tmp/full-nl.pdf" --with "${cp[@]}" "${kl[@]}" 2>"$tmp/err" || fail "report --with nl: $(cat "$tmp/err")"
"$zs" report "$full" "${wi[@]}" --lang en -o "$tmp/full-en.pdf" --with "$src/samples/cultuurpeiling" --with "$src/samples/klantervaring" 2>"$tmp/err" ||
  fail "report --with en (folders): $(cat "$tmp/err")"
"$zs" report "$full" "${wi[@]}" -o "$tmp/plain-nl.pdf"
for f in full-nl full-en plain-nl; do
  qpdf --check "$tmp/$f.pdf" >/dev/null || fail "qpdf --check $f"
  pdftotext "$tmp/$f.pdf" "$tmp/$f.txt"
  pdftotext -layout "$tmp/$f.pdf" "$tmp/$f-layout.txt"
done
grep -q "Cultuur en ervaringen van klanten" "$tmp/full-nl.txt" || fail "nl: no companion chapter"
grep -q "Culture and clients’ experiences" "$tmp/full-en.txt" || fail "en: no companion chapter"
if grep -q "Cultuur en ervaringen van klanten" "$tmp/plain-nl.txt"; then fail "the chapter appears without --with"; fi
# The summary chapter (up to "Het risicobeeld") points to the chapter.
# (Past the contents, which names every heading: from the second
# "Samenvatting" to the second "Het risicobeeld".)
pdftotext -f 2 "$tmp/full-nl.pdf" "$tmp/from-2-nl.txt"
awk '/^Samenvatting$/ {s++} /^Het risicobeeld$/ {r++; if (r == 2) exit} s >= 2 {print}' "$tmp/from-2-nl.txt" >"$tmp/summary-nl.txt"
grep -q "Ook in dit rapport, in het hoofdstuk" "$tmp/summary-nl.txt" || fail "nl: the summary does not point to the chapter"
grep -q "Cultuurpeiling onder medewerkers: 18 antwoordsets" "$tmp/full-nl.txt" || fail "nl: culture survey count"
grep -q "Uw ervaring met onze dienst: 12 antwoordsets" "$tmp/full-nl.txt" || fail "nl: client questionnaire count"
grep -q "Staff culture survey: 18 answer sets" "$tmp/full-en.txt" || fail "en: culture survey count"
grep -q "C1.2 Hoe vaak hield u een zorg" "$tmp/full-nl.txt" || fail "nl: culture question missing"
grep -q "K2.4 Had u een tolk nodig?" "$tmp/full-nl.txt" || fail "nl: client question missing"
grep -q "K2.4 Did you need an interpreter?" "$tmp/full-en.txt" || fail "en: client question missing"
grep -q "Mijn dochter moest nu vertalen." "$tmp/full-nl.txt" || fail "nl: client open answer missing"
# Role columns: management (5) and frontline (8) are shown; back office (3)
# and policy (2) are not; among clients only the benefit group (7).
grep -q "Uitvoering (8)" "$tmp/full-nl.txt" || fail "nl: frontline column missing"
grep -q "Leiding (5)" "$tmp/full-nl.txt" || fail "nl: management column missing"
grep -q "Frontline staff (8)" "$tmp/full-en.txt" || fail "en: frontline column missing"
grep -q "Uitkering (7)" "$tmp/full-nl.txt" || fail "nl: benefit-client column missing"
# Under each role table: what the number in brackets is and which groups
# have no column (names only, never their size).
tr '\n' ' ' <"$tmp/full-nl.txt" | tr -s ' ' >"$tmp/full-nl-joined.txt"
tr '\n' ' ' <"$tmp/full-en.txt" | tr -s ' ' >"$tmp/full-en-joined.txt"
grep -qF "Tussen haakjes staat hoeveel mensen uit de groep meededen. Geen eigen kolom, zodat niemand te herkennen is: ‘Backoffice’ en ‘Beleid en advies’." "$tmp/full-nl-joined.txt" ||
  fail "nl: the role table's caption"
grep -qF "In brackets: how many people of the group took part. No column of their own, so that nobody can be recognised:" "$tmp/full-en-joined.txt" ||
  fail "en: the role table's caption"
grep -qF "Geen eigen kolom, zodat niemand te herkennen is: ‘Schuldhulp’ en ‘Werk of scholing’." "$tmp/full-nl-joined.txt" ||
  fail "nl: the client role table's caption"
for hidden in "Backoffice (3)" "Beleid en advies (2)" "Schuldhulp (3)" "Werk of scholing (2)"; do
  if grep -qF "$hidden" "$tmp/full-nl.txt"; then fail "nl: a group below the threshold has a column: $hidden"; fi
done
for hidden in "Back office (3)" "Policy and advice (2)" "Debt help (3)"; do
  if grep -qF "$hidden" "$tmp/full-en.txt"; then fail "en: a group below the threshold has a column: $hidden"; fi
done
# C1.2 means: everyone 2.2 (5x1 + 6x2 + 5x3 + 2x4 = 40, / 18 = 2.22);
# management 1.2 (6 / 5); frontline 3.0 (24 / 8).
python3 - "$tmp/full-nl-layout.txt" <<'PY' || fail "nl: C1.2 role means"
import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
rows = [l for l in t.splitlines() if "Hoe vaak hield u een zorg" in l]
assert any(re.search(r"2,2\s+1,2\s+3,0", l) for l in rows), rows
PY
# A question answered by fewer than 5 (C4.3: the 3 who reported; K1.5 and
# K3.3: 4 clients each) shows only its count; C4.4 (5 answered) is shown.
grep -q "Te weinig antwoorden om te tonen: minder dan" "$tmp/full-nl.txt" || fail "nl: no withheld question"
grep -q "Too few answers to show: fewer than" "$tmp/full-en.txt" || fail "en: no withheld question"
for t in "Er werd niets mee gedaan" "Mijn afkomst of huidskleur" "Ik was bang dat het slecht voor mij"; do
  if grep -qF "$t" "$tmp/full-nl.txt"; then fail "nl: answers of fewer than 5 shown: $t"; fi
done
grep -q "Ik wist niet waar ik het kon melden" "$tmp/full-nl.txt" || fail "nl: C4.4 (5 answers) should be shown"
# The questionnaire's own results report holds the same rule (every output).
if grep -qF "Er werd niets mee gedaan" "$tmp/cultuurpeiling-nl.txt"; then fail "culture results report: C4.3 (shown to 3) answers shown"; fi
grep -q "Minder dan 5 mensen kregen" "$tmp/cultuurpeiling-nl.txt" || fail "culture results report: withheld questions not named"
if grep -qE "(CP|KL|WI)-[0-9]{2}" "$tmp/full-nl.txt" "$tmp/full-en.txt"; then fail "a respondent code appears in the full report"; fi
# The self-scan's own figures are the same with and without --with.
"$zs" score "$full" "${wi[@]}" --json >"$tmp/score.json"
risk=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(round(d["overall"]["risk"]))' "$tmp/score.json")
grep -q "$risk" "$tmp/full-nl.txt" || fail "the overall risk $risk is missing from the report with --with"

# --- too few answer sets: the questionnaire is named with its count, nothing else
"$zs" report "$full" "${wi[@]}" -o "$tmp/few-nl.pdf" --with "${kl[@]:0:3}" 2>"$tmp/err" || fail "report --with 3 files: $(cat "$tmp/err")"
"$zs" report "$full" "${wi[@]}" --lang en -o "$tmp/few-en.pdf" --with "${kl[@]:0:3}" 2>"$tmp/err" || fail "report --with 3 files en: $(cat "$tmp/err")"
pdftotext "$tmp/few-nl.pdf" "$tmp/few-nl.txt"
pdftotext "$tmp/few-en.pdf" "$tmp/few-en.txt"
grep -q "Deze vragenlijst heeft 3 antwoordsets." "$tmp/few-nl.txt" || fail "nl: withheld companion not explained"
grep -q "This questionnaire has 3 answer sets." "$tmp/few-en.txt" || fail "en: withheld companion not explained"
for t in "K1.1 Werd u met respect behandeld?" "K4.3" "Brieven met minder moeilijke woorden"; do
  if grep -qF "$t" "$tmp/few-nl.txt"; then fail "nl: results shown for 3 answer sets: $t"; fi
done
if grep -qF "K1.1 Were you treated with respect?" "$tmp/few-en.txt"; then fail "en: results shown for 3 answer sets"; fi

# Same inputs, same bytes.
"$zs" report "$full" "${wi[@]}" -o "$tmp/again.pdf" --with "${kl[@]}" "${cp[@]}"
cmp -s "$tmp/full-nl.pdf" "$tmp/again.pdf" || fail "--with: two runs (files in another order) differ"

# HTML: the chapter and a role column.
"$zs" report "$full" "${wi[@]}" -o "$tmp/full.html" --format html --with "${cp[@]}"
grep -q "Cultuur en ervaringen van klanten" "$tmp/full.html" || fail "html: no companion chapter"
grep -q "Uitvoering (8)" "$tmp/full.html" || fail "html: no role column"

# --- mistakes: all reported, nothing written
bad() { # bad WHAT EXPECTED-TEXT ARGS...
  local what=$1 want=$2; shift 2
  rm -f "$tmp/bad.pdf"
  if "$zs" report "$full" "${wi[@]}" -o "$tmp/bad.pdf" "$@" 2>"$tmp/err"; then fail "$what: should fail"; fi
  [ ! -e "$tmp/bad.pdf" ] || fail "$what: a report was written"
  grep -qF "$want" "$tmp/err" || fail "$what: expected '$want', got: $(cat "$tmp/err")"
}
bad "self-scan answers after --with" "the instrument of the report itself" --with "${wi[0]}"
bad "a scored companion" "has a risk model; --with adds questionnaires without one" \
  --with "$src/instruments/institutioneel-racisme-quickscan.toml" "$src"/samples/quickscan/QS-01.toml
bad "an instrument without answers" "gives no answer files for it" --with "$culture"
bad "a form without its instrument" "needs its questionnaire first" --with "$tmp/cultuurpeiling-nl.pdf"
printf 'instrument = "bestaat-niet"\nversion = "1.0.0"\n' >"$tmp/unknown.toml"
bad "an unknown questionnaire" "cannot find the questionnaire 'bestaat-niet'" --with "$tmp/unknown.toml"
sed 's/"C1.1" = "[a-z-]*"/"C1.1" = "misschien"/' "${cp[0]}" >"$tmp/wrong-option.toml"
bad "a wrong answer in a companion file" "wrong-option.toml" --with "$tmp/wrong-option.toml" "${cp[@]:1}"
echo "ok"
