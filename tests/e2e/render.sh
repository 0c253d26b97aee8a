#!/usr/bin/env bash
# zelfscan render: the typesetting test document renders; text comes back
# intact through pdftotext; poppler and qpdf accept the file without
# warnings; two runs give identical bytes; a table continued on a new page
# repeats its header; errors name the file.
set -euo pipefail
bin=$1 src=$2 out=$3
mkdir -p "$out"
rm -f "$out"/*.pdf
doc=$src/tests/data/typesetting/alles.md
fail() { echo "FAIL: $*" >&2; exit 1; }

"$bin" render "$doc" -o "$out/a.pdf" 2>"$out/stderr" || fail "render failed: $(cat "$out/stderr")"
[ ! -s "$out/stderr" ] || fail "render printed: $(cat "$out/stderr")"

pdftotext -enc UTF-8 "$out/a.pdf" "$out/a.txt" 2>"$out/pdftotext.err"
[ ! -s "$out/pdftotext.err" ] || fail "pdftotext warned: $(cat "$out/pdftotext.err")"
pdffonts "$out/a.pdf" >"$out/fonts.txt" 2>"$out/pdffonts.err"
[ ! -s "$out/pdffonts.err" ] || fail "pdffonts warned: $(cat "$out/pdffonts.err")"
for s in "ë é ï ĳ €" "“dubbele”" "‘enkele’" "–" "Typografie-proef" "pagina 1 van" \
         "Verbeterpunten bij toegangsbeheer." "Diep genummerd"; do
    grep -qF -- "$s" "$out/a.txt" || fail "pdftotext lost: $s"
done
grep -q "Lato-Regular" "$out/fonts.txt" || fail "Lato not embedded"
if awk 'NR>2 && $(NF-3)!="yes"' "$out/fonts.txt" | grep -q .; then fail "a font is not embedded"; fi

qpdf --check "$out/a.pdf" >"$out/check.txt" 2>&1 || fail "qpdf --check: $(cat "$out/check.txt")"
head -c 8 "$out/a.pdf" | grep -q "%PDF-1.7" || fail "not PDF 1.7"
pdfinfo "$out/a.pdf" | grep -q "^Title: *Typografie-proef: alle constructies" || fail "no title"

"$bin" render "$doc" -o "$out/b.pdf"
cmp -s "$out/a.pdf" "$out/b.pdf" || fail "two runs differ"
SOURCE_DATE_EPOCH=1700000000 "$bin" render "$doc" -o "$out/c.pdf"
SOURCE_DATE_EPOCH=1700000000 "$bin" render "$doc" -o "$out/d.pdf"
cmp -s "$out/c.pdf" "$out/d.pdf" || fail "two runs with SOURCE_DATE_EPOCH differ"
pdfinfo "$out/c.pdf" | grep -q "2023" || fail "SOURCE_DATE_EPOCH not used for the date"

# A long table: the header row comes back on every page it continues on.
{
    echo "# Lange tabel"
    echo
    echo "| Nummer | Omschrijving |"
    echo "|-------:|:-------------|"
    for i in $(seq 1 120); do echo "| $i | Rij $i van de lange tabel |"; done
} >"$out/long.md"
"$bin" render "$out/long.md" -o "$out/long.pdf" --lang en
pages=$(pdfinfo "$out/long.pdf" | awk '/^Pages:/ {print $2}')
[ "$pages" -ge 3 ] || fail "long table should take at least 3 pages, got $pages"
for p in $(seq 1 "$pages"); do
    pdftotext -f "$p" -l "$p" "$out/long.pdf" - | grep -q "Omschrijving" || fail "page $p has no header row"
    pdftotext -f "$p" -l "$p" "$out/long.pdf" - | grep -q "page $p of $pages" || fail "page $p: no 'page $p of $pages'"
done
# Every row is on exactly one page.
for i in 1 60 120; do
    n=$(pdftotext "$out/long.pdf" - | grep -c "^Rij $i van de lange tabel$" || true)
    [ "$n" = 1 ] || fail "row $i appears $n times"
done

# Errors: a missing file is named; an output equal to the input is refused;
# a character no font has is reported with its code point and location.
set +e
"$bin" render "$out/nope.md" -o "$out/x.pdf" 2>"$out/err1"; rc=$?
set -e
[ "$rc" = 1 ] && grep -q "nope.md" "$out/err1" || fail "missing input: rc=$rc $(cat "$out/err1")"
cp "$doc" "$out/same.md"
set +e
"$bin" render "$out/same.md" -o "$out/same.md" 2>"$out/err2"; rc=$?
set -e
[ "$rc" = 1 ] && cmp -s "$doc" "$out/same.md" || fail "output over input: rc=$rc"
printf '# Glyph\n\nEen teken dat geen font heeft: \xf0\x9f\x98\x80 hier.\n' >"$out/glyph.md"
set +e
"$bin" render "$out/glyph.md" -o "$out/glyph.pdf" 2>"$out/err3"; rc=$?
set -e
[ "$rc" = 1 ] || fail "missing glyph: rc=$rc"
grep -q "glyph.md:3:1: error: character U+1F600" "$out/err3" || fail "missing glyph: $(cat "$out/err3")"
[ ! -e "$out/glyph.pdf" ] || fail "a PDF was written despite the error"
echo ok
