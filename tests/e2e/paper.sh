#!/usr/bin/env bash
# End-to-end: `zelfscan paper` for every shipped instrument, in Dutch and
# English, checked page by page with poppler and qpdf as a printer would see it.
set -euo pipefail
zs=$1 src=$2 tmp=$3
rm -rf "$tmp" && mkdir -p "$tmp"
fail() { echo "FAIL: $*" >&2; exit 1; }
pages_check=$src/tests/tools/paper_pages.py
ex=$src/tests/data/instruments/voorbeeld.toml

# A tool that succeeds but warns (qpdf, pdffonts, pdftotext) counts as a failure.
quiet() {
  local what=$1; shift
  "$@" >"$tmp/tool.out" 2>"$tmp/tool.err" || fail "$what: '$*' exits $?: $(cat "$tmp/tool.err" "$tmp/tool.out" | head -5)"
  [ ! -s "$tmp/tool.err" ] || fail "$what: '$*' warns: $(head -5 "$tmp/tool.err")"
}

# Every font is embedded and has a ToUnicode map, so prints and copy-paste work.
fonts_ok() {
  quiet "$2" pdffonts "$1"
  python3 - "$tmp/tool.out" "$2" <<'PY' || fail "$2: fonts: $(cat "$tmp/tool.out")"
import sys
lines = open(sys.argv[1]).read().splitlines()
col = lines[0].index("emb")
fonts = lines[2:]
bad = [l for l in fonts if l[col:col + 11].split() != ["yes", "yes", "yes"]]
sys.exit(1 if bad or not fonts else 0)
PY
}

