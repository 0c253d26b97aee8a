#!/usr/bin/env bash
# End-to-end: answers to version 1.0.0 of the full scan against the 2.0.0
# instrument. check/score read them through the changelog with a warning;
# `zelfscan upgrade` rewrites them for 2.0.0 into a folder, never in place,
# and the result is what an independent reading of [[changes]] gives.
set -euo pipefail
zs=$1 src=$2 tmp=$3
rm -rf "$tmp" && mkdir -p "$tmp"
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$src" # the instruments path (./instruments, with archive/) as a coordinator has it
ins=instruments/institutioneel-racisme.toml
old=tests/data/answers-1.0.0/werk-en-inkomen

# score reads the old answers through the changelog, with one warning
"$zs" score "$ins" "$old" --json >"$tmp/score.json" 2>"$tmp/score.err" || { cat "$tmp/score.err"; fail "score of 1.0.0 answers"; }
grep -q "answer version 1.0.0 of 'institutioneel-racisme'; they are read through the changelog to version 2.0.0" "$tmp/score.err" ||
  fail "no changelog warning: $(cat "$tmp/score.err")"
grep -q "zelfscan upgrade" "$tmp/score.err" || fail "the warning does not point to upgrade"
python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); assert j["version"]=="2.0.0" and j["respondents"]>0, j["version"]' "$tmp/score.json" ||
  fail "score --json is not for 2.0.0"

# upgrade: one file per input, checked by check, mapped as [[changes]] says
before=$(cat "$old"/*.toml | sha256sum)
"$zs" upgrade "$old" -o "$tmp/new" >"$tmp/up.out" 2>"$tmp/up.err" || { cat "$tmp/up.err"; fail "upgrade"; }
[ "$(cat "$old"/*.toml | sha256sum)" = "$before" ] || fail "upgrade changed an input"
n_old=$(ls "$old"/*.toml | wc -l); n_new=$(ls "$tmp/new"/*.toml | wc -l)
[ "$n_old" = "$n_new" ] || fail "$n_old inputs, $n_new outputs"
grep -q "^$n_new answer files written for 'institutioneel-racisme' version 2.0.0 in $tmp/new$" "$tmp/up.out" || fail "summary line: $(cat "$tmp/up.out")"
"$zs" check "$ins" "$tmp/new" >"$tmp/check.out" 2>&1 || { cat "$tmp/check.out"; fail "check of the upgraded files"; }
if grep -q "changelog" "$tmp/check.out"; then fail "upgraded files still need the changelog"; fi
python3 - "$src/$ins" "$src/$old" "$tmp/new" <<'PY' || fail "upgraded answers differ from the changelog"
import pathlib, sys, tomllib
ins = tomllib.load(open(sys.argv[1], "rb"))
scales = {s["id"]: {o["id"] for o in s["option"]} for s in ins["scale"]}
questions = {q["id"]: q for q in ins.get("profile", {}).get("question", [])}
for d in ins["domain"]:
    questions.update({q["id"]: q for q in d["question"]})
step = next(c for c in ins["changes"] if c["from"] == "1.0.0")
entries = {e["old"]: e for e in step["question"] if "old" in e}

def norm(v):
    v = v if isinstance(v, dict) else {"answer": v}
    a = v.get("answer")
    if isinstance(a, str):
        a = [a] if a else []  # "" is the template's empty answer
    elif a is None:
        a = []
    return {"answer": a, "note": v.get("note", ""), "evidence": v.get("evidence", "")}

checked = carried = lost = 0
for f in sorted(pathlib.Path(sys.argv[2]).glob("*.toml")):
    before = tomllib.load(open(f, "rb"))
    after = tomllib.load(open(pathlib.Path(sys.argv[3]) / f.name, "rb"))
    assert after["version"] == "2.0.0" and after["respondent"].get("code") == before["respondent"].get("code"), f
    want = {}
    for qid, v in before.get("answers", {}).items():
        a = norm(v)
        e = entries.get(qid)
        new = qid
        if e is not None:
            if e["change"] not in ("same", "reworded", "reversed") or not e.get("new"):
                lost += 1
                continue
            new = e["new"][0]
            if isinstance(a["answer"], list):
                a["answer"] = [e.get("answers", {}).get(o, o) for o in a["answer"]]
                a["answer"] = [o for o in a["answer"] if o != ""]
        if new not in questions:
            lost += 1
            continue
        q = questions[new]
        if isinstance(a["answer"], list) and q.get("kind", "choice") in ("choice", "multi"):
            a["answer"] = [o for o in a["answer"] if o in scales[q["scale"]]]
        if a["answer"] in ([], None) and not a["note"] and not a["evidence"]:
            continue
        want[new] = a
    got = {qid: norm(v) for qid, v in after.get("answers", {}).items()}
    got = {k: v for k, v in got.items() if v["answer"] not in ([], None) or v["note"] or v["evidence"]}
    for qid in sorted(set(want) | set(got)):
        w, g = want.get(qid), got.get(qid)
        assert w == g, f"{f.name} {qid}: expected {w}, got {g}"
        checked += 1
    carried += len(want)
# D3.5 is reversed (ja -> nooit): its answer must have moved
assert carried > 0 and lost > 0, (carried, lost)
print(f"{checked} answers compared, {lost} not carried over")
PY
grep -q '^"D3.5" = { answer = "nooit"' "$tmp/new/WI-01.toml" || fail "reversed D3.5 'ja' should become 'nooit'"

# never in place, never over a file without --force, -o must be a folder
rc=0; "$zs" upgrade "$old" -o "$old" >/dev/null 2>"$tmp/inplace.err" || rc=$?
[ $rc = 1 ] || fail "upgrade into its own folder: exit $rc"
[ "$(cat "$old"/*.toml | sha256sum)" = "$before" ] || fail "upgrade in place changed an input"
rc=0; "$zs" upgrade "$old" -o "$tmp/new" >/dev/null 2>"$tmp/again.err" || rc=$?
[ $rc = 1 ] && grep -q "already exists" "$tmp/again.err" || fail "an existing output was replaced without --force (exit $rc)"
"$zs" upgrade "$old" -o "$tmp/new" --force >/dev/null 2>&1 || fail "--force"
rc=0; "$zs" upgrade "$old" -o "$tmp/new/WI-01.toml" >/dev/null 2>&1 || rc=$?
[ $rc = 2 ] || fail "-o a file: exit $rc, expected 2"
echo ok
