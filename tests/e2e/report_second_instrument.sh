#!/usr/bin/env bash
# End-to-end: the report on an instrument that is not shipped
# (tests/data/instruments/toegang.toml: other scales, band names, reversed
# scale, scored numbers, no gate) says nothing that belongs to the shipped
# instruments. Every text of the shipped instruments that toegang.toml does
# not have itself (scale, option, band, role, domain, question and measure
# texts, in both languages), and the numbers the 0.1.0 templates hard-coded,
# must be absent from the PDF and HTML reports, nl and en, and from `score`.
set -euo pipefail
zs=$1 src=$2 tmp=$3
rm -rf "$tmp" && mkdir -p "$tmp/answers"
fail() { echo "FAIL: $*" >&2; exit 1; }
ins=$src/tests/data/instruments/toegang.toml

answer() { # code role body
  printf 'instrument = "toegang"\nversion = "0.3.0"\nlanguage = "nl"\n[respondent]\ncode = "%s"\nrole = "%s"\n[answers]\n%b\n' "$1" "$2" "$3" >"$tmp/answers/$1.toml"
}
answer B1 balie '"B1" = "veel"\n"B2" = "enige"\n"G1" = "ja"\n"G2" = "soms"\n"G3" = 12\n"C1" = "nee"\n"C2" = "2"\n"C3" = 4\n"C4" = "Een rustige hoek om te praten."'
answer B2 balie '"B1" = "veel"\n"B2" = "enige"\n"G1" = "nee"\n"G2" = "rol"\n"G3" = 3\n"C1" = "ja"\n"C2" = "3"\n"C3" = 2'
answer B3 balie '"B1" = "veel"\n"B2" = "keuze"\n"G1" = "geen-idee"\n"G2" = "vaak"\n"C1" = "nee"\n"C2" = "1"\n"C3" = 7\n"C4" = "Meer tijd per bezoeker."'
answer B4 balie '"B1" = "veel"\n"B2" = "enige"\n"G1" = "ja"\n"G2" = "nooit"\n"G3" = 30\n"C1" = "nee"\n"C2" = "5"\n"C3" = 0'
answer F1 facilitair '"B1" = "veel"\n"B2" = "enige"\n"G1" = "ja"\n"G2" = "soms"\n"G3" = 14\n"C1" = "geen-idee"\n"C2" = "4"'
answer F2 facilitair '"B1" = "weinig"\n"B2" = "enige"\n"G1" = "nee"\n"G2" = "altijd"\n"G3" = 1\n"C1" = "nee"\n"C2" = "3"'
answer T1 team '"B1" = "veel"\n"B2" = "enige"\n"G1" = "ja"\n"G2" = "onbekend"\n"G3" = 20\n"C1" = "geen-idee"\n"C2" = "2"\n"C3" = 9'
answer R1 raad '"B1" = "veel"\n"B2" = "enige"\n"G1" = "ja"\n"G2" = "soms"\n"C1" = "ja"\n"C2" = "1"\n"C4" = "Schrijftolk standaard aanbieden."'

"$zs" check "$ins" "$tmp/answers" >"$tmp/check.txt" 2>&1 || { cat "$tmp/check.txt"; fail "check"; }
for lang in nl en; do
  "$zs" report "$ins" "$tmp/answers" --lang $lang -o "$tmp/report.$lang.pdf" || fail "report $lang pdf"
  "$zs" report "$ins" "$tmp/answers" --lang $lang -o "$tmp/report.$lang.html" || fail "report $lang html"
  "$zs" score "$ins" "$tmp/answers" --lang $lang >"$tmp/score.$lang.txt" || fail "score $lang"
  pdftotext -layout "$tmp/report.$lang.pdf" "$tmp/report.$lang.pdf.txt"
done
"$zs" score "$ins" "$tmp/answers" --json >"$tmp/score.json" || fail "score --json"

python3 - "$src" "$tmp" <<'PY' || fail "shipped text in the second instrument's report"
import html, json, pathlib, re, sys, tomllib
src, tmp = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
own = tomllib.loads((src / "tests/data/instruments/toegang.toml").read_text())

def texts(node, lang, out):
    """Every string of a {nl, en} table under node, in one language."""
    if isinstance(node, dict):
        if lang in node and isinstance(node[lang], str):
            out.add(node[lang])
        for v in node.values():
            texts(v, lang, out)
    elif isinstance(node, list):
        for v in node:
            texts(v, lang, out)
    return out

