#!/usr/bin/env bash
# Makes N filled zelfscan forms for benchmarks: the instrument's form, filled
# by pdftk-java with the test answer sets (tests/tools/form_fill.py; every
# other form fully answered, the rest partly), copied to OUTDIR/form-NNN.pdf.
#   bench/make_filled_forms.sh ZELFSCAN SOURCE_DIR OUTDIR [N] [INSTRUMENT]
set -euo pipefail
zs=$1 src=$2 out=$3 n=${4:-200}
ins=${5:-$src/instruments/institutioneel-racisme.toml}
ff=$src/tests/tools/form_fill.py
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$zs" form "$ins" -o "$work/form.pdf"
for variant in full partial; do
  python3 "$ff" answers "$ins" "$variant" "$work/$variant.json"
  python3 "$ff" xfdf "$work/$variant.json" "$work/$variant.xfdf"
  pdftk "$work/form.pdf" fill_form "$work/$variant.xfdf" output "$work/$variant.pdf"
done
for i in $(seq 1 "$n"); do
  variant=$([ $((i % 2)) -eq 1 ] && echo full || echo partial)
  cp "$work/$variant.pdf" "$out/$(printf 'form-%03d.pdf' "$i")"
done
