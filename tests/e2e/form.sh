#!/usr/bin/env bash
# End-to-end: `zelfscan form` and `zelfscan import` with third-party fillers.
# For every shipped instrument: the form is a valid PDF with exactly the
# expected fields; filled by pdftk-java (XFDF) and by qpdf (JSON update, then
# qpdf's own appearance generator) it imports to an answer file that holds
# exactly the answers typed in, and that `zelfscan check` accepts.
set -euo pipefail
zs=$1 src=$2 tmp=$3
rm -rf "$tmp" && mkdir -p "$tmp"
fail() { echo "FAIL: $*" >&2; exit 1; }
ff=$src/tests/tools/form_fill.py
ex=$src/tests/data/instruments/voorbeeld.toml

# A tool that succeeds but warns (qpdf, pdftoppm's "Syntax Error") counts as a failure.
quiet() {
  local what=$1; shift
  "$@" >"$tmp/tool.out" 2>"$tmp/tool.err" || fail "$what: '$*' exits $?: $(cat "$tmp/tool.err" "$tmp/tool.out" | head -5)"
  [ ! -s "$tmp/tool.err" ] || fail "$what: '$*' warns: $(sort "$tmp/tool.err" | uniq -c | head -5)"
}
renders() { rm -f "$tmp"/png-*; quiet "$1: pdftoppm" pdftoppm -r 20 -png "$2" "$tmp/png"; }

# import FORM INSTRUMENT ANSWERS.json: imports, compares, checks; prints the import line.
import_and_compare() {
  local what=$1 pdf=$2 ins=$3 answers=$4 out=$tmp/imported.toml
  rm -f "$out"
  "$zs" import "$pdf" -o "$out" --instrument "$ins" >"$tmp/import.out" 2>"$tmp/import.err" ||
    fail "$what: import exits $?: $(cat "$tmp/import.err")"
  python3 "$ff" compare "$answers" "$out" >"$tmp/compare.txt" || fail "$what: imported answers differ: $(head -20 "$tmp/compare.txt")"
  "$zs" check --instrument "$ins" "$out" >"$tmp/check.out" 2>&1 || fail "$what: check rejects the import: $(cat "$tmp/check.out")"
  local missing
  missing=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["expected"]["missing"])' "$answers")
  grep -q ", $missing missing$" "$tmp/import.out" || fail "$what: expected $missing missing: $(cat "$tmp/import.out")"
  grep -q ", $missing missing$" "$tmp/check.out" || fail "$what: check should count $missing missing: $(cat "$tmp/check.out")"
}

