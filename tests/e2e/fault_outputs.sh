#!/usr/bin/env bash
# End-to-end: outputs survive a kill at any moment. `report -o R --plan P`
# is killed (SIGKILL, as kill -9 or a power cut) at each point of the
# output helper (ZELFSCAN_FAULT, a test hook), and at moments during the
# run; each existing output must then be whole: exactly the old file or
# exactly the new one. Temporary files are hidden, and the next run that
# writes the same outputs removes those a killed run left.
set -euo pipefail
zs=$1 src=$2 tmp=$3
rm -rf "$tmp" && mkdir -p "$tmp"
fail() { echo "FAIL: $*" >&2; exit 1; }
ex=$src/tests/data/instruments/voorbeeld.toml
export SOURCE_DATE_EPOCH=1767225600

for code in R01 R02 R03; do
  cat >"$tmp/$code.toml" <<TOML
instrument = "voorbeeld"
version = "1.0.0"

[respondent]
code = "$code"
role = "leiding"

[answers]
"P1" = "1000-10000"
"D1.1" = "ja"
"D2.0" = "ja"
"D2.1" = "nee"
"D2.2" = 12
TOML
done
answers=("$tmp/R01.toml" "$tmp/R02.toml" "$tmp/R03.toml")

# The plan already there is a real earlier plan (the first respondent
# only) that the organisation wrote an owner into: --plan merges into it,
# so the run reads it and must not lose it.
"$zs" report "$ex" "$tmp/R01.toml" -o "$tmp/old.pdf" --plan "$tmp/old.toml" 2>/dev/null
sed -i '0,/^owner = ".*"$/s//owner = "Team Inkomen (test)"/; 0,/^status = "open"$/s//status = "bezig"/' "$tmp/old.toml"
grep -q 'Team Inkomen (test)' "$tmp/old.toml" || fail "could not write an owner into the earlier plan"
# What a complete run writes (outputs are byte-identical run to run).
cp "$tmp/old.toml" "$tmp/new.toml"
"$zs" report "$ex" "${answers[@]}" -o "$tmp/new.pdf" --plan "$tmp/new.toml" 2>/dev/null
grep -q 'Team Inkomen (test)' "$tmp/new.toml" || fail "the merge lost the owner"
old_plan=$(sha256sum <"$tmp/old.toml")
new_pdf=$(sha256sum <"$tmp/new.pdf") new_plan=$(sha256sum <"$tmp/new.toml")
[ "$old_plan" != "$new_plan" ] || fail "the run does not change the plan, so the test proves nothing"

reset() {
  printf 'old report' >"$tmp/out/r.pdf"
  cp "$tmp/old.toml" "$tmp/out/p.toml"
  rm -f "$tmp/out/p.toml~"
}
whole() { # FILE OLD-SUM NEW-SUM
  local sum; sum=$(sha256sum <"$1")
  [ "$sum" = "$2" ] || [ "$sum" = "$3" ] || fail "$4: $1 is neither the old nor the new file"
}
old_report=$(printf 'old report' | sha256sum)
check_left() {
  whole "$tmp/out/r.pdf" "$old_report" "$new_pdf" "$1"
  whole "$tmp/out/p.toml" "$old_plan" "$new_plan" "$1"
  # Nothing but the outputs, the merge's copy of the earlier plan (p.toml~,
  # exactly the old plan) and hidden temporary files.
  local visible; visible=$(cd "$tmp/out" && ls | sort | tr '\n' ' ')
  [ "$visible" = "p.toml r.pdf " ] || [ "$visible" = "p.toml p.toml~ r.pdf " ] || fail "$1: unexpected files: $visible"
  if [ -e "$tmp/out/p.toml~" ]; then
    [ "$(sha256sum <"$tmp/out/p.toml~")" = "$old_plan" ] || fail "$1: p.toml~ is not the earlier plan"
  fi
}

mkdir -p "$tmp/out"
for point in after-temp:1 after-temp:2 before-rename:0 before-rename:1 before-rename:2; do
  reset
  set +e
  ZELFSCAN_FAULT=$point "$zs" report "$ex" "${answers[@]}" -o "$tmp/out/r.pdf" --plan "$tmp/out/p.toml" 2>/dev/null
  rc=$?
  set -e
  [ "$rc" -eq 137 ] || [ "$point" = before-rename:2 ] || fail "$point: expected the run to be killed, exit $rc"
  check_left "$point"
  case $point in
    after-temp:*|before-rename:0)
      [ "$(cat "$tmp/out/r.pdf")" = "old report" ] || fail "$point: report replaced before all outputs were complete"
      [ "$(sha256sum <"$tmp/out/p.toml")" = "$old_plan" ] || fail "$point: plan replaced before all outputs were complete" ;;
  esac
done
# A killed run leaves hidden temporary files; the next run removes them.
reset
set +e; ZELFSCAN_FAULT=after-temp:2 "$zs" report "$ex" "${answers[@]}" -o "$tmp/out/r.pdf" --plan "$tmp/out/p.toml" 2>/dev/null; set -e
ls -A "$tmp/out" | grep -q '^\.r\.pdf\.zelfscan-[0-9]*\.tmp$' || fail "expected a hidden temporary file after the kill"
"$zs" report "$ex" "${answers[@]}" -o "$tmp/out/r.pdf" --plan "$tmp/out/p.toml" 2>/dev/null
[ "$(sha256sum <"$tmp/out/r.pdf")" = "$new_pdf" ] || fail "the run after the kill did not write the report"
if ls -A "$tmp/out" | grep -q 'zelfscan-'; then fail "stale temporary files were not removed: $(ls -A "$tmp/out")"; fi

# kill -9 at moments during real runs: whatever the moment, outputs are whole.
for delay in 0.02 0.05 0.1 0.2 0.3 0.5 0.8; do
  reset
  "$zs" report "$ex" "${answers[@]}" -o "$tmp/out/r.pdf" --plan "$tmp/out/p.toml" 2>/dev/null &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  check_left "kill after ${delay}s"
done
echo "ok"