shopt -s nullglob
instruments=("$src"/instruments/*.toml "$ex")
[ ${#instruments[@]} -ge 2 ] || fail "no shipped instruments found in $src/instruments"
for f in "${instruments[@]}"; do
  name=$(basename "$f" .toml)
  for lang in nl en; do
    out=$tmp/$name-$lang.pdf
    what="$name ($lang)"
    "$zs" paper "$f" -o "$out" --lang "$lang" 2>"$tmp/paper.err" || fail "$what: paper exits $?: $(cat "$tmp/paper.err")"
    [ ! -s "$tmp/paper.err" ] || fail "$what: paper writes to stderr: $(cat "$tmp/paper.err")"
    quiet "$what: qpdf --check" qpdf --check "$out"
    fonts_ok "$out" "$what"
    for n in $(seq 1 "$(pdfinfo "$out" | awk '/^Pages:/ {print $2}')"); do
      quiet "$what: pdftotext page $n" pdftotext -f "$n" -l "$n" "$out" -
    done
    # Page by page: footers, every question once and in order, no splits,
    # conditional instructions and where the gates send you on.
    python3 "$pages_check" "$f" "$lang" "$out" >"$tmp/pages.txt" || fail "$what: $(head -20 "$tmp/pages.txt")"
    # A4 unless asked otherwise.
    sizes=$(pdfinfo -f 1 -l 9999 "$out" | sed -n 's/^Page *[0-9]* size: *//p' | sort -u)
    [ "$sizes" = "595.276 x 841.89 pts (A4)" ] || fail "$what: page sizes are not all A4: $sizes"
    # Same inputs, same bytes.
    "$zs" paper "$f" -o "$tmp/again.pdf" --lang "$lang"
    cmp -s "$out" "$tmp/again.pdf" || fail "$what: two runs give different bytes"
  done
done

# The cover names the instrument, version and how answers are kept.
cover=$(pdftotext -f 1 -l 1 "$tmp/voorbeeld-nl.pdf" -)
[[ $cover == *"Voorbeeldscan gelijke behandeling"* && $cover == *"1.0.0"* ]] || fail "cover: title/version: $cover"
[[ $cover == *"Uw antwoorden worden zonder naam verwerkt."* ]] || fail "cover: privacy text missing"
[[ $(pdftotext -f 1 -l 1 "$tmp/voorbeeld-en.pdf" -) == *"Example equal treatment scan"* ]] || fail "cover (en): title"
# The respondent block offers the instrument's role groups.
all=$(pdftotext "$tmp/voorbeeld-nl.pdf" -)
[[ $all == *"Leidinggevende"* && $all == *"Uitvoering (contact met klanten)"* ]] || fail "respondent block: role groups missing"
# The skip instruction in full, both languages.
grep -q "Hebt u ‘Nee’, ‘Weet ik niet’ of ‘Niet van toepassing’ geantwoord? Ga dan verder met vraag D2.3 (pagina [0-9]*)." <(pdftotext "$tmp/voorbeeld-nl.pdf" - | tr "\n" " ") ||
  fail "skip instruction (nl): $(grep -i 'ga dan' <<<"$all")"
grep -q "Did you answer ‘No’, ‘Don’t know’ or ‘Not applicable’? Then go on to question D2.3 (page [0-9]*)." <(pdftotext "$tmp/voorbeeld-en.pdf" - | tr "\n" " ") ||
  fail "skip instruction (en): $(pdftotext "$tmp/voorbeeld-en.pdf" - | grep -i 'go on')"

# A chain of gates: D2.2 hangs on D2.1, which hangs on D2.0. 'Nee' on D2.0
# skips both, so the instruction sends the reader past D2.2 to D2.3 (not to
# D2.2, which hangs on a skipped question); D2.1's own instruction too.
sed 's/^  only_if = { question = "D2.0", answers = \["ja", "deels"\] }$/&/; /^  id = "D2.2"$/,/^  only_if/ s/question = "D2.0", answers = \["ja", "deels"\]/question = "D2.1", answers = ["ja"]/' \
  "$src/tests/data/instruments/voorbeeld.toml" >"$tmp/chain.toml"
grep -q 'question = "D2.1", answers = \["ja"\]' "$tmp/chain.toml" || fail "could not make the chained instrument"
"$zs" paper "$tmp/chain.toml" -o "$tmp/chain.pdf" 2>"$tmp/chain.err" || fail "paper of the chained instrument: $(cat "$tmp/chain.err")"
chain=$(pdftotext "$tmp/chain.pdf" - | tr '\n' ' ' | tr -s ' ')
[[ $chain == *"Hebt u ‘Nee’, ‘Weet ik niet’ of ‘Niet van toepassing’ geantwoord? Ga dan verder met vraag D2.3"* ]] ||
  fail "chained skip from D2.0: $(grep -o 'Hebt u[^?]*? Ga dan verder met vraag D2.[0-9]' <<<"$chain")"
[[ $chain != *"Ga dan verder met vraag D2.2"* ]] || fail "a skip instruction sends the reader to D2.2, which hangs on a skipped question"

# Who is expected to know: every scored question says so at the end of its
# help ('Wie dit kan weten:', role labels from the question's or its
# theme's owners; 'iedereen' where every role owns it), on paper, in the
# fillable form and in the HTML form; an instrument without owners says nothing.
"$zs" paper "$src/tests/data/instruments/toegang.toml" -o "$tmp/toegang.pdf" 2>/dev/null || fail "paper toegang"
toegang=$(pdftotext "$tmp/toegang.pdf" - | tr '\n' ' ' | tr -s ' ')
[ "$(grep -o 'Wie dit kan weten: Facilitaire dienst · Teamleider\.' <<<"$toegang" | wc -l)" -eq 2 ] ||
  fail "theme G has three questions owned by facilities and team leaders: $(grep -o 'Wie dit kan weten: [^.]*' <<<"$toegang" | sort | uniq -c)"
# G2 names part of another role in words (also_known_by), after the owners
[ "$(grep -o 'Wie dit kan weten: Facilitaire dienst · Teamleider en ook de portier\.' <<<"$toegang" | wc -l)" -eq 1 ] ||
  fail "G2's also_known_by is not after its owners: $(grep -o 'Wie dit kan weten: [^.]*' <<<"$toegang" | sort | uniq -c)"
[ "$(grep -o 'Wie dit kan weten: iedereen\.' <<<"$toegang" | wc -l)" -eq 4 ] ||
  fail "theme C (no owners) has four questions for everyone: $(grep -o 'Wie dit kan weten: [^.]*' <<<"$toegang" | sort | uniq -c)"
"$zs" paper "$src/tests/data/instruments/toegang.toml" --lang en -o "$tmp/toegang-en.pdf" 2>/dev/null || fail "paper toegang en"
[[ $(pdftotext "$tmp/toegang-en.pdf" - | tr '\n' ' ') == *"Who can know this: Facilities · Team leader."* ]] || fail "owners sentence (en)"
[[ $(pdftotext "$tmp/toegang-en.pdf" - | tr '\n' ' ' | tr -s ' ') == *"Who can know this: Facilities · Team leader and also the doorkeeper."* ]] || fail "also_known_by (en)"
[[ $all != *"Wie dit kan weten"* ]] || fail "voorbeeld names no owners, yet the paper says who should know"
"$zs" form "$src/tests/data/instruments/toegang.toml" -o "$tmp/toegang-form.pdf" 2>/dev/null || fail "form toegang"
[ "$(pdftotext "$tmp/toegang-form.pdf" - | tr '\n' ' ' | tr -s ' ' | grep -o 'Wie dit kan weten:' | wc -l)" -eq 7 ] || fail "owners sentences missing in the fillable form"
"$zs" form "$src/tests/data/instruments/toegang.toml" -o "$tmp/toegang.html" 2>/dev/null || fail "HTML form of toegang"
[ "$(grep -c '<p class="who">Wie dit kan weten: Facilitaire dienst · Teamleider.</p>' "$tmp/toegang.html")" -eq 2 ] || fail "owners sentence missing in the HTML form"
# the shipped full scan: the sentence comes from the owners, never from the help text as well
"$zs" paper "$src/instruments/institutioneel-racisme.toml" -o "$tmp/full.pdf" 2>/dev/null || fail "paper full scan"
full_text=$(pdftotext "$tmp/full.pdf" - | tr '\n' ' ' | tr -s ' ')
n_who=$(grep -o 'Wie dit kan weten:' <<<"$full_text" | wc -l)
n_scored=$(python3 -c 'import sys,tomllib; i=tomllib.load(open(sys.argv[1],"rb")); print(sum(1 for d in i["domain"] for q in d["question"] if q.get("scored", True)))' "$src/instruments/institutioneel-racisme.toml")
[ "$n_who" = "$n_scored" ] || fail "full scan: $n_who owners sentences for $n_scored scored questions"
# 3.1.0: after 'Nee' on D3.0 the two questions about every check remain (D3.15, D3.16)
[[ $full_text == *"Hebt u ‘Nee’ geantwoord? Ga dan verder met vraag D3.15 (pagina "* ]] ||
  fail "full scan: the skip after D3.0 does not go to D3.15: $(grep -o 'Hebt u ‘Nee’ geantwoord? Ga dan verder met vraag D3[^)]*)' <<<"$full_text")"

# Question texts have typographic quotes, as the help texts do.
full_nl=$(pdftotext "$tmp/institutioneel-racisme-nl.pdf" - | tr '\n' ' ')
[[ $full_nl == *"zoals ‘geen hoofddoek’, zegt"* && $full_nl == *"beroep of ‘tolk nodig’?"* ]] ||
  fail "question texts: no typographic quotes: $(grep -o "zoals .geen hoofddoek., zegt" <<<"$full_nl")"

# The closing words: a scan counts in the report; a questionnaire without a
# risk model (procesevaluatie) is no scan and has no risk report.
flat() { pdftotext "$1" - | tr '\n' ' ' | tr -s ' '; }
scan_nl=$(flat "$tmp/institutioneel-racisme-nl.pdf")
[[ $scan_nl == *"ZELFSCAN · PAPIEREN VERSIE"* && $scan_nl == *"Lever de ingevulde scan in bij de coördinator. Zo tellen uw antwoorden mee in het rapport."* ]] ||
  fail "full scan (nl): the closing words changed"
pe_nl=$(flat "$tmp/procesevaluatie-nl.pdf")
for want in "VRAGENLIJST · PAPIEREN VERSIE" "Zo vult u de vragenlijst in" \
            "Vult u de vragenlijst samen in, in een groepssessie?" \
            "Lever de ingevulde vragenlijst in bij de coördinator. Zo tellen uw antwoorden mee in de uitkomsten."; do
  [[ $pe_nl == *"$want"* ]] || fail "procesevaluatie (nl): missing '$want'"
done
for wrong in "ZELFSCAN ·" "Zo vult u de scan in" "Vult u de scan samen in" "ingevulde scan" "mee in het rapport"; do
  [[ $pe_nl != *"$wrong"* ]] || fail "procesevaluatie (nl): says '$wrong', but it has no risk model"
done
pe_en=$(flat "$tmp/procesevaluatie-en.pdf")
for want in "QUESTIONNAIRE · PAPER VERSION" "How to fill in the questionnaire" \
            "Filling in the questionnaire together in a group session?" \
            "Hand in the completed questionnaire to the coordinator, so that your answers count in the results."; do
  [[ $pe_en == *"$want"* ]] || fail "procesevaluatie (en): missing '$want'"
done
for wrong in "SELF-SCAN ·" "How to fill in the scan" "completed scan" "count in the report"; do
  [[ $pe_en != *"$wrong"* ]] || fail "procesevaluatie (en): says '$wrong', but it has no risk model"
done

# Letter paper: every page is 8.5 x 11 in, and the questions still fit.
"$zs" paper "$src/instruments/institutioneel-racisme.toml" -o "$tmp/letter.pdf" --paper letter --lang en
sizes=$(pdfinfo -f 1 -l 9999 "$tmp/letter.pdf" | sed -n 's/^Page *[0-9]* size: *//p' | sort -u)
[ "$sizes" = "612 x 792 pts (letter)" ] || fail "--paper letter gives: $sizes"
python3 "$pages_check" "$src/instruments/institutioneel-racisme.toml" en "$tmp/letter.pdf" >"$tmp/pages.txt" || fail "letter: $(head -20 "$tmp/pages.txt")"
quiet "letter: qpdf --check" qpdf --check "$tmp/letter.pdf"

# A logo on the cover: an image on page 1, nowhere else.
pdftoppm -r 30 -png -singlefile -f 1 -l 1 "$tmp/voorbeeld-nl.pdf" "$tmp/logo"
"$zs" paper "$ex" -o "$tmp/logo.pdf" --logo "$tmp/logo.png" || fail "paper --logo"
pdfimages -list "$tmp/logo.pdf" | awk 'NR > 2 {print $1}' | sort -u >"$tmp/logo-pages.txt"
[ "$(cat "$tmp/logo-pages.txt")" = "1" ] || fail "--logo: images on pages $(tr '\n' ' ' <"$tmp/logo-pages.txt"), expected on page 1 only"
quiet "logo: qpdf --check" qpdf --check "$tmp/logo.pdf"
# A logo that is not an image: a clean error, nothing written.
echo "geen plaatje" >"$tmp/fake.png"
set +e; "$zs" paper "$ex" -o "$tmp/fake-logo.pdf" --logo "$tmp/fake.png" 2>"$tmp/fake.err"; rc=$?; set -e
[ $rc -eq 1 ] || fail "bad logo: exit $rc, expected 1: $(cat "$tmp/fake.err")"
grep -q "fake.png" "$tmp/fake.err" || fail "bad logo: the error does not name the file: $(cat "$tmp/fake.err")"
[ ! -e "$tmp/fake-logo.pdf" ] || fail "bad logo: a PDF was written anyway"

# Usage errors exit 2.
set +e
"$zs" paper "$ex" -o "$tmp/x.pdf" --paper legal >/dev/null 2>&1; rc1=$?
"$zs" paper "$ex" -o "$tmp/x.pdf" --lang de >/dev/null 2>&1; rc2=$?
set -e
[ $rc1 -eq 2 ] && [ $rc2 -eq 2 ] || fail "usage errors must exit 2 (--paper legal: $rc1, --lang de: $rc2)"
echo "paper e2e: all passed"