def squash(s):
    return re.sub(r"\s+", " ", s).strip()

def plain(path):
    s = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        s = re.sub(r"<(script|style)\b.*?</\1>", " ", s, flags=re.S)
        s = html.unescape(re.sub(r"<[^>]+>", " ", s))
    # pdftotext breaks lines and hyphenates: join both back
    s = re.sub(r"(\w)-\n\s*(\w)", r"\1\2", s)
    return squash(s)

problems = []
for lang in ("nl", "en"):
    mine = {squash(t) for t in texts(own, lang, set())}
    shipped = set()
    for f in sorted((src / "instruments").glob("*.toml")):
        texts(tomllib.loads(f.read_text()), lang, shipped)
    shipped = {squash(t) for t in shipped} - mine
    # long texts as substrings; short labels (band names, answer options)
    # as whole words with their capital, as a legend or table cell shows them
    long_texts = sorted(t for t in shipped if len(t) >= 25 and not any(t in m for m in mine))
    # (a lowercase single word such as a unit, "mensen", is not a label; a
    # numbered option "2 Oneens" is its label without the number)
    short = sorted(t for t in shipped if 3 <= len(t) < 25 and (" " in t or t[0].isupper())
                   and not any(re.sub(r"^\d+ ", "", t).lower() in m.lower() for m in mine))
    # what the 0.1.0 templates said whatever the instrument: risk values of
    # the shipped scales and the shipped topic
    fixed = ["0 / 0,5 / 1", "0 / 0.5 / 1", "racisme", "racism", "discriminatie", "discrimination",
             "algoritme", "algorithm", "Werk & Inkomen", "Work & Income", "Weet ik niet", "Don't know"]
    outs = [tmp / f"report.{lang}.pdf.txt", tmp / f"report.{lang}.html", tmp / f"score.{lang}.txt"]
    if lang == "nl":
        outs.append(tmp / "score.json")
    for out in outs:
        text = plain(out)
        for t in long_texts:
            if t in text:
                problems.append(f"{out.name}: shipped text {t!r}")
        for t in short:
            if re.search(r"(?<!\w)" + re.escape(t) + r"(?!\w)", text):
                problems.append(f"{out.name}: shipped label {t!r}")
        for t in fixed:
            if t.lower() in text.lower():
                problems.append(f"{out.name}: fixed text {t!r}")
        # and what it must say: its own band names and scale options
        for band in own["risk"]["band"]:
            if out.name.startswith("report") and band["label"][lang] not in text:
                problems.append(f"{out.name}: own band {band['label'][lang]!r} missing")
if problems:
    print("\n".join(sorted(set(problems))))
    sys.exit(1)
PY

# the figures follow the instrument, worked by hand from the answers above:
# G3 (days) 12, 3, 30, 14, 1, 20 -> median 13, mean risk by its steps
# (<=2: 0, <=10: 0.5, else 1) = 4.5 / 6 = 0.75; C3 (unscored) 4, 2, 7, 0, 9 ->
# median 4; C1 raised by "ja" (B2, R1) and by the team's "geen-idee" (T1)
python3 - "$tmp/score.json" <<'PY2' || fail "second instrument's figures"
import json, sys
j = json.load(open(sys.argv[1]))
q = {x["id"]: x for x in j["questions"]}
g3, c3, c1 = q["G3"], q["C3"], q["C1"]
assert g3["numbers"] == {"count": 6, "median": 13, "lowest": 1, "highest": 30, "mean": 13.3333}, g3["numbers"]
assert g3["scored"] and abs(g3["mean_risk"] - 0.75) < 1e-9, g3
assert c3["numbers"]["median"] == 4 and not c3["scored"] and c3["mean_risk"] is None, c3
assert c1["red_flag"] and c1["red_flags"] == 3, c1
bands = {d["band"] for d in j["domains"] if d.get("band")}
assert bands <= {"groen", "oranje", "rood"}, bands
PY2
t=$(tr -s ' \n' ' ' <"$tmp/report.nl.pdf.txt")
grep -q 'binnen 7 dagen' <<<"$t" || fail "the instrument's red-flag deadline (7 days)"
grep -q 'Bel de weggestuurde bezoekers terug' <<<"$t" || fail "the red-flag measure's redress"
echo ok