shopt -s nullglob
instruments=("$src"/instruments/*.toml "$ex")
[ ${#instruments[@]} -ge 2 ] || fail "no shipped instruments found in $src/instruments"
for f in "${instruments[@]}"; do
  name=$(basename "$f" .toml)
  form=$tmp/$name.pdf
  "$zs" form "$f" -o "$form" 2>"$tmp/form.err" || fail "$name: form exits $?: $(cat "$tmp/form.err")"
  [ ! -s "$tmp/form.err" ] || fail "$name: form writes to stderr: $(cat "$tmp/form.err")"
  quiet "$name: qpdf --check" qpdf --check "$form"
  renders "$name: empty form" "$form"
  # The form is the paper layout: same pages, no question split.
  python3 "$src/tests/tools/paper_pages.py" "$f" nl "$form" >"$tmp/pages.txt" || fail "$name: form layout: $(head -10 "$tmp/pages.txt")"
  [ "$(pdfinfo "$form" | awk '/^Form:/ {print $2}')" = "AcroForm" ] || fail "$name: pdfinfo sees no AcroForm"
  "$zs" form "$f" -o "$tmp/again.pdf"
  cmp -s "$form" "$tmp/again.pdf" || fail "$name: two runs give different bytes"

  # Every expected field, with its type, flags, states and tool tip, in question order.
  pdftk "$form" dump_data_fields_utf8 >"$tmp/fields.txt" 2>"$tmp/pdftk.err" || fail "$name: pdftk dump: $(cat "$tmp/pdftk.err")"
  python3 "$ff" fields "$f" "$tmp/fields.txt" >"$tmp/fields-check.txt" || fail "$name: fields: $(head -20 "$tmp/fields-check.txt")"
  qpdf --json-output "$form" "$tmp/form.json"
  # qpdf 11.3 loses --update-from-json changes to objects inside object
  # streams (the stream, resolved later, overwrites them): fill a copy
  # without object streams.
  qpdf --object-streams=disable "$form" "$tmp/plain.pdf"
  qpdf --json-output "$tmp/plain.pdf" "$tmp/plain.json"
  python3 "$ff" tooltips "$f" nl "$tmp/form.json" >"$tmp/tu.txt" || fail "$name: tool tips: $(head -10 "$tmp/tu.txt")"
  python3 - "$tmp/form.json" "$name" <<'PY' || fail "$name: instrument metadata missing from /Info"
import json, sys
objs = json.load(open(sys.argv[1]))["qpdf"][1]
info = objs["trailer"]["value"]["/Info"]
d = objs[f"obj:{info}"]["value"]
sys.exit(0 if d.get("/ZelfscanInstrument", "").startswith("u:") and d.get("/ZelfscanVersion") else 1)
PY

  for variant in full partial; do
    answers=$tmp/$name-$variant.json
    python3 "$ff" answers "$f" "$variant" "$answers"

    # pdftk-java fills from XFDF and writes its own appearance streams.
    python3 "$ff" xfdf "$answers" "$tmp/fill.xfdf"
    pdftk "$form" fill_form "$tmp/fill.xfdf" output "$tmp/pdftk.pdf" 2>"$tmp/pdftk.err" || fail "$name: pdftk fill_form: $(cat "$tmp/pdftk.err")"
    quiet "$name ($variant, pdftk): qpdf --check" qpdf --check "$tmp/pdftk.pdf"
    renders "$name ($variant, pdftk)" "$tmp/pdftk.pdf"
    import_and_compare "$name ($variant, pdftk)" "$tmp/pdftk.pdf" "$f" "$answers"

    # qpdf sets /V and /AS as a viewer saving the form does, then generates
    # appearances itself from the form's /DA and /DR.
    python3 "$ff" qpdf-update "$tmp/plain.json" "$answers" "$tmp/update.json"
    qpdf "$tmp/plain.pdf" --update-from-json="$tmp/update.json" "$tmp/qpdf-v.pdf"
    quiet "$name ($variant, qpdf): qpdf --check" qpdf --check "$tmp/qpdf-v.pdf"
    renders "$name ($variant, qpdf, viewer appearances)" "$tmp/qpdf-v.pdf"
    import_and_compare "$name ($variant, qpdf)" "$tmp/qpdf-v.pdf" "$f" "$answers"
    quiet "$name ($variant): qpdf --generate-appearances" qpdf --generate-appearances "$tmp/qpdf-v.pdf" "$tmp/qpdf-ap.pdf"
    renders "$name ($variant, qpdf appearances)" "$tmp/qpdf-ap.pdf"
    import_and_compare "$name ($variant, qpdf --generate-appearances)" "$tmp/qpdf-ap.pdf" "$f" "$answers"
  done
  cp "$tmp/pdftk.pdf" "$tmp/$name-partial-pdftk.pdf"
done

# The English form has the same fields; the answers are language-free.
"$zs" form "$ex" -o "$tmp/voorbeeld-en.pdf" --lang en
pdftk "$tmp/voorbeeld-en.pdf" dump_data_fields_utf8 >"$tmp/fields-en.txt"
python3 "$ff" fields "$ex" "$tmp/fields-en.txt" >"$tmp/fields-check.txt" || fail "English form fields: $(head "$tmp/fields-check.txt")"
qpdf --json-output "$tmp/voorbeeld-en.pdf" "$tmp/form-en.json"
python3 "$ff" tooltips "$ex" en "$tmp/form-en.json" >"$tmp/tu.txt" || fail "English tool tips: $(head "$tmp/tu.txt")"
python3 "$ff" answers "$ex" full "$tmp/en.json"
python3 "$ff" xfdf "$tmp/en.json" "$tmp/en.xfdf"
pdftk "$tmp/voorbeeld-en.pdf" fill_form "$tmp/en.xfdf" output "$tmp/en-filled.pdf"
import_and_compare "English form" "$tmp/en-filled.pdf" "$ex" "$tmp/en.json"

# Without --instrument, import finds the instrument by the id in the form.
rc=0
(cd "$src" && "$zs" import "$tmp/institutioneel-racisme-partial-pdftk.pdf" -o "$tmp/found.toml") >"$tmp/found.out" 2>&1 || rc=$?
[ $rc -eq 0 ] || fail "import without --instrument: exit $rc: $(cat "$tmp/found.out")"
python3 "$ff" compare "$tmp/institutioneel-racisme-partial.json" "$tmp/found.toml" >/dev/null || fail "import without --instrument: answers differ"

# Several forms of different instruments into a folder, each instrument
# found by its id: one answer file each, named after the form.
batch=()
for f in "$src"/instruments/*.toml; do batch+=("$tmp/$(basename "$f" .toml)-partial-pdftk.pdf"); done
(cd "$src" && "$zs" import "${batch[@]}" -o "$tmp/batch") >"$tmp/batch.out" 2>&1 || fail "batch import: $(cat "$tmp/batch.out")"
[ "$(ls "$tmp/batch" | wc -l)" -eq ${#batch[@]} ] || fail "batch import: expected ${#batch[@]} answer files: $(ls "$tmp/batch")"
for p in "${batch[@]}"; do
  stem=$(basename "$p" .pdf)
  python3 "$ff" compare "$tmp/${stem%-pdftk}.json" "$tmp/batch/$stem.toml" >"$tmp/compare.txt" ||
    fail "batch import: $stem.toml differs: $(head -5 "$tmp/compare.txt")"
done

# The import never overwrites a form given as input.
cp "$tmp/en-filled.pdf" "$tmp/keep.pdf"
set +e; "$zs" import "$tmp/keep.pdf" -o "$tmp/keep.pdf" --instrument "$ex" >/dev/null 2>"$tmp/over.err"; rc=$?; set -e
[ $rc -eq 1 ] || fail "import -o its own input: exit $rc"
cmp -s "$tmp/keep.pdf" "$tmp/en-filled.pdf" || fail "import overwrote its input"
echo "form/import e2e: all passed"
