#!/usr/bin/env bash
# The README's main-job command: install, build, and run zelfscan on the
# shipped instruments and samples, writing everything into out/ (or $OUT).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
out=${OUT:-$root/out}
bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh"
zs=$build/zelfscan
mkdir -p "$out"
cd "$root"

echo "== check: every instrument"
"$zs" check instruments/*.toml

for ins in instruments/*.toml; do
  id=$(basename "$ins" .toml)
  for lang in nl en; do
    "$zs" template "$ins" --lang "$lang" -o "$out/$id-antwoorden-$lang.toml"
  done
done
echo "== template: blank answer files in $out"

shopt -s nullglob
answers=(samples/*/*.toml)
if [ ${#answers[@]} -gt 0 ]; then
  echo "== check: sample answer files"
  "$zs" check "${answers[@]}"
fi

if "$zs" render --help >/dev/null 2>&1; then
  for doc in docs/instrument-format.md docs/answers-format.md; do
    "$zs" render "$doc" -o "$out/$(basename "$doc" .md).pdf"
  done
  echo "== render: the format guides as PDF in $out"
fi
ls -l "$out"
