#!/usr/bin/env bash
# End-to-end: answers to versions 1.0.0, 2.0.0 and 3.0.0 of the full scan
# against the current (3.1.0) instrument. check/score read them through the
# changelog with a warning; `zelfscan upgrade` rewrites them for the current
# version into a folder, never in place, and the result is what an
# independent reading of [[changes]] and the only_if rules gives: 1.0.0
# walks three steps; 2.0.0 answers that a new gate skips are left out;
# 3.0.0 answers to D3.6 and D3.8 move to D3.15 and D3.16; a file of the
# removed role 'klantenpanel' stops the run at its role line.
set -euo pipefail
zs=$1 src=$2 tmp=$3
rm -rf "$tmp" && mkdir -p "$tmp"
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$src" # the instruments path (./instruments, with archive/) as a coordinator has it
ins=instruments/institutioneel-racisme.toml
now=$(python3 -c 'import sys,tomllib; print(tomllib.load(open(sys.argv[1],"rb"))["instrument"]["version"])' "$ins")
[ "$now" = 3.1.0 ] || fail "this test walks to 3.1.0, the instrument is $now"

for from in 1.0.0 2.0.0 3.0.0; do
  old=tests/data/answers-$from/werk-en-inkomen
  out=$tmp/new-$from
  # score reads the old answers through the changelog, with one warning
  "$zs" score "$ins" "$old" --json >"$tmp/score.json" 2>"$tmp/score.err" || { cat "$tmp/score.err"; fail "score of $from answers"; }
  grep -q "answer version $from of 'institutioneel-racisme'; they are read through the changelog to version $now" "$tmp/score.err" ||
    fail "no changelog warning for $from: $(cat "$tmp/score.err")"
  grep -q "zelfscan upgrade" "$tmp/score.err" || fail "the warning does not point to upgrade"
  python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); assert j["version"]==sys.argv[2] and j["respondents"]>0, j["version"]' \
    "$tmp/score.json" "$now" || fail "score --json of $from answers is not for $now"

  # upgrade: one file per input, checked by check, mapped as [[changes]] says
  before=$(cat "$old"/*.toml | sha256sum)
  "$zs" upgrade "$old" -o "$out" >"$tmp/up.out" 2>"$tmp/up.err" || { cat "$tmp/up.err"; fail "upgrade of $from"; }
  [ "$(cat "$old"/*.toml | sha256sum)" = "$before" ] || fail "upgrade changed an input"
  n_old=$(ls "$old"/*.toml | wc -l); n_new=$(ls "$out"/*.toml | wc -l)
  [ "$n_old" = "$n_new" ] || fail "$from: $n_old inputs, $n_new outputs"
  grep -q "^$n_new answer files written for 'institutioneel-racisme' version $now in $out$" "$tmp/up.out" || fail "summary line: $(cat "$tmp/up.out")"
  "$zs" check "$ins" "$out" >"$tmp/check.out" 2>&1 || { cat "$tmp/check.out"; fail "check of the files upgraded from $from"; }
  if grep -q "changelog" "$tmp/check.out"; then fail "upgraded files still need the changelog"; fi
  python3 - "$src/$ins" "$from" "$src/$old" "$out" >"$tmp/compare-$from.out" <<'PY' || fail "answers upgraded from $from differ from the changelog"
import pathlib, sys, tomllib
ins = tomllib.load(open(sys.argv[1], "rb"))
start = sys.argv[2]
scales = {s["id"]: {o["id"] for o in s["option"]} for s in ins["scale"]}
questions = {q["id"]: q for q in ins.get("profile", {}).get("question", [])}
for d in ins["domain"]:
    questions.update({q["id"]: q for q in d["question"]})
order = list(questions)
steps, at = [], start
while at != ins["instrument"]["version"]:
    step = next(c for c in ins["changes"] if c["from"] == at)
    steps.append(step)
    at = step["to"]

def norm(v):
    v = v if isinstance(v, dict) else {"answer": v}
    a = v.get("answer")
    if isinstance(a, str):
        a = [a] if a else []  # "" is the template's empty answer
    elif a is None:
        a = []
    return {"answer": a, "note": v.get("note", ""), "evidence": v.get("evidence", "")}

def skipped(qid, given, depth=0):
    """only_if, read from the instrument: a question is skipped when its gate
    is skipped, or answered with none of the opening answers (or a number
    outside the range); an unanswered gate decides nothing."""
    cond = questions[qid].get("only_if")
    if not cond or depth > 64:
        return False
    gate = cond["question"]
    if skipped(gate, given, depth + 1) and questions[gate].get("only_if"):
        return True
    g = given.get(gate)
    if g is None:
        return False
    if isinstance(g["answer"], (int, float)):
        lo, hi = cond.get("min"), cond.get("max")
        return (lo is not None and g["answer"] < lo) or (hi is not None and g["answer"] > hi)
    if not g["answer"]:
        return False
    return not any(o in cond.get("answers", []) for o in g["answer"])

checked = carried = lost = gone = 0
for f in sorted(pathlib.Path(sys.argv[3]).glob("*.toml")):
    before = tomllib.load(open(f, "rb"))
    after = tomllib.load(open(pathlib.Path(sys.argv[4]) / f.name, "rb"))
    assert after["version"] == ins["instrument"]["version"], f
    assert after["respondent"].get("code") == before["respondent"].get("code"), f
    assert after["respondent"].get("role") == before["respondent"].get("role"), f
    want = {}
    for qid, v in before.get("answers", {}).items():
        a = norm(v)
        new = qid
        for step in steps:
            e = next((e for e in step.get("question", []) if e.get("old") == new), None)
            if e is None:
                continue
            if e["change"] not in ("same", "reworded", "reversed") or not e.get("new"):
                new = None
                break
            if isinstance(a["answer"], list):
                a["answer"] = [e.get("answers", {}).get(o, o) for o in a["answer"]]
                a["answer"] = [o for o in a["answer"] if o != ""]
            new = e["new"][0]
        if new is None or new not in questions:
            lost += 1
            continue
        q = questions[new]
        if isinstance(a["answer"], list) and q.get("kind", "choice") in ("choice", "multi"):
            a["answer"] = [o for o in a["answer"] if o in scales[q["scale"]]]
        if a["answer"] in ([], None) and not a["note"] and not a["evidence"]:
            continue
        want[new] = a
    for qid in [q for q in order if q in want]:
        if want[qid]["answer"] not in ([], None) and skipped(qid, want):
            del want[qid]
            gone += 1
    got = {qid: norm(v) for qid, v in after.get("answers", {}).items()}
    got = {k: v for k, v in got.items() if v["answer"] not in ([], None) or v["note"] or v["evidence"]}
    for qid in sorted(set(want) | set(got)):
        w, g = want.get(qid), got.get(qid)
        assert w == g, f"{f.name} {qid}: expected {w}, got {g}"
        checked += 1
    carried += len(want)
# 3.0.0 -> 3.1.0 only rewords and moves: every answer goes along
assert carried > 0 and (lost > 0) == (start != "3.0.0"), (carried, lost)
print(f"{checked} answers compared, {lost} not carried over, {gone} skipped by a new condition")
PY
  cat "$tmp/compare-$from.out"
done
# 3.0.0 -> 3.1.0: D3.6 and D3.8 are D3.15 and D3.16 now, answered as before
for f in tests/data/answers-3.0.0/werk-en-inkomen/WI-0[1-8].toml; do
  for pair in D3.6:D3.15 D3.8:D3.16; do
    was=$(grep "^\"${pair%%:*}\" = " "$f" | sed 's/^"[^"]*" = //') || true
    [ -z "$was" ] && continue
    grep -qxF "\"${pair##*:}\" = $was" "$tmp/new-3.0.0/$(basename "$f")" || fail "$(basename "$f"): ${pair%%:*} = $was is not ${pair##*:} after upgrade"
    if grep -q "^\"${pair%%:*}\" = " "$tmp/new-3.0.0/$(basename "$f")"; then fail "$(basename "$f"): ${pair%%:*} is still there"; fi
  done
done
# the same warning in Dutch is Dutch throughout (it was built of English pieces)
LANGUAGE=nl "$zs" check "$ins" tests/data/answers-3.0.0/werk-en-inkomen >/dev/null 2>"$tmp/nl.err" || { cat "$tmp/nl.err"; fail "check of the 3.0.0 answers"; }
grep -q "^zelfscan: waarschuwing: 11 bestanden horen bij versie 3.0.0 van 'institutioneel-racisme'; ze worden met het wijzigingslog omgezet naar versie $now, en elk antwoord gaat mee$" "$tmp/nl.err" ||
  fail "the Dutch changelog warning: $(cat "$tmp/nl.err")"
LANGUAGE=nl "$zs" check "$ins" tests/data/answers-2.0.0/werk-en-inkomen >/dev/null 2>"$tmp/nl.err" || true
grep -q "11 bestanden horen bij versie 2.0.0 .*, maar de antwoorden op D2.4a, D2.4b, .* en nog [0-9]* gaan niet mee (veranderd, gesplitst of weggehaald); en de antwoorden op D6.6 worden weggelaten" "$tmp/nl.err" ||
  fail "the Dutch changelog warning for 2.0.0: $(cat "$tmp/nl.err")"
# 1.0.0 -> 3.1.0: D3.5 was reversed on the way (ja -> nooit)
grep -q '^"D3.5" = { answer = "nooit"' "$tmp/new-1.0.0/WI-01.toml" || fail "reversed D3.5 'ja' should become 'nooit'"
# 2.0.0 -> 3.1.0: D6.6 now hangs on D6.1a; answers to it under a 'nee' go, and the warning says so
grep -q "skipped by a new condition" "$tmp/compare-2.0.0.out" && ! grep -q ", 0 skipped" "$tmp/compare-2.0.0.out" ||
  fail "the 2.0.0 samples should have answers a new gate skips: $(cat "$tmp/compare-2.0.0.out")"
"$zs" check "$ins" tests/data/answers-2.0.0/werk-en-inkomen >"$tmp/check-old.out" 2>&1 || { cat "$tmp/check-old.out"; fail "check of the 2.0.0 answers"; }
grep -q "are left out: in version $now a question they depend on skips them" "$tmp/check-old.out" ||
  fail "no warning for answers a new gate skips: $(cat "$tmp/check-old.out")"

# a file of a role that version 3.0.0 removed: an error at its role line, all or nothing
old=tests/data/answers-2.0.0/werk-en-inkomen
mkdir -p "$tmp/panel"
cp "$old"/WI-0[12].toml "$tmp/panel/"
sed -i 's/^role = "[a-z]*"/role = "klantenpanel"/' "$tmp/panel/WI-02.toml"
line=$(grep -n '^role = ' "$tmp/panel/WI-02.toml" | cut -d: -f1)
for cmd in "upgrade $tmp/panel -o $tmp/panel-new" "score $ins $tmp/panel" "check $ins $tmp/panel"; do
  rc=0; "$zs" $cmd >"$tmp/panel.out" 2>"$tmp/panel.err" || rc=$?
  [ $rc = 1 ] || fail "$cmd with a klantenpanel file: exit $rc, expected 1"
  grep -q "^$tmp/panel/WI-02.toml:$line:[0-9]*: error: role group 'klantenpanel' is not in version $now of 'institutioneel-racisme' (removed in 3.0.0): Klanten en leden van de cliëntenraad" "$tmp/panel.err" ||
    fail "$cmd: the removed role is not named at its line with the changelog's reason: $(cat "$tmp/panel.err")"
  grep -q "leave this file out" "$tmp/panel.err" || fail "$cmd: no hint what to do"
done
[ ! -e "$tmp/panel-new" ] || fail "upgrade wrote files although one input cannot be carried over"

old=tests/data/answers-1.0.0/werk-en-inkomen
before=$(cat "$old"/*.toml | sha256sum)
# never in place, never over a file without --force, -o must be a folder
rc=0; "$zs" upgrade "$old" -o "$old" >/dev/null 2>"$tmp/inplace.err" || rc=$?
[ $rc = 1 ] || fail "upgrade into its own folder: exit $rc"
[ "$(cat "$old"/*.toml | sha256sum)" = "$before" ] || fail "upgrade in place changed an input"
rc=0; "$zs" upgrade "$old" -o "$tmp/new-1.0.0" >/dev/null 2>"$tmp/again.err" || rc=$?
[ $rc = 1 ] && grep -q "already exists" "$tmp/again.err" || fail "an existing output was replaced without --force (exit $rc)"
"$zs" upgrade "$old" -o "$tmp/new-1.0.0" --force >/dev/null 2>&1 || fail "--force"
rc=0; "$zs" upgrade "$old" -o "$tmp/new-1.0.0/WI-01.toml" >/dev/null 2>&1 || rc=$?
[ $rc = 2 ] || fail "-o a file: exit $rc, expected 2"
echo ok
