#!/usr/bin/env bash
# End-to-end: the plan as a living file. --plan on an existing plan merges:
# hand-edited cells and a user's own column are kept, a solved measure keeps
# its row marked "niet meer aangewezen", the old file is kept as FILE~, and a
# plan that cannot be read is never overwritten. `check` validates plans.
set -euo pipefail
zs=$1 src=$2 tmp=$3
rm -rf "$tmp" && mkdir -p "$tmp"
fail() { echo "FAIL: $*" >&2; exit 1; }
ex=$src/tests/data/instruments/voorbeeld.toml
export SOURCE_DATE_EPOCH=1798761600 # 2027-01-01

answer() { # file code date D2.1
  printf 'instrument = "voorbeeld"\nversion = "1.0.0"\nlanguage = "nl"\n[respondent]\ncode = "%s"\nrole = "uitvoering"\norganisation = "Gemeente Voorbeeld"\nunit = "Werk"\ndate = "%s"\n[answers]\n"D1.1" = "nee"\n"D2.0" = "ja"\n"D2.1" = "%s"\n' "$2" "$3" "$4" >"$tmp/$1"
}
answer r1.toml R1 2026-06-01 nee   # round 1: M1 (D1.1) and M2 (red flag on D2.1)
answer r2.toml R2 2026-12-01 ja    # round 2: D2.1 solved, M2 no longer indicated

for fmt in csv toml; do
  plan=$tmp/plan.$fmt
  "$zs" score "$ex" "$tmp/r1.toml" --plan "$plan" >/dev/null || fail "$fmt: round 1"
  "$zs" check "$plan" >"$tmp/check.out" || fail "$fmt: check fresh plan: $(cat "$tmp/check.out")"
  grep -q "ok: plan for voorbeeld 1.0.0: 2 measures, 0 done, 0 overdue" "$tmp/check.out" || fail "$fmt: check: $(cat "$tmp/check.out")"
  # The team fills it in, in a spreadsheet or an editor, and adds a column.
  python3 - "$plan" "$fmt" <<'PY'
import csv, sys
path, fmt = sys.argv[1], sys.argv[2]
if fmt == "csv":
    rows = list(csv.DictReader(open(path, newline="", encoding="utf-8")))
    for r in rows:
        r["Budget"] = "€ 5.000" if r["measure"] == "M1" else ""
        if r["measure"] == "M1": r.update(owner="Mevr. Jansen", deadline="1-3-2027", status="bezig", notes="In MT van maart")
        if r["measure"] == "M2": r.update(owner="Dhr. De Vries", deadline="2026-11-01", status="afgerond")
    w = csv.DictWriter(open(path, "w", newline="", encoding="utf-8-sig"), fieldnames=list(rows[0].keys()), delimiter=";", lineterminator="\r\n")
    w.writeheader(); w.writerows(rows)
else:
    t = open(path, encoding="utf-8").read()
    t = t.replace('measure = "M1"\n', 'measure = "M1"\nbudget = 5000\n', 1)
    parts = t.split("[[action]]")
    for i, p in enumerate(parts):
        if 'measure = "M1"' in p:
            p = p.replace('owner = "Directeur"', 'owner = "Mevr. Jansen"').replace('deadline = ""', 'deadline = "2027-03-01"').replace('status = "open"', 'status = "bezig"').replace('notes = ""', 'notes = "In MT van maart"')
        if 'measure = "M2"' in p:
            p = p.replace('owner = "Afdelingshoofd"', 'owner = "Dhr. De Vries"').replace('deadline = ""', 'deadline = "2026-11-01"').replace('status = "open"', 'status = "afgerond"')
        parts[i] = p
    open(path, "w", encoding="utf-8").write("[[action]]".join(parts))
PY
  cp "$plan" "$tmp/edited.$fmt"
  "$zs" score "$ex" "$tmp/r2.toml" --plan "$plan" >/dev/null 2>"$tmp/merge.err" || fail "$fmt: round 2: $(cat "$tmp/merge.err")"
  cmp "$plan~" "$tmp/edited.$fmt" || fail "$fmt: the previous file is not kept as FILE~"
  python3 - "$plan" "$fmt" <<'PY'
import csv, sys, tomllib
path, fmt = sys.argv[1], sys.argv[2]
if fmt == "csv":
    rows = {r["measure"]: r for r in csv.DictReader(open(path, newline="", encoding="utf-8"))}
    m1, m2 = rows["M1"], rows["M2"]
    assert m1["Budget"] == "€ 5.000", m1
    assert m1["deadline"] == "1-3-2027", m1   # kept as written
    assert m1["indicated"] == "ja" and m2["indicated"] == "nee: niet meer aangewezen", (m1, m2)
