#!/usr/bin/env bash
# End-to-end: the paper scan as a copier and a scanner see it. Numbered
# copies (a sheet id on every page, in print and in the QR code), four
# corner marks, every box and writing line still there after a 1-bit copy
# at 150 dpi and 55 %, the QR code decodable there; the 1.0.0 full scan
# (58 questions, the design review's case) at most 24 pages and the current
# full scan (103 in 3.1.0) at the same density, 2.3 questions a page or more, in nl
# and en, A4 and letter, no question split; number questions with range, unit
# and a "weet ik niet" box; skip instructions with the page to go to.
set -euo pipefail
zs=$1 src=$2 tmp=$3
rm -rf "$tmp" && mkdir -p "$tmp"
# Python with numpy and Pillow (Debian: python3-numpy, python3-pil); a
# python3 earlier on PATH without them falls back to the system one.
py=python3
"$py" -c "import numpy, PIL" 2>/dev/null || py=/usr/bin/python3
fail() { echo "FAIL: $*" >&2; exit 1; }
full=$src/instruments/institutioneel-racisme.toml
ex=$src/tests/data/instruments/voorbeeld.toml
pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }

# Page count of the full scan: the review's 1.0.0 case at most 24 pages; the
# current scan, with almost twice as many questions, at the same density (at
# least 2.3 questions a page), in both languages and paper sizes.
questions() { "$py" -c 'import sys, tomllib; i = tomllib.load(open(sys.argv[1], "rb")); print(len(i.get("profile", {}).get("question", [])) + sum(len(d["question"]) for d in i["domain"]))' "$1"; }
for f in "$src/instruments/archive/institutioneel-racisme-1.0.0.toml" "$full"; do
  q=$(questions "$f")
  most=$(( (q * 10 + 22) / 23 )) # ceil(q / 2.3)
  case $f in *1.0.0*) most=24 ;; esac
  for lang in nl en; do
    for paper in a4 letter; do
      out=$tmp/$(basename "$f" .toml)-$lang-$paper.pdf
      "$zs" paper "$f" --lang $lang --paper $paper -o "$out"
      n=$(pages "$out")
      [ "$n" -le "$most" ] || fail "$(basename "$f") ($lang, $paper): $n pages for $q questions, at most $most wanted"
      "$py" "$src/tests/tools/paper_pages.py" "$f" $lang "$out" >"$tmp/pages.txt" ||
        fail "$(basename "$f") ($lang, $paper): $(head -5 "$tmp/pages.txt")"
    done
  done
done
# Every page of every shipped instrument and the example survives 1-bit.
for f in "$src"/instruments/*.toml "$ex"; do
  name=$(basename "$f" .toml)
  "$zs" paper "$f" -o "$tmp/$name.pdf" --layout-json "$tmp/$name.json" --copies 1
  "$py" "$src/tests/tools/copier_check.py" "$tmp/$name.pdf" "$tmp/$name.json" >"$tmp/copier.txt" ||
    fail "$name: after a 1-bit copy: $(head -10 "$tmp/copier.txt")"
done

# Copies: N times the pages, each copy with its own sheet id in print and in
# every QR code; --first starts a second batch further on.
"$zs" paper "$ex" --copies 3 --first 41 -o "$tmp/copies.pdf" --layout-json "$tmp/copies.json"
per=$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["pages"])' "$tmp/copies.json")
[ "$(pages "$tmp/copies.pdf")" -eq $((3 * per)) ] || fail "--copies 3: $(pages "$tmp/copies.pdf") pages, expected $((3 * per))"
for copy in 0 1 2; do
  id=$(printf '%04d' $((41 + copy)))
  for p in $(seq 1 "$per"); do
    n=$((copy * per + p))
    text=$(pdftotext -f $n -l $n "$tmp/copies.pdf" -)
    [[ $text == *"vel $id"* ]] || fail "copy $((copy + 1)), page $p: no 'vel $id' in print"
    pdftoppm -r 150 -gray -png -f $n -l $n -singlefile "$tmp/copies.pdf" "$tmp/qr"
    payload=$(zbarimg -q --raw "$tmp/qr.png")
    [[ $payload == "ZS1|voorbeeld|1.0.0|nl|a4|$id|$p/$per|"???? ]] || fail "copy $((copy + 1)), page $p: QR payload '$payload'"
  done
done
# Without --copies: no sheet id, the same payload shape.
"$zs" paper "$ex" -o "$tmp/plain.pdf"
pdftoppm -r 150 -gray -png -f 2 -l 2 -singlefile "$tmp/plain.pdf" "$tmp/plain"
[[ $(zbarimg -q --raw "$tmp/plain.png") == "ZS1|voorbeeld|1.0.0|nl|a4||2/$per|"???? ]] || fail "no --copies: payload $(zbarimg -q --raw "$tmp/plain.png")"
! pdftotext "$tmp/plain.pdf" - | grep -q 'vel 0' || fail "no --copies: a sheet id is printed"
# Same inputs, same bytes, with copies too.
"$zs" paper "$ex" --copies 3 --first 41 -o "$tmp/again.pdf"
cmp -s "$tmp/copies.pdf" "$tmp/again.pdf" || fail "--copies: two runs give different bytes"

# Number questions: range and unit beside the box, and a "weet ik niet" box.
all=$(pdftotext "$tmp/voorbeeld.pdf" - | tr '\n' ' ' | tr -s ' ')
grep -q '"kind": "check"' "$tmp/voorbeeld.json"
grep -q '"name": "[^"]*\.dontknow", "option": "weet-niet"' "$tmp/voorbeeld.json" || fail "number question: no 'weet ik niet' box"
[[ $all == *"Getal"*"van 0 tot en met"* ]] || fail "number question: no range: $(grep -o 'Getal.\{0,60\}' <<<"$all")"
# Skip instructions name the page of the question to go to, and it is there.
skip=$(grep -o 'Ga dan verder met vraag D2.3 (pagina [0-9]*)' <<<"$all") || fail "skip instruction has no page: $(grep -o 'Ga dan verder.\{0,40\}' <<<"$all")"
target=$(grep -o '[0-9]*)$' <<<"$skip" | tr -d ')')
pdftotext -f "$target" -l "$target" "$tmp/voorbeeld.pdf" - | grep -q 'D2.3' || fail "skip instruction: D2.3 is not on page $target"

# Usage: --copies must be a positive number.
set +e
"$zs" paper "$ex" --copies 0 -o "$tmp/x.pdf" >/dev/null 2>&1; rc=$?
set -e
[ $rc -eq 2 ] || fail "--copies 0: exit $rc, expected 2"
echo "paper_copier e2e: all passed"
