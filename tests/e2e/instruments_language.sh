#!/usr/bin/env bash
# The shipped instruments: the loader accepts them, and their content keeps
# the language and structure rules of issue 6 (tests/tools/instrument_lint.py):
# no question text over 25 words, B1 sentence length (average at most 15 words
# per sentence, printed per instrument and language), help on every question,
# measures for every domain and every critical question, cited sources listed,
# and the quick scan identical to the full scan where they overlap.
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

python3 "$src/tests/tools/instrument_lint.py" --max-words 25 --max-average 15 \
    "${instruments[@]}" | tee "$scratch/language-report.txt"

# The checker must catch what it claims to catch: break a copy of the full
# scan in known ways and expect each problem to be reported.
full="$src/instruments/institutioneel-racisme.toml"
quick="$src/instruments/institutioneel-racisme-quickscan.toml"
if [ -f "$full" ] && [ -f "$quick" ]; then
    bad="$scratch/bad"
    rm -rf "$bad" && mkdir -p "$bad"
    python3 - "$full" "$bad/institutioneel-racisme.toml" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
# a question text over 25 words
s = s.replace('text = { nl = "Is één directeur verantwoordelijk',
              'text = { nl = "een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien twintig Is één directeur verantwoordelijk', 1)
# a question whose help cites a year it does not list in sources
s = s.replace('(Dobbin & Kalev, 2016)." }\n  evidence = { nl = "Noem een voorbeeld van zo',
              '(Dobbin & Kalev, 2016; Lipsky, 2010)." }\n  evidence = { nl = "Noem een voorbeeld van zo', 1)
# a critical question left without a measure
s = s.replace('addresses = ["D5.2"]', 'addresses = ["D5.3"]', 1)
s = s.replace('addresses = ["D5.4", "D5.2"]', 'addresses = ["D5.4"]', 1)
open(sys.argv[2], "w", encoding="utf-8").write(s)
PY
    sed 's/Houdt uw dienst uitkomsten bij per groep/Houdt uw dienst de uitkomsten bij per groep/' \
        "$quick" > "$bad/institutioneel-racisme-quickscan.toml"
    if python3 "$src/tests/tools/instrument_lint.py" "$bad"/*.toml > "$bad/out.txt" 2>&1; then
        echo "the checker accepted broken instruments" >&2
        exit 1
    fi
    for want in "question D1.2 (nl) has 3" "lists no source from 2010" \
                "critical question D5.2" "question D6.1: 'text' differs"; do
        grep -qF "$want" "$bad/out.txt" || {
            echo "the checker did not report: $want" >&2
            cat "$bad/out.txt" >&2
            exit 1
        }
    done
fi
echo "instruments_language: ok"
