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
answers=(samples/*/*.toml samples/*/*/*.toml)
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
for ins in instruments/*.toml; do
  id=$(basename "$ins" .toml)
  "$zs" paper "$ins" --lang nl -o "$out/$id-papier-nl.pdf"
  "$zs" paper "$ins" --lang en -o "$out/$id-paper-en.pdf"
  "$zs" form "$ins" --lang nl -o "$out/$id-formulier-nl.pdf"
  "$zs" form "$ins" --lang nl -o "$out/$id-formulier-nl.html"
done
echo "== paper and form: the paper scan (nl, en) and the fillable form (nl, PDF and browser HTML) of every instrument in $out"

# The sample answer sets (samples/README.md): the full scan of a fictional
# Werk & Inkomen team (TOML files plus two filled PDF forms; the group
# session in sessie/ is a separate run), the quick scan of a second team and
# the process evaluation (a questionnaire) by five people of the first team.
wi=(samples/werk-en-inkomen/*.toml)
wi_forms=(samples/werk-en-inkomen/forms/*.pdf)
qs=(samples/quickscan/*.toml)
pe=(samples/procesevaluatie/*.toml)
pv=(samples/procesevaluatie-vervolg/*.toml)
cp=(samples/cultuurpeiling/*.toml)
kl=(samples/klantervaring/*.toml)
if [ ${#wi_forms[@]} -gt 0 ]; then
  rm -rf "$out/import-werk-en-inkomen"
  mkdir -p "$out/import-werk-en-inkomen"
  "$zs" import "${wi_forms[@]}" -o "$out/import-werk-en-inkomen"
  "$zs" check "$out"/import-werk-en-inkomen/*.toml
  echo "== import: the filled sample forms as answer files in $out/import-werk-en-inkomen"
fi

if "$zs" report --help >/dev/null 2>&1; then
  full=instruments/institutioneel-racisme.toml
  quick=instruments/institutioneel-racisme-quickscan.toml
  "$zs" report "$full" "${wi[@]}" "${wi_forms[@]}" -o "$out/rapport-werk-en-inkomen.pdf"
  "$zs" report "$full" "${wi[@]}" "${wi_forms[@]}" --lang en -o "$out/report-werk-en-inkomen.pdf"
  if [ ${#qs[@]} -gt 0 ]; then
    "$zs" report "$quick" "${qs[@]}" -o "$out/rapport-quickscan.pdf"
  fi
  echo "== report: the risk reports of the samples in $out"
  # The process evaluation has no risk model: its report is the results
  # report (report-templates/uitkomsten.nl.md), chosen automatically.
  if [ ${#pe[@]} -gt 0 ]; then
    "$zs" report instruments/procesevaluatie.toml "${pe[@]}" -o "$out/uitkomsten-procesevaluatie.pdf"
    echo "== report: the results of the sample process evaluation in $out"
  fi
  # The follow-up after three months, the staff culture survey and the
  # client questionnaire: questionnaires too, each with its results report;
  # then the full scan's report with the culture survey and the clients'
  # answers in it (--with), so the Discriminatietoets' four layers, the
  # culture and the citizens' view are in one report.
  if [ ${#pv[@]} -gt 0 ]; then
    "$zs" report instruments/procesevaluatie-vervolg.toml "${pv[@]}" -o "$out/uitkomsten-procesevaluatie-vervolg.pdf"
  fi
  if [ ${#cp[@]} -gt 0 ] && [ ${#kl[@]} -gt 0 ]; then
    "$zs" report instruments/cultuurpeiling.toml "${cp[@]}" -o "$out/uitkomsten-cultuurpeiling.pdf"
    "$zs" report instruments/cultuurpeiling.toml "${cp[@]}" --lang en -o "$out/results-cultuurpeiling.pdf"
    "$zs" report instruments/klantervaring.toml "${kl[@]}" -o "$out/uitkomsten-klantervaring.pdf"
    "$zs" report instruments/klantervaring.toml "${kl[@]}" --lang en -o "$out/results-klantervaring.pdf"
    "$zs" report "$full" "${wi[@]}" "${wi_forms[@]}" -o "$out/rapport-werk-en-inkomen-compleet.pdf" --with "${cp[@]}" "${kl[@]}"
    "$zs" report "$full" "${wi[@]}" "${wi_forms[@]}" --lang en -o "$out/report-werk-en-inkomen-complete.pdf" --with "${cp[@]}" "${kl[@]}"
    echo "== report: the culture survey and client questionnaire results, and the full report with both, in $out"
  fi
else
  echo "== report: skipped ('zelfscan report' is not available in this build)"
fi

# Rounds and monitoring (docs/rounds-and-monitoring.md): the first round's
# plan, kept up to date by the team (samples/make_rounds.py progress), the
# second round of Werk & Inkomen compared with the first and merged into
# that plan, and the municipality's overview over it and the plans of two
# more departments (samples/plannen/). Dates are fixed with SOURCE_DATE_EPOCH.
wi2=(samples/werk-en-inkomen-ronde-2/*.toml)
if [ ${#wi2[@]} -gt 0 ] && "$zs" monitor --help >/dev/null 2>&1; then
  rm -rf "$out/plannen" && mkdir -p "$out/plannen/werk-en-inkomen"
  cp -r samples/plannen/. "$out/plannen/"
  plan=$out/plannen/werk-en-inkomen/plan.toml
  SOURCE_DATE_EPOCH=1792454400 "$zs" score "$full" "${wi[@]}" --plan "$plan" --json >"$out/ronde-1-werk-en-inkomen.json"
  python3 samples/make_rounds.py progress "$plan"
  export SOURCE_DATE_EPOCH=1811808000 # 2027-06-01
  "$zs" report "$full" "${wi2[@]}" --previous samples/werk-en-inkomen --plan "$plan" -o "$out/rapport-werk-en-inkomen-ronde-2.pdf"
  "$zs" score "$full" "${wi2[@]}" --json >"$out/ronde-2-werk-en-inkomen.json"
  "$zs" compare "$out/ronde-1-werk-en-inkomen.json" "$out/ronde-2-werk-en-inkomen.json" --csv -o "$out/vergelijking-werk-en-inkomen.csv"
  "$zs" monitor "$out/plannen" -o "$out/overzicht-gemeente.pdf"
  "$zs" monitor "$out/plannen" -o "$out/overzicht-gemeente.csv"
  unset SOURCE_DATE_EPOCH
  echo "== rounds: the second round's report with what changed, the merged plan and the municipality's overview in $out"
fi
ls -l "$out"