else:
    t = tomllib.load(open(path, "rb"))
    rows = {a["measure"]: a for a in t["action"]}
    m1, m2 = rows["M1"], rows["M2"]
    assert m1["budget"] == 5000, m1           # the user's key keeps its type
    assert m1["deadline"] == "2027-03-01" and m1["indicated"] is True and m2["indicated"] is False, (m1, m2)
    assert t["round"] == "2026-12-01" and t["updated"] == "2027-01-01", t
assert m1["owner"] == "Mevr. Jansen" and m1["status"] == "bezig" and m1["notes"] == "In MT van maart", m1
assert m2["owner"] == "Dhr. De Vries" and m2["status"] == "afgerond" and m2["deadline"] == "2026-11-01", m2
assert m1["since"] == "2026-06-01" and m2["since"] == "2026-06-01", (m1, m2)
assert list(rows) == ["M1", "M2"], list(rows)
PY
  [ $? -eq 0 ] || fail "$fmt: merged plan"
  # The same run again changes nothing: no new FILE~.
  cp "$plan" "$tmp/merged.$fmt"; rm "$plan~"
  "$zs" score "$ex" "$tmp/r2.toml" --plan "$plan" >/dev/null
  cmp "$plan" "$tmp/merged.$fmt" || fail "$fmt: second merge changed the plan"
  [ ! -e "$plan~" ] || fail "$fmt: an unchanged plan was rewritten"
  "$zs" report "$ex" "$tmp/r2.toml" -o "$tmp/r.pdf" --plan "$plan" || fail "$fmt: report --plan merge"
  cmp "$plan" "$tmp/merged.$fmt" || fail "$fmt: report merged differently from score"
done

# A plan that cannot be read is left alone: exit 1, located error, no write.
printf 'measure,status\nM1,"bezig\n' >"$tmp/broken.csv"
cp "$tmp/broken.csv" "$tmp/broken.keep"
set +e; "$zs" score "$ex" "$tmp/r2.toml" --plan "$tmp/broken.csv" >/dev/null 2>"$tmp/broken.err"; rc=$?; set -e
[ $rc -eq 1 ] || fail "broken plan: exit $rc"
grep -q "broken.csv:2:4: error: a quoted cell is not closed" "$tmp/broken.err" || fail "broken plan: $(cat "$tmp/broken.err")"
cmp "$tmp/broken.csv" "$tmp/broken.keep" || fail "broken plan overwritten"
[ ! -e "$tmp/broken.csv~" ] || fail "broken plan: backup written"

# check: located errors for what a team may get wrong.
printf 'instrument = "voorbeeld"\nversion = "1.0.0"\n\n[[action]]\nmeasure = "M1"\nstatus = "klaarr"\ndeadline = "31-02-2027"\n\n[[action]]\nmeasure = "M7"\n' >"$tmp/wrong.toml"
set +e; "$zs" check --instrument "$ex" "$tmp/wrong.toml" 2>"$tmp/wrong.err"; rc=$?; set -e
[ $rc -eq 1 ] || fail "check wrong plan: exit $rc"
grep -q "wrong.toml:6:1: error: 'klaarr' is not a status" "$tmp/wrong.err" || fail "status: $(cat "$tmp/wrong.err")"
grep -q "hint: did you mean 'afgerond'?" "$tmp/wrong.err" || fail "status hint: $(cat "$tmp/wrong.err")"
grep -q "wrong.toml:7:1: error: deadline '31-02-2027' is not a date" "$tmp/wrong.err" || fail "date: $(cat "$tmp/wrong.err")"
grep -q "wrong.toml:10:1: error: 'M7' is not a measure of instrument 'voorbeeld' 1.0.0" "$tmp/wrong.err" || fail "measure: $(cat "$tmp/wrong.err")"
printf 'measure;status\nM1;gedaan\n' >"$tmp/wrong.csv"
set +e; "$zs" check --instrument "$ex" "$tmp/wrong.csv" 2>"$tmp/wrongcsv.err"; rc=$?; set -e
[ $rc -eq 1 ] || fail "check wrong csv: exit $rc"
grep -q "wrong.csv:2:4: error: 'gedaan' is not a status" "$tmp/wrongcsv.err" || fail "csv status: $(cat "$tmp/wrongcsv.err")"
echo "plan_merge: ok"
