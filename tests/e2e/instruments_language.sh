#!/usr/bin/env bash
# The shipped instruments: the loader accepts them, and their content keeps
# the language and structure rules of tests/tools/instrument_lint.py: one
# question of at most 20 words per question text (B1), B1 sentence length
# (average at most 15 words per sentence, printed per instrument and
# language), help on every question, measures for every domain and every
# critical question, a redress step for every red flag, cited sources listed,
# the quick scan identical to the full scan where they overlap (and made by
# scripts/derive_quickscan.py), and a changelog that maps every old id.
# Usage: instruments_language.sh <zelfscan-binary> <source-dir> <scratch-dir>
set -euo pipefail
bin=$1
src=$2
scratch=$3
mkdir -p "$scratch"

shopt -s nullglob
instruments=("$src"/instruments/*.toml)
if [ ${#instruments[@]} -eq 0 ]; then
    echo "no instruments in $src/instruments" >&2
    exit 1
fi

# Each file's name is its instrument id.
for f in "${instruments[@]}"; do
    name=$(basename "$f" .toml)
    grep -q "^id = \"$name\"" "$f" || { echo "$f: instrument id is not '$name'" >&2; exit 1; }
done

"$bin" check "${instruments[@]}"

python3 "$src/tests/tools/instrument_lint.py" --max-words 20 --max-average 15 \
    "${instruments[@]}" | tee "$scratch/language-report.txt"

# The quick scan is what scripts/derive_quickscan.py makes from the full scan.
if [ -f "$src/scripts/derive_quickscan.py" ]; then
    python3 "$src/scripts/derive_quickscan.py" --check
fi

# The checker must catch what it claims to catch: break a copy of the full
# scan and the quick scan in known ways and expect each problem to be
# reported. The archive (previous versions) goes along for the changelog check.
full="$src/instruments/institutioneel-racisme.toml"
quick="$src/instruments/institutioneel-racisme-quickscan.toml"
if [ -f "$full" ] && [ -f "$quick" ]; then
    bad="$scratch/bad"
    rm -rf "$bad" && mkdir -p "$bad"
    cp -r "$src/instruments/archive" "$bad/archive"
    python3 - "$full" "$bad/institutioneel-racisme.toml" "$quick" "$bad/institutioneel-racisme-quickscan.toml" <<'PY'
import re, sys
def edit(s, old, new):
    assert old in s, old
    return s.replace(old, new, 1)
s = open(sys.argv[1], encoding="utf-8").read()
# a question text over 20 words
s = edit(s, 'text = { nl = "Is één directeur verantwoordelijk',
         'text = { nl = "een twee drie vier vijf zes zeven acht negen tien Is één directeur verantwoordelijk')
# a question whose help cites a year it does not list in sources
s = edit(s, 'werken beter dan losse trainingen (Dobbin & Kalev, 2016).',
         'werken beter dan losse trainingen (Dobbin & Kalev, 2016; Lipsky, 2010).')
# two questions in one, and "en/of"
s = edit(s, 'welke groepen klanten er nadeel van kunnen hebben?"', 'welke groepen klanten er nadeel van kunnen hebben? En wie?"')
s = edit(s, 'zoals van mannen en vrouwen?"',
         'zoals van mannen en/of vrouwen?"')
# an unknown source
s = edit(s, 'sources = ["lipsky2010"]', 'sources = ["lipsky2011"]')
# a critical question left without a measure
s = edit(s, 'addresses = ["D5.2"]', 'addresses = ["D5.3a"]')
# a red flag whose "do no harm" measure has no redress step
s = re.sub(r'(id = "M9"(?:\n(?!\[\[).*)*?)\nredress = [^\n]*', r'\1', s, count=1)
# a changelog that does not say where a removed question went
s = edit(s, '  [[changes.question]]\n  old = "D3.6"\n  new = ["D3.15"]\n', '  [[changes.question]]\n  old = "D3.6x"\n  new = ["D3.15"]\n')
open(sys.argv[2], "w", encoding="utf-8").write(s)
q = open(sys.argv[3], encoding="utf-8").read()
# a quick-scan text that differs from the full scan
q = edit(q, 'Telt uw dienst elk jaar hoe vaak groepen', 'Telt uw dienst ieder jaar hoe vaak groepen')
# a quick-scan measure tied to a question it was not written for
q = edit(q, 'addresses = ["D5.3a"]', 'addresses = ["D5.3a", "D5.2"]')
open(sys.argv[4], "w", encoding="utf-8").write(q)
PY
    if python3 "$src/tests/tools/instrument_lint.py" "$bad"/*.toml > "$bad/out.txt" 2>&1; then
        echo "the checker accepted broken instruments" >&2
        exit 1
    fi
    for want in "question D1.2a (nl) has 21 words, more than 20" \
                "lists no source from 2010" \
                "question D2.1 (nl) asks more than one question" \
                "question D4.3 (nl) uses 'en/of'" \
                "question D4.1 cites unknown source 'lipsky2011'" \
                "critical question D5.2" \
                "red-flag question D3.5: no 'do no harm' measure (M9) has a redress step" \
                "question D3.6 of version 3.0.0 is gone" \
                "question D6.1a: 'text' differs" \
                "measure M23 addresses D5.2, which the full scan's measure M23 was not written for"; do
        grep -qF "$want" "$bad/out.txt" || {
            echo "the checker did not report: $want" >&2
            cat "$bad/out.txt" >&2
            exit 1
        }
    done
fi
echo "instruments_language: ok"
